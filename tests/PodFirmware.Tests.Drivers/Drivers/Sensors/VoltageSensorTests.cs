using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class VoltageSensorTests
    {
        private static VoltageSensorConfig Config(int mainsHz)
        {
            var config = new VoltageSensorConfig();
            config.Burst.MainsFrequencyHz = mainsHz;
            return config;
        }

        [DataRow(50, 230.0)]
        [DataRow(60, 230.0)]
        [DataRow(60, 120.0)]
        [DataRow(50, 264.0)]
        [TestMethod]
        public static void Reads_mains_voltage_within_1_percent(int mainsHz, double volts)
        {
            VoltageSensorConfig config = Config(mainsHz);
            var channel = new SimulatedAcChannel(config);
            var sensor = new VoltageSensor(channel, config);

            channel.RmsValue = volts;
            sensor.Sample(0, true);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.WithinPercent(volts, sensor.VoltageV, 1.0, "voltage");
            Assert.IsFalse(sensor.IsClipped);
        }

        [TestMethod]
        public static void Reads_a_dead_line_below_1V()
        {
            VoltageSensorConfig config = Config(50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new VoltageSensor(channel, config);

            sensor.Sample(0, false);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Assert.IsTrue(Finite.Below(sensor.VoltageV, 1.0), "0 V reads " + sensor.VoltageV.ToString() + " V");
        }

        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [TestMethod]
        public static void Each_injected_fault_maps_to_its_status(int fault)
        {
            VoltageSensorConfig config = Config(50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new VoltageSensor(channel, config);
            channel.RmsValue = 230.0;
            sensor.Sample(0, true);
            channel.Fault = (SensorStatus)fault;

            for (long t = 100; t <= 10000; t += 100)
            {
                sensor.Sample(t, true);
            }

            Assert.AreEqual(fault, (int)sensor.Status);
            Assert.IsTrue(double.IsNaN(sensor.VoltageV), "no voltage while faulted");
        }

        [TestMethod]
        public static void Applies_calibration_gain_then_offset()
        {
            VoltageSensorConfig config = Config(50);
            config.CalibrationGain = 0.98;
            config.CalibrationOffsetV = 3.0;
            var channel = new SimulatedAcChannel(config);
            var sensor = new VoltageSensor(channel, config);

            channel.RmsValue = 230.0;
            sensor.Sample(0, true);

            Approx.WithinPercent(228.4, sensor.VoltageV, 0.5, "230 V * 0.98 + 3");
        }
    }
}
