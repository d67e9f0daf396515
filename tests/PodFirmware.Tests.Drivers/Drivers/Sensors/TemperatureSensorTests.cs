using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class TemperatureSensorTests
    {
        private static TemperatureSensorConfig Config(int position)
        {
            var config = new TemperatureSensorConfig();
            config.NtcPosition = position == 1 ? TemperatureSensorConfig.HighSide : TemperatureSensorConfig.LowSide;
            return config;
        }

        [DataRow(0)]
        [DataRow(1)]
        [TestMethod]
        public static void Reads_25C_within_half_a_degree_from_a_mid_scale_2048_count_reading(int position)
        {
            TemperatureSensorConfig config = Config(position);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = 25.0;
            sensor.Sample(0);

            Assert.AreEqual(2048, sensor.RawCounts, "raw counts");
            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.Equal(25.0, sensor.TemperatureC, 0.5, "temperature");
        }

        [DataRow(0, 70.0)]
        [DataRow(1, 70.0)]
        [DataRow(0, 160.0)]
        [DataRow(1, 160.0)]
        [DataRow(0, -30.0)]
        [DataRow(1, -30.0)]
        [TestMethod]
        public static void Reads_within_1C_of_the_beta_model_end_to_end(int position, double temperatureC)
        {
            TemperatureSensorConfig config = Config(position);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = temperatureC;
            sensor.Sample(0);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.Equal(temperatureC, sensor.TemperatureC, 1.0, "temperature");
        }

        [DataRow(0)]
        [DataRow(1)]
        [TestMethod]
        public static void Reads_70C_through_a_Steinhart_Hart_model(int position)
        {
            TemperatureSensorConfig config = Config(position);
            config.Model = TemperatureSensorConfig.SteinhartHart;
            config.SteinhartA = 1.009249522e-3;
            config.SteinhartB = 2.378405444e-4;
            config.SteinhartC = 2.019202697e-7;
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = 70.0;
            sensor.Sample(0);

            // 700.30 (low side) and 3394.70 (high side) counts, worked from the coefficients by bisection.
            Assert.AreEqual(position == 0 ? 700 : 3395, sensor.RawCounts, "raw counts");
            Approx.Equal(70.0, sensor.TemperatureC, 0.2, "temperature");
        }

        [DataRow(0, 1)]
        [DataRow(0, 2)]
        [DataRow(1, 1)]
        [DataRow(1, 2)]
        [TestMethod]
        public static void An_open_or_shorted_NTC_reports_its_fault_and_no_temperature(int position, int fault)
        {
            TemperatureSensorConfig config = Config(position);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.Fault = (SensorStatus)fault;
            sensor.Sample(0);

            Assert.AreEqual(fault, (int)sensor.Status, "status");
            Assert.IsTrue(double.IsNaN(sensor.TemperatureC), "no temperature while faulted");
        }

        [TestMethod]
        public static void Temperature_beyond_the_rail_margin_reads_as_a_fault_never_as_a_temperature()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            // Low side: below about -60 degC the pin is within 1 % of full scale, above about 223 degC within 1 % of 0.
            ntc.TemperatureC = -70.0;
            sensor.Sample(0);
            Assert.AreEqual((int)SensorStatus.Open, (int)sensor.Status, "far too cold looks like an open NTC");

            ntc.TemperatureC = 240.0;
            sensor.Sample(100);
            Assert.AreEqual((int)SensorStatus.Short, (int)sensor.Status, "far too hot looks like a shorted NTC");
        }

        [TestMethod]
        public static void Reports_stuck_after_30s_of_identical_counts_while_they_must_change()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);
            ntc.TemperatureC = 40.0;
            ntc.Fault = SensorStatus.Stuck;

            for (long t = 0; t <= 30000; t += 1000)
            {
                ntc.TemperatureC = 40.0 + (t / 1000);
                sensor.Sample(t, true);
                Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status, "still inside the window at " + t.ToString() + " ms");
            }

            sensor.Sample(30001, true);
            Assert.AreEqual((int)SensorStatus.Stuck, (int)sensor.Status, "frozen for more than 30 s");
            Assert.IsTrue(double.IsNaN(sensor.TemperatureC), "no temperature while stuck");
        }

        [TestMethod]
        public static void A_noisy_healthy_channel_is_never_stuck()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            ntc.NoiseCounts = 2;
            var sensor = new TemperatureSensor(ntc, config);

            for (long t = 0; t <= 600000; t += 500)
            {
                sensor.Sample(t, true);
                Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status, "status at " + t.ToString() + " ms");
            }
        }

        [TestMethod]
        public static void Without_mustChange_a_frozen_reading_is_not_judged()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);
            ntc.Fault = SensorStatus.Stuck;

            sensor.Sample(0);
            sensor.Sample(120000);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.Equal(25.0, sensor.TemperatureC, 0.5, "temperature");
        }

        [TestMethod]
        public static void Applies_calibration_gain_then_offset()
        {
            TemperatureSensorConfig config = Config(0);
            config.CalibrationGain = 1.1;
            config.CalibrationOffsetC = -2.0;
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = 50.0;
            sensor.Sample(0);

            Approx.Equal(53.0, sensor.TemperatureC, 0.2, "50 degC * 1.1 - 2");
        }

        [TestMethod]
        public static void A_single_sample_spike_is_rejected_and_a_real_rise_arrives_one_sample_late()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = 30.0;
            sensor.Sample(0);
            ntc.TemperatureC = 90.0;
            sensor.Sample(100);
            Approx.Equal(30.0, sensor.TemperatureC, 0.2, "spike held");
            ntc.TemperatureC = 30.0;
            sensor.Sample(200);
            Approx.Equal(30.0, sensor.TemperatureC, 0.2, "spike never shown");

            ntc.TemperatureC = 90.0;
            sensor.Sample(300);
            Approx.Equal(30.0, sensor.TemperatureC, 0.2, "step held for one sample");
            sensor.Sample(400);
            Approx.Equal(90.0, sensor.TemperatureC, 0.3, "step confirmed on the next sample");
        }

        [TestMethod]
        public static void After_a_fault_clears_the_first_reading_is_believed_at_once()
        {
            TemperatureSensorConfig config = Config(0);
            var ntc = new SimulatedNtcChannel(config);
            var sensor = new TemperatureSensor(ntc, config);

            ntc.TemperatureC = 25.0;
            sensor.Sample(0);
            ntc.Fault = SensorStatus.Open;
            sensor.Sample(100);
            ntc.Fault = SensorStatus.Ok;
            ntc.TemperatureC = 80.0;
            sensor.Sample(200);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.Equal(80.0, sensor.TemperatureC, 0.3, "no hold after recovery");
        }

        [TestMethod]
        public static void Reports_open_and_no_temperature_before_the_first_sample()
        {
            TemperatureSensorConfig config = Config(0);
            var sensor = new TemperatureSensor(new SimulatedNtcChannel(config), config);
            Assert.AreEqual((int)SensorStatus.Open, (int)sensor.Status);
            Assert.IsTrue(double.IsNaN(sensor.TemperatureC));
        }

        [TestMethod]
        public static void Refuses_a_channel_whose_full_scale_differs_from_the_configured_bits()
        {
            TemperatureSensorConfig config = Config(0);
            config.AdcBits = 10;
            var channel = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            Assert.ThrowsException(typeof(ArgumentException), () => new TemperatureSensor(channel, config));
        }

        [TestMethod]
        public static void Refuses_an_invalid_configuration()
        {
            TemperatureSensorConfig config = Config(0);
            config.SeriesResistorOhm = 0.0;
            var channel = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            Assert.ThrowsException(typeof(ArgumentException), () => new TemperatureSensor(channel, config));
        }
    }
}
