using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class SensorConfigValidationTests
    {
        private static void AssertNames(ConfigErrors errors, string[] keys)
        {
            string all = errors.ToString();
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.Contains(keys[i] + ":", all, "missing " + keys[i]);
            }
        }

        [TestMethod]
        public static void Defaults_of_all_three_sensors_pass()
        {
            var errors = new ConfigErrors();
            new TemperatureSensorConfig().Validate("sensors.temperature", errors);
            new CurrentSensorConfig().Validate("sensors.current", errors);
            new VoltageSensorConfig().Validate("sensors.voltage", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void Every_temperature_field_out_of_range_is_reported_by_its_key()
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
            config.SupplyMv = 6000.0;
            config.AdcBits = 8;
            config.ReferenceMv = 100.0;
            config.RailMarginFraction = 0.5;
            config.CalibrationGain = 3.0;
            config.CalibrationOffsetC = 50.0;
            config.MaxStepC = 0.0;
            config.StuckAfterMs = 0;
            var errors = new ConfigErrors();

            config.Validate("sensors.temperature", errors);

            AssertNames(errors, new string[]
            {
                "sensors.temperature.model", "sensors.temperature.r25Ohm", "sensors.temperature.betaK",
                "sensors.temperature.steinhartA", "sensors.temperature.steinhartB", "sensors.temperature.steinhartC",
                "sensors.temperature.ntcPosition", "sensors.temperature.seriesResistorOhm", "sensors.temperature.supplyMv",
                "sensors.temperature.adcBits", "sensors.temperature.referenceMv", "sensors.temperature.railMarginFraction",
                "sensors.temperature.calibrationGain", "sensors.temperature.calibrationOffsetC", "sensors.temperature.maxStepC",
                "sensors.temperature.stuckAfterMs",
            });
            Assert.AreEqual(16, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void A_divider_supply_below_the_ADC_full_scale_is_rejected()
        {
            var config = new TemperatureSensorConfig();
            config.SupplyMv = 3000.0;
            var errors = new ConfigErrors();
            config.Validate("sensors.temperature", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.temperature.supplyMv", errors[0]);
        }

        [TestMethod]
        public static void Every_current_field_out_of_range_is_reported_by_its_key()
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
            config.Burst.CyclesPerBurst = 0;
            var errors = new ConfigErrors();

            config.Validate("sensors.current", errors);

            AssertNames(errors, new string[]
            {
                "sensors.current.transducer", "sensors.current.ctTurnsRatio", "sensors.current.burdenResistorOhm",
                "sensors.current.biasMv", "sensors.current.hallSensitivityMvPerA", "sensors.current.hallZeroCurrentMv",
                "sensors.current.gain", "sensors.current.adcBits", "sensors.current.referenceMv",
                "sensors.current.railMarginFraction", "sensors.current.calibrationGain", "sensors.current.calibrationOffsetA",
                "sensors.current.maxStepA", "sensors.current.stuckAfterMs", "sensors.current.burst.cyclesPerBurst",
            });
            Assert.AreEqual(15, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void A_Hall_sensor_whose_zero_sits_above_full_scale_is_rejected()
        {
            // An ACS758 at 5 V idles at 2500 mV; amplified 1.5 times its zero lands at 3750 mV, above the 3300 mV full scale.
            var config = new CurrentSensorConfig();
            config.Transducer = CurrentSensorConfig.Hall;
            config.Gain = 1.5;
            var errors = new ConfigErrors();
            config.Validate("sensors.current", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.hallZeroCurrentMv", errors[0]);
        }

        [TestMethod]
        public static void Every_voltage_field_out_of_range_is_reported_by_its_key()
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
            config.Burst.MainsFrequencyHz = 45;
            var errors = new ConfigErrors();

            config.Validate("sensors.voltage", errors);

            AssertNames(errors, new string[]
            {
                "sensors.voltage.mainsVoltsPerAdcVolt", "sensors.voltage.biasMv", "sensors.voltage.adcBits",
                "sensors.voltage.referenceMv", "sensors.voltage.railMarginFraction", "sensors.voltage.calibrationGain",
                "sensors.voltage.calibrationOffsetV", "sensors.voltage.maxStepV", "sensors.voltage.stuckAfterMs",
                "sensors.voltage.burst.mainsFrequencyHz",
            });
            Assert.AreEqual(10, errors.Count, errors.ToString());
        }
    }
}
