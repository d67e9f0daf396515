using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class CurrentSensorTests
    {
        private static CurrentSensorConfig Config(int transducer, int mainsHz)
        {
            var config = new CurrentSensorConfig();
            config.Transducer = transducer == 1 ? CurrentSensorConfig.Hall : CurrentSensorConfig.CurrentTransformer;
            if (transducer == 1)
            {
                // ACS758LCB-050B at 5 V through a 10k/10k divider: 20 mV/A and 1250 mV at the pin.
                config.Gain = 0.5;
            }

            config.Burst.MainsFrequencyHz = mainsHz;
            return config;
        }

        [DataRow(0, 50)]
        [DataRow(0, 60)]
        [DataRow(1, 50)]
        [DataRow(1, 60)]
        [TestMethod]
        public static void Reads_16A_within_1_percent(int transducer, int mainsHz)
        {
            CurrentSensorConfig config = Config(transducer, mainsHz);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 16.0;
            sensor.Sample(0, true);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Approx.WithinPercent(16.0, sensor.CurrentA, 1.0, "current");
            Assert.IsFalse(sensor.IsClipped);
        }

        [DataRow(0)]
        [DataRow(1)]
        [TestMethod]
        public static void Reads_no_current_below_0_2A(int transducer)
        {
            CurrentSensorConfig config = Config(transducer, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 0.0;
            sensor.Sample(0, false);

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
            Assert.IsTrue(Finite.AtLeast(sensor.CurrentA, 0.0) && Finite.Below(sensor.CurrentA, 0.2), "0 A reads " + sensor.CurrentA.ToString() + " A");
        }

        [TestMethod]
        public static void Reads_32A_on_the_default_CT_without_clipping()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 32.0;
            sensor.Sample(0, true);

            Approx.WithinPercent(32.0, sensor.CurrentA, 1.0, "current");
            Assert.IsFalse(sensor.IsClipped, "32 A peaks at 0.90 to 2.40 V on the pin");
        }

        [TestMethod]
        public static void A_current_beyond_the_ADC_range_is_flagged_as_clipped_and_reads_low()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            // The default CT chain clips above 70.7 A RMS (1.65 V peak on the 33 Ohm burden).
            channel.RmsValue = 90.0;
            sensor.Sample(0, true);

            Assert.IsTrue(sensor.IsClipped);
            Assert.IsTrue(Finite.Below(sensor.CurrentA, 90.0) && Finite.Above(sensor.CurrentA, 60.0), "clipped 90 A reads " + sensor.CurrentA.ToString() + " A");
        }

        [DataRow(1)]
        [DataRow(2)]
        [TestMethod]
        public static void An_open_or_shorted_input_reports_its_fault_and_no_current(int fault)
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 16.0;
            channel.Fault = (SensorStatus)fault;
            sensor.Sample(0, true);

            Assert.AreEqual(fault, (int)sensor.Status);
            Assert.IsTrue(double.IsNaN(sensor.CurrentA), "no current while faulted");
        }

        [TestMethod]
        public static void Reports_stuck_when_every_sample_repeats_for_more_than_5s_while_charging()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);
            channel.RmsValue = 16.0;
            sensor.Sample(0, true);
            channel.Fault = SensorStatus.Stuck;

            for (long t = 100; t <= 5100; t += 100)
            {
                sensor.Sample(t, true);
                Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status, "inside the window at " + t.ToString() + " ms");
            }

            sensor.Sample(5101, true);
            Assert.AreEqual((int)SensorStatus.Stuck, (int)sensor.Status, "frozen since 100 ms");
            Assert.IsTrue(double.IsNaN(sensor.CurrentA));
        }

        [TestMethod]
        public static void A_frozen_input_is_not_judged_while_current_need_not_flow()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);
            channel.Fault = SensorStatus.Stuck;

            for (long t = 0; t <= 60000; t += 1000)
            {
                sensor.Sample(t, false);
            }

            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);

            // The window starts when current must flow, not when the reading froze.
            sensor.Sample(61000, true);
            Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status);
        }

        [TestMethod]
        public static void A_live_channel_is_never_stuck_over_ten_minutes_of_charging()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);
            channel.RmsValue = 16.0;

            for (long t = 0; t <= 600000; t += 1000)
            {
                sensor.Sample(t, true);
                Assert.AreEqual((int)SensorStatus.Ok, (int)sensor.Status, "status at " + t.ToString() + " ms");
            }
        }

        [TestMethod]
        public static void A_step_larger_than_maxStepA_arrives_exactly_one_burst_late()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 0.0;
            sensor.Sample(0, false);
            channel.RmsValue = 16.0;
            sensor.Sample(100, true);
            Assert.IsTrue(Finite.Below(sensor.CurrentA, 0.2), "held for one burst, reads " + sensor.CurrentA.ToString());
            sensor.Sample(200, true);
            Approx.WithinPercent(16.0, sensor.CurrentA, 1.0, "confirmed on the next burst");
        }

        [TestMethod]
        public static void A_one_burst_spike_never_reaches_the_output()
        {
            CurrentSensorConfig config = Config(0, 50);
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 16.0;
            sensor.Sample(0, true);
            channel.RmsValue = 45.0;
            sensor.Sample(100, true);
            Approx.WithinPercent(16.0, sensor.CurrentA, 1.0, "spike held");
            channel.RmsValue = 16.0;
            sensor.Sample(200, true);
            Approx.WithinPercent(16.0, sensor.CurrentA, 1.0, "spike gone");
        }

        [TestMethod]
        public static void Applies_calibration_and_never_reports_a_negative_current()
        {
            CurrentSensorConfig config = Config(0, 50);
            config.CalibrationGain = 1.05;
            config.CalibrationOffsetA = -0.5;
            var channel = new SimulatedAcChannel(config);
            var sensor = new CurrentSensor(channel, config);

            channel.RmsValue = 20.0;
            sensor.Sample(0, true);
            Approx.WithinPercent(20.5, sensor.CurrentA, 1.0, "20 A * 1.05 - 0.5");

            var idleChannel = new SimulatedAcChannel(config);
            var idle = new CurrentSensor(idleChannel, config);
            idle.Sample(0, false);
            Assert.AreEqual(0.0, idle.CurrentA, "0 A with a negative offset is floored at 0");
        }

        [TestMethod]
        public static void Refuses_an_invalid_configuration()
        {
            CurrentSensorConfig config = Config(0, 50);
            config.Burst.MainsFrequencyHz = 55;
            Assert.ThrowsException(typeof(ArgumentException), () => new CurrentSensor(new SimulatedAcChannel(Config(0, 50)), config));
        }
    }
}
