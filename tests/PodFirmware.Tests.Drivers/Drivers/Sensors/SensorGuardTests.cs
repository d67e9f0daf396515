using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>What the sensor constructors refuse, by parameter name and in words, and the small parts' edges.</summary>
    [TestClass]
    public class SensorGuardTests
    {
        private sealed class FixedSampler : IMainsSampler
        {
            private readonly int _voltageMax;
            private readonly int _currentMax;

            public FixedSampler(int voltageMax, int currentMax)
            {
                _voltageMax = voltageMax;
                _currentMax = currentMax;
            }

            public int VoltageMaxRawCounts
            {
                get { return _voltageMax; }
            }

            public int CurrentMaxRawCounts
            {
                get { return _currentMax; }
            }

            public void ReadInterleaved(int[] voltage, int[] current, int pairs, int pairPeriodUs)
            {
            }
        }

        private static ArgumentException Thrown(Action construct)
        {
            try
            {
                construct();
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }

        private static void Expect(ArgumentException e, string paramName, string inMessage)
        {
            Assert.IsNotNull(e, "no exception for " + paramName);
            Assert.AreEqual(paramName, e.ParamName);
            Assert.Contains(inMessage, e.Message);
        }

        [TestMethod]
        public static void The_current_sensor_names_what_it_refuses()
        {
            var ok = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            var bad = new CurrentSensorConfig();
            bad.MaxStepA = 0;
            Expect(Thrown(() => new CurrentSensor(null, new CurrentSensorConfig())), "channel", "");
            Expect(Thrown(() => new CurrentSensor(ok, null)), "config", "");
            Expect(Thrown(() => new CurrentSensor(ok, bad)), "config", "current.maxStepA: must be between");
            Expect(Thrown(() => new CurrentSensor(new ScriptedAnalogChannel(1023, new int[] { 0 }), new CurrentSensorConfig())), "channel", "channel full scale is 1023 counts, configured adcBits give 4095");
        }

        [TestMethod]
        public static void The_voltage_sensor_names_what_it_refuses()
        {
            var ok = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            var bad = new VoltageSensorConfig();
            bad.MaxStepV = 0;
            Expect(Thrown(() => new VoltageSensor(null, new VoltageSensorConfig())), "channel", "");
            Expect(Thrown(() => new VoltageSensor(ok, null)), "config", "");
            Expect(Thrown(() => new VoltageSensor(ok, bad)), "config", "voltage.maxStepV: must be between");
            Assert.IsNull(Thrown(() => new VoltageSensor(ok, new VoltageSensorConfig())));
        }

        [TestMethod]
        public static void The_temperature_sensor_names_what_it_refuses()
        {
            var ok = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            var bad = new TemperatureSensorConfig();
            bad.MaxStepC = 0;
            Expect(Thrown(() => new TemperatureSensor(null, new TemperatureSensorConfig())), "channel", "");
            Expect(Thrown(() => new TemperatureSensor(ok, null)), "config", "");
            Expect(Thrown(() => new TemperatureSensor(ok, bad)), "config", "temperature.maxStepC: must be between");
            Expect(Thrown(() => new TemperatureSensor(new ScriptedAnalogChannel(1023, new int[] { 0 }), new TemperatureSensorConfig())), "channel", "channel full scale is 1023 counts, configured adcBits give 4095");
            Expect(Thrown(() => new NtcConverter(null)), "config", "");
        }

        [TestMethod]
        public static void The_mains_meter_names_what_it_refuses()
        {
            var voltage = new VoltageSensorConfig();
            var current = new CurrentSensorConfig();
            Expect(Thrown(() => new MainsMeter(null, voltage, current)), "sampler", "");
            Expect(Thrown(() => new MainsMeter(new FixedSampler(4095, 4095), null, current)), "voltage", "");
            Expect(Thrown(() => new MainsMeter(new FixedSampler(4095, 4095), voltage, null)), "current", "");
            Expect(Thrown(() => new MainsMeter(new FixedSampler(4095, 1023), voltage, current)), "sampler", "sampler full scale does not match the configured adcBits");
            Expect(Thrown(() => new MainsMeter(new FixedSampler(1023, 4095), voltage, current)), "sampler", "sampler full scale does not match the configured adcBits");
            var badVoltage = new VoltageSensorConfig();
            badVoltage.MaxStepV = 0;
            var badCurrent = new CurrentSensorConfig();
            badCurrent.MaxStepA = 0;
            badCurrent.Burst.SamplesPerCycle = 20;
            ArgumentException e = Thrown(() => new MainsMeter(new FixedSampler(4095, 4095), badVoltage, badCurrent));
            Expect(e, "voltage", "voltage.maxStepV: must be between");
            Assert.Contains("current.maxStepA: must be between", e.Message);
            Assert.Contains("current.burst: must equal the voltage burst: voltage and current share one interleaved burst", e.Message);
            Assert.IsNull(Thrown(() => new MainsMeter(new FixedSampler(4095, 4095), voltage, current)));
        }

        [DataRow(60, 40, 1)]
        [DataRow(50, 20, 1)]
        [DataRow(50, 40, 2)]
        [TestMethod]
        public static void The_shared_burst_must_match_in_every_key(int frequencyHz, int samplesPerCycle, int cyclesPerBurst)
        {
            var other = new MainsBurstConfig();
            other.MainsFrequencyHz = frequencyHz;
            other.SamplesPerCycle = samplesPerCycle;
            other.CyclesPerBurst = cyclesPerBurst;
            var errors = new ConfigErrors();
            MainsMeter.CheckSameBurst("k", new MainsBurstConfig(), other, errors);
            Assert.AreEqual(1, errors.Count);
            errors = new ConfigErrors();
            MainsMeter.CheckSameBurst("k", null, other, errors);
            MainsMeter.CheckSameBurst("k", other, null, errors);
            Assert.AreEqual(0, errors.Count, "a missing burst is reported by its own section");
        }

        [TestMethod]
        public static void The_burst_reader_names_what_it_refuses()
        {
            var channel = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            var burst = new MainsBurstConfig();
            Expect(Thrown(() => new RmsBurst(null, burst, 12, 3300, 0.01)), "channel", "");
            Expect(Thrown(() => new RmsBurst(channel, null, 12, 3300, 0.01)), "burst", "");
            Expect(Thrown(() => new RmsBurst(channel, burst, 10, 3300, 0.01)), "channel", "channel full scale is 4095 counts, configured adcBits give 1023");
            var empty = new MainsBurstConfig();
            empty.SamplesPerCycle = 0;
            Expect(Thrown(() => new RmsBurst(channel, empty, 12, 3300, 0.01)), "burst", "burst has no samples or no sample period; validate the configuration first");
            var noFrequency = new MainsBurstConfig();
            noFrequency.MainsFrequencyHz = 0;
            Expect(Thrown(() => new RmsBurst(channel, noFrequency, 12, 3300, 0.01)), "burst", "no sample period");
            var one = new MainsBurstConfig();
            one.SamplesPerCycle = 1;
            Assert.AreEqual(1, new RmsBurst(channel, one, 12, 3300, 0.01).SampleCount);
        }

        [TestMethod]
        public static void A_burst_touching_full_scale_exactly_is_clipped()
        {
            var burst = new RmsBurst(new ScriptedAnalogChannel(4095, new int[] { 1000, 4095, 2000 }), new MainsBurstConfig(), 12, 3300, 0.01);
            burst.Read();
            Assert.IsTrue(burst.IsClipped);
        }

        [TestMethod]
        public static void The_filter_and_the_stuck_detector_name_their_guards_and_reset_clean()
        {
            Expect(Thrown(() => new PlausibilityFilter(0)), "maxStep", "must be a finite number greater than 0");
            Expect(Thrown(() => new StuckDetector(0)), "stuckAfterMs", "must be at least 1 ms");
            Assert.AreEqual(1L, new StuckDetector(1).StuckAfterMs);

            var filter = new PlausibilityFilter(5);
            Assert.AreEqual(5.0, filter.MaxStep);
            filter.Filter(10);
            Assert.AreEqual(10.0, filter.Filter(30), "a jump is held");
            Assert.IsTrue(filter.IsHolding);
            Assert.IsTrue(double.IsNaN(filter.Filter(double.NaN)), "NaN passes through");
            Assert.IsTrue(filter.IsHolding, "NaN leaves the hold as it was");
            filter.Reset();
            Assert.IsFalse(filter.IsHolding);
            Assert.AreEqual(30.0, filter.Filter(30), "after a reset the first reading is taken");

            var stuck = new StuckDetector(100);
            stuck.Update(0, 7, true);
            Assert.IsTrue(stuck.Update(200, 7, true));
            Assert.IsFalse(stuck.Update(300, 8, true), "a changed reading");
            Assert.IsFalse(stuck.IsStuck, "a changed reading clears it");
            stuck.Update(500, 8, true);
            Assert.IsTrue(stuck.IsStuck);
            stuck.Reset();
            Assert.IsFalse(stuck.IsStuck);
        }

        [TestMethod]
        public static void The_burst_keys_refuse_in_words_and_accept_their_edges()
        {
            var burst = new MainsBurstConfig();
            burst.MainsFrequencyHz = 45;
            Assert.AreEqual("b.mainsFrequencyHz: must be 50 or 60 Hz, is 45 Hz\n", Errors(burst));
            burst = new MainsBurstConfig();
            burst.SamplesPerCycle = 0;
            Assert.AreEqual(0, burst.SamplePeriodUs, "no samples, no period");
            Assert.AreEqual("b.samplesPerCycle: must be between 8 and 200, is 0\n", Errors(burst));
            burst.SamplesPerCycle = 8;
            Assert.AreEqual("", Errors(burst));
            burst.SamplesPerCycle = 200;
            Assert.AreEqual("", Errors(burst), "100 us, the shortest period");
            burst.MainsFrequencyHz = 60;
            Assert.AreEqual("b.samplesPerCycle: gives a sample period of 83 us, below the 100 us the device can keep\n", Errors(burst));
            burst = new MainsBurstConfig();
            burst.CyclesPerBurst = 11;
            Assert.AreEqual("b.cyclesPerBurst: must be between 1 and 10, is 11\n", Errors(burst));
            burst.SamplesPerCycle = 53;
            Assert.AreEqual("b.cyclesPerBurst: must be between 1 and 10, is 11\n", Errors(burst), "no span check on an invalid count");
            burst.SamplesPerCycle = 40;
            burst.CyclesPerBurst = 10;
            Assert.AreEqual("", Errors(burst));
            burst.SamplesPerCycle = 53;
            Assert.AreEqual("b.samplesPerCycle: burst of 530 samples 377 us apart is not whole mains cycles: it is 190 us off 10 cycles of 50 Hz, more than half a sample period\n", Errors(burst));
            burst.SamplesPerCycle = 78;
            burst.CyclesPerBurst = 4;
            Assert.AreEqual("", Errors(burst), "exactly half a sample period off (312 samples 256 us apart vs 4 cycles: 128 us) is still whole");
            burst.CyclesPerBurst = 10;
            burst.SamplesPerCycle = 52;
            Assert.AreEqual("b.samplesPerCycle: burst of 520 samples 385 us apart is not whole mains cycles: it is 200 us off 10 cycles of 50 Hz, more than half a sample period\n", Errors(burst));
        }

        [TestMethod]
        public static void A_current_transformer_is_not_held_to_the_Hall_zero_limit()
        {
            var config = new CurrentSensorConfig();
            config.Gain = 1.5;
            var errors = new ConfigErrors();
            config.Validate("c", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.IsTrue(Finite.Below(System.Math.Abs((2000.0 / (33.0 * 1.5)) - config.AmpsPerAdcVolt), 1e-9), "turns / (burden x gain)");
        }

        [TestMethod]
        public static void Readings_below_zero_after_calibration_are_floored_and_the_small_getters_read_through()
        {
            var voltageConfig = new VoltageSensorConfig();
            voltageConfig.CalibrationOffsetV = -20;
            var sensor = new VoltageSensor(new ScriptedAnalogChannel(4095, new int[] { 2048 }), voltageConfig);
            sensor.Sample(0, false);
            Assert.AreEqual(0.0, sensor.VoltageV, "0 V - 20 V is floored at 0");
            Assert.IsFalse(sensor.IsClipped);
            var clipped = new VoltageSensor(new ScriptedAnalogChannel(4095, new int[] { 0, 2048, 4095, 2048 }), new VoltageSensorConfig());
            clipped.Sample(0, false);
            Assert.IsTrue(clipped.IsClipped);

            var voltage = new VoltageSensorConfig();
            var current = new CurrentSensorConfig();
            voltage.CalibrationOffsetV = -20;
            current.CalibrationOffsetA = -5;
            var meter = new MainsMeter(new SimulatedMains(new SimulatedAcChannel(voltage), new SimulatedAcChannel(current)), voltage, current);
            Assert.AreEqual((int)SensorStatus.Open, (int)meter.VoltageStatus, "before the first burst");
            meter.Sample(0, false);
            Assert.AreEqual((int)SensorStatus.Ok, (int)meter.VoltageStatus);
            Assert.AreEqual(0.0, meter.VoltageV, "voltage floored");
            Assert.AreEqual(0.0, meter.CurrentA, "current floored");

            Assert.AreEqual(500, new RmsBurst(new ScriptedAnalogChannel(4095, new int[] { 1 }), new MainsBurstConfig(), 12, 3300, 0.01).SamplePeriodUs);
        }

        [TestMethod]
        public static void The_voltage_calibration_gain_scales_the_real_power()
        {
            double plain = PowerAt(1.0);
            double doubled = PowerAt(2.0);
            Assert.IsTrue(Finite.Above(plain, 3000) && Finite.Below(System.Math.Abs(doubled - (2 * plain)), 1e-6 * plain), plain.ToString() + " W, " + doubled.ToString() + " W");
        }

        private static double PowerAt(double voltageGain)
        {
            var voltage = new VoltageSensorConfig();
            var current = new CurrentSensorConfig();
            voltage.CalibrationGain = voltageGain;
            voltage.MaxStepV = 500;
            var v = new SimulatedAcChannel(voltage);
            var i = new SimulatedAcChannel(current);
            v.RmsValue = 230;
            i.RmsValue = 16;
            var meter = new MainsMeter(new SimulatedMains(v, i), voltage, current);
            meter.Sample(0, false);
            return meter.RealPowerW;
        }

        [TestMethod]
        public static void The_NTC_ratio_is_clamped_inside_the_divider_at_both_rails()
        {
            var converter = new NtcConverter(new TemperatureSensorConfig());
            Assert.IsFalse(double.IsNaN(converter.TemperatureCFromCounts(0)), "at 0 counts");
            Assert.IsFalse(double.IsInfinity(converter.TemperatureCFromCounts(0)), "at 0 counts");
            Assert.IsFalse(double.IsNaN(converter.TemperatureCFromCounts(converter.MaxRawCounts)), "at full scale");
            Assert.IsFalse(double.IsInfinity(converter.TemperatureCFromCounts(converter.MaxRawCounts)), "at full scale");
        }

        [TestMethod]
        public static void A_wrong_transducer_name_is_named_when_parsed()
        {
            var config = new CurrentSensorConfig();
            config.Transducer = "shunt";
            ArgumentException e = Thrown(() => { CurrentTransducer unused = config.ParsedTransducer; });
            Expect(e, "Transducer", "transducer must be one of \"currentTransformer\", \"hall\"");
        }

        private static string Errors(MainsBurstConfig burst)
        {
            var errors = new ConfigErrors();
            burst.Validate("b", errors);
            return errors.ToString();
        }
    }
}
