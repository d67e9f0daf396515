using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>The sensor settings' refusals word for word (a technician reads them), their edges, and the names they parse.</summary>
    [TestClass]
    public class SensorConfigTextTests
    {
        // Lines with an exponent are compared up to the range: the board may spell 1E-05 differently.
        private static void ExpectLines(ConfigErrors errors, string[] lines)
        {
            Assert.AreEqual(lines.Length, errors.Count, errors.ToString());
            for (int i = 0; i < lines.Length; i++)
            {
                int exponent = lines[i].IndexOf("E-0");
                if (exponent < 0)
                {
                    Assert.AreEqual(lines[i], errors[i]);
                }
                else
                {
                    string head = lines[i].Substring(0, lines[i].IndexOf("between") + 8);
                    Assert.AreEqual(0, errors[i].IndexOf(head), errors[i]);
                    Assert.IsTrue(errors[i].IndexOf(" 1/K, is ") > 0, errors[i]);
                }
            }
        }

        [TestMethod]
        public static void A_divider_supply_equal_to_the_full_scale_is_accepted()
        {
            var high = new TemperatureSensorConfig();
            high.ReferenceMv = 6000.0;
            high.SupplyMv = 5500.0;
            var refused = new ConfigErrors();
            high.Validate("t", refused);
            Assert.AreEqual("t.supplyMv: must be at least referenceMv, or the divider cannot reach full scale and one fault rail is never seen\nt.referenceMv: must be between 500 mV and 5500 mV, is 6000 mV\n", refused.ToString());

            var config = new TemperatureSensorConfig();
            config.SupplyMv = 3300.0;
            config.ReferenceMv = 3300.0;
            var errors = new ConfigErrors();
            config.Validate("t", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void The_parsed_names_map_to_their_values_and_a_wrong_one_is_named()
        {
            var config = new TemperatureSensorConfig();
            Assert.AreEqual((int)NtcModel.Beta, (int)config.ParsedModel);
            Assert.AreEqual((int)NtcPosition.LowSide, (int)config.ParsedNtcPosition);
            config.Model = "STEINHARTHART";
            config.NtcPosition = "highside";
            Assert.AreEqual((int)NtcModel.SteinhartHart, (int)config.ParsedModel);
            Assert.AreEqual((int)NtcPosition.HighSide, (int)config.ParsedNtcPosition);
            config.Model = "x";
            config.NtcPosition = "y";
            ArgumentException model = null;
            ArgumentException position = null;
            try
            {
                NtcModel unused = config.ParsedModel;
            }
            catch (ArgumentException e)
            {
                model = e;
            }

            try
            {
                NtcPosition unused = config.ParsedNtcPosition;
            }
            catch (ArgumentException e)
            {
                position = e;
            }

            Assert.AreEqual("Model", model.ParamName);
            Assert.Contains("model must be one of \"beta\", \"steinhartHart\"", model.Message);
            Assert.AreEqual("NtcPosition", position.ParamName);
            Assert.Contains("ntcPosition must be one of \"lowSide\", \"highSide\"", position.Message);
        }

        [TestMethod]
        public static void Every_temperature_refusal_reads_as_written()
        {
            var config = new TemperatureSensorConfig();
            config.Model = "linear";
            config.R25Ohm = 10.0;
            config.BetaK = 9000.0;
            config.SteinhartA = 0.02;
            config.SteinhartB = 0.0;
            config.SteinhartC = -1e-7;
            config.NtcPosition = "middle";
            config.SeriesResistorOhm = 0.0;
            config.SupplyMv = 400.0;
            config.AdcBits = 8;
            config.ReferenceMv = 600.0;
            config.RailMarginFraction = 0.5;
            config.CalibrationGain = 3.0;
            config.CalibrationOffsetC = 50.0;
            config.MaxStepC = 0.0;
            config.StuckAfterMs = 0;
            var errors = new ConfigErrors();
            config.Validate("t", errors);
            ExpectLines(errors, new string[]
            {
                "t.model: must be one of \"beta\", \"steinhartHart\" (letter case ignored), is \"linear\"",
                "t.r25Ohm: must be between 100 ohm and 1000000 ohm, is 10 ohm",
                "t.betaK: must be between 2000 K and 6000 K, is 9000 K",
                "t.steinhartA: must be between 0 1/K and 0.005 1/K, is 0.02 1/K",
                "t.steinhartB: must be between 1E-05 1/K and 0.001 1/K, is 0 1/K",
                "t.steinhartC: must be between 0 1/K and 1E-05 1/K, is -1E-07 1/K",
                "t.ntcPosition: must be one of \"lowSide\", \"highSide\" (letter case ignored), is \"middle\"",
                "t.seriesResistorOhm: must be between 100 ohm and 1000000 ohm, is 0 ohm",
                "t.supplyMv: must be between 500 mV and 5500 mV, is 400 mV",
                "t.supplyMv: must be at least referenceMv, or the divider cannot reach full scale and one fault rail is never seen",
                "t.adcBits: must be between 9 bits and 16 bits, is 8 bits",
                "t.railMarginFraction: must be between 0.001 and 0.1, is 0.5",
                "t.calibrationGain: must be between 0.5 and 2, is 3",
                "t.calibrationOffsetC: must be between -20 degC and 20 degC, is 50 degC",
                "t.maxStepC: must be between 0.5 degC and 100 degC, is 0 degC",
                "t.stuckAfterMs: must be between 100 ms and 600000 ms, is 0 ms",
            });
        }

        [TestMethod]
        public static void Every_current_refusal_reads_as_written()
        {
            var config = new CurrentSensorConfig();
            config.Transducer = "shunt";
            config.CtTurnsRatio = 5.0;
            config.BurdenResistorOhm = 0.0;
            config.BiasMv = 7000.0;
            config.HallSensitivityMvPerA = 0.0;
            config.HallZeroCurrentMv = -1.0;
            config.Gain = 0.0;
            config.AdcBits = 17;
            config.ReferenceMv = 6000.0;
            config.RailMarginFraction = 0.0;
            config.CalibrationGain = 0.1;
            config.CalibrationOffsetA = 10.0;
            config.MaxStepA = 0.0;
            config.StuckAfterMs = 10;
            config.Burst = null;
            var errors = new ConfigErrors();
            config.Validate("c", errors);
            ExpectLines(errors, new string[]
            {
                "c.transducer: must be one of \"currentTransformer\", \"hall\" (letter case ignored), is \"shunt\"",
                "c.ctTurnsRatio: must be between 100 and 10000, is 5",
                "c.burdenResistorOhm: must be between 1 ohm and 1000 ohm, is 0 ohm",
                "c.biasMv: must be between 0 mV and 6000 mV, is 7000 mV",
                "c.hallSensitivityMvPerA: must be between 1 mV/A and 1000 mV/A, is 0 mV/A",
                "c.hallZeroCurrentMv: must be between 0 mV and 5500 mV, is -1 mV",
                "c.gain: must be between 0.01 and 100, is 0",
                "c.adcBits: must be between 9 bits and 16 bits, is 17 bits",
                "c.referenceMv: must be between 500 mV and 5500 mV, is 6000 mV",
                "c.railMarginFraction: must be between 0.001 and 0.1, is 0",
                "c.calibrationGain: must be between 0.5 and 2, is 0.1",
                "c.calibrationOffsetA: must be between -5 A and 5 A, is 10 A",
                "c.maxStepA: must be between 0.1 A and 200 A, is 0 A",
                "c.stuckAfterMs: must be between 100 ms and 600000 ms, is 10 ms",
                "c.burst: is missing",
            });

            config = new CurrentSensorConfig();
            config.Transducer = CurrentSensorConfig.Hall;
            config.Gain = 1.5;
            errors = new ConfigErrors();
            config.Validate("c", errors);
            ExpectLines(errors, new string[] { "c.hallZeroCurrentMv: times gain puts zero current at or above the ADC full scale (referenceMv): add a divider (gain below 1)" });
            config.Gain = 1.32;
            errors = new ConfigErrors();
            config.Validate("c", errors);
            Assert.AreEqual(1, errors.Count, "zero at 3300 mV, the full scale");
            config.Gain = 1.3;
            errors = new ConfigErrors();
            config.Validate("c", errors);
            Assert.AreEqual(0, errors.Count, "zero at 3250 mV");
        }

        [TestMethod]
        public static void Every_voltage_refusal_reads_as_written()
        {
            var config = new VoltageSensorConfig();
            config.MainsVoltsPerAdcVolt = 1.0;
            config.BiasMv = -5.0;
            config.AdcBits = 0;
            config.ReferenceMv = 0.0;
            config.RailMarginFraction = 1.0;
            config.CalibrationGain = 0.0;
            config.CalibrationOffsetV = -30.0;
            config.MaxStepV = 0.5;
            config.StuckAfterMs = 700000;
            config.Burst = null;
            var errors = new ConfigErrors();
            config.Validate("v", errors);
            ExpectLines(errors, new string[]
            {
                "v.mainsVoltsPerAdcVolt: must be between 10 V/V and 5000 V/V, is 1 V/V",
                "v.biasMv: must be between 0 mV and 0 mV, is -5 mV",
                "v.adcBits: must be between 9 bits and 16 bits, is 0 bits",
                "v.referenceMv: must be between 500 mV and 5500 mV, is 0 mV",
                "v.railMarginFraction: must be between 0.001 and 0.1, is 1",
                "v.calibrationGain: must be between 0.5 and 2, is 0",
                "v.calibrationOffsetV: must be between -20 V and 20 V, is -30 V",
                "v.maxStepV: must be between 1 V and 500 V, is 0.5 V",
                "v.stuckAfterMs: must be between 100 ms and 600000 ms, is 700000 ms",
                "v.burst: is missing",
            });
        }
    }
}
