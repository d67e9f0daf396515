using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>
    /// NaN and infinities in the measurement chain and in the sensor config: a driver never reports Ok with a value that
    /// is not finite, and every double key that is not finite is one named config error. Same on nanoCLR and .NET.
    /// </summary>
    [TestClass]
    public class NonFiniteSensorTests
    {
        private static readonly double[] Bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        private static string What(int i)
        {
            return i == 0 ? "NaN" : (i == 1 ? "+inf" : "-inf");
        }

        [TestMethod]
        public static void A_non_finite_converted_value_is_a_NotFinite_fault_and_the_next_good_one_is_taken_as_it_is()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var conditioner = new SensorConditioner(1.0, 0.0, 10.0, 5000, true);
                conditioner.Update(0, SensorStatus.Ok, 16.0, 1, false);
                Assert.AreEqual((int)SensorStatus.Ok, (int)conditioner.Status, What(i));
                conditioner.Update(100, SensorStatus.Ok, Bad[i], 2, false);
                Assert.AreEqual((int)SensorStatus.NotFinite, (int)conditioner.Status, What(i) + ": never floored to 0 A or passed on");
                Assert.IsTrue(double.IsNaN(conditioner.Value), What(i) + ": the value is NaN while not Ok");
                conditioner.Update(200, SensorStatus.Ok, 40.0, 3, false);
                Assert.AreEqual((int)SensorStatus.Ok, (int)conditioner.Status, What(i));
                Assert.AreEqual(40.0, conditioner.Value, What(i) + ": the plausibility history was reset by the fault");
            }
        }

        [TestMethod]
        public static void A_rail_fault_outranks_a_non_finite_value()
        {
            var conditioner = new SensorConditioner(1.0, 0.0, 10.0, 5000, false);
            conditioner.Update(0, SensorStatus.Open, double.NaN, 1, false);
            Assert.AreEqual((int)SensorStatus.Open, (int)conditioner.Status);
        }

        [TestMethod]
        public static void A_calibration_that_overflows_is_a_NotFinite_fault()
        {
            var conditioner = new SensorConditioner(2.0, 0.0, 10.0, 5000, false);
            conditioner.Update(0, SensorStatus.Ok, double.MaxValue, 1, false);
            Assert.AreEqual((int)SensorStatus.NotFinite, (int)conditioner.Status);
        }

        [TestMethod]
        public static void The_plausibility_filter_refuses_a_non_finite_step_and_passes_a_non_finite_sample_without_using_it()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new PlausibilityFilter(bad), What(i));

                var filter = new PlausibilityFilter(10.0);
                Assert.AreEqual(20.0, filter.Filter(20.0), What(i));
                double passed = filter.Filter(bad);
                Assert.IsFalse(PodFirmware.Drivers.Numerics.Finite.IsFinite(passed), What(i) + ": returned as it is");
                Assert.AreEqual(20.0, filter.Filter(50.0), What(i) + ": a jump from the last finite value is still held");
                Assert.IsTrue(filter.IsHolding, What(i));
            }
        }

        private static readonly string[] TemperatureKeys =
        {
            "r25Ohm", "betaK", "steinhartA", "steinhartB", "steinhartC", "seriesResistorOhm", "supplyMv", "referenceMv",
            "railMarginFraction", "calibrationGain", "calibrationOffsetC", "maxStepC",
        };

        private static TemperatureSensorConfig TemperatureWith(int key, double value)
        {
            var c = new TemperatureSensorConfig();
            switch (key)
            {
                case 0: c.R25Ohm = value; break;
                case 1: c.BetaK = value; break;
                case 2: c.SteinhartA = value; break;
                case 3: c.SteinhartB = value; break;
                case 4: c.SteinhartC = value; break;
                case 5: c.SeriesResistorOhm = value; break;
                case 6: c.SupplyMv = value; break;
                case 7: c.ReferenceMv = value; break;
                case 8: c.RailMarginFraction = value; break;
                case 9: c.CalibrationGain = value; break;
                case 10: c.CalibrationOffsetC = value; break;
                default: c.MaxStepC = value; break;
            }

            return c;
        }

        private static readonly string[] CurrentKeys =
        {
            "ctTurnsRatio", "burdenResistorOhm", "biasMv", "hallSensitivityMvPerA", "hallZeroCurrentMv", "gain", "referenceMv",
            "railMarginFraction", "calibrationGain", "calibrationOffsetA", "maxStepA",
        };

        private static CurrentSensorConfig CurrentWith(int key, double value)
        {
            var c = new CurrentSensorConfig();
            switch (key)
            {
                case 0: c.CtTurnsRatio = value; break;
                case 1: c.BurdenResistorOhm = value; break;
                case 2: c.BiasMv = value; break;
                case 3: c.HallSensitivityMvPerA = value; break;
                case 4: c.HallZeroCurrentMv = value; break;
                case 5: c.Gain = value; break;
                case 6: c.ReferenceMv = value; break;
                case 7: c.RailMarginFraction = value; break;
                case 8: c.CalibrationGain = value; break;
                case 9: c.CalibrationOffsetA = value; break;
                default: c.MaxStepA = value; break;
            }

            return c;
        }

        private static readonly string[] VoltageKeys =
        {
            "mainsVoltsPerAdcVolt", "biasMv", "referenceMv", "railMarginFraction", "calibrationGain", "calibrationOffsetV", "maxStepV",
        };

        private static VoltageSensorConfig VoltageWith(int key, double value)
        {
            var c = new VoltageSensorConfig();
            switch (key)
            {
                case 0: c.MainsVoltsPerAdcVolt = value; break;
                case 1: c.BiasMv = value; break;
                case 2: c.ReferenceMv = value; break;
                case 3: c.RailMarginFraction = value; break;
                case 4: c.CalibrationGain = value; break;
                case 5: c.CalibrationOffsetV = value; break;
                default: c.MaxStepV = value; break;
            }

            return c;
        }

        private static void AssertOneNamedError(ConfigErrors errors, string key, string what)
        {
            Assert.AreEqual(1, errors.Count, what + ": " + errors.ToString());
            Assert.AreEqual(key + ": must be a finite number", errors[0], what);
        }

        [TestMethod]
        public static void Every_double_temperature_sensor_key_that_is_not_finite_is_one_named_error()
        {
            for (int k = 0; k < TemperatureKeys.Length; k++)
            {
                for (int i = 0; i < Bad.Length; i++)
                {
                    var errors = new ConfigErrors();
                    TemperatureWith(k, Bad[i]).Validate("sensors.temperature", errors);
                    AssertOneNamedError(errors, "sensors.temperature." + TemperatureKeys[k], TemperatureKeys[k] + " = " + What(i));
                }
            }
        }

        [TestMethod]
        public static void Every_double_current_sensor_key_that_is_not_finite_is_one_named_error()
        {
            for (int k = 0; k < CurrentKeys.Length; k++)
            {
                for (int i = 0; i < Bad.Length; i++)
                {
                    var errors = new ConfigErrors();
                    CurrentWith(k, Bad[i]).Validate("sensors.current", errors);
                    AssertOneNamedError(errors, "sensors.current." + CurrentKeys[k], CurrentKeys[k] + " = " + What(i));
                }
            }
        }

        [TestMethod]
        public static void Every_double_voltage_sensor_key_that_is_not_finite_is_one_named_error()
        {
            for (int k = 0; k < VoltageKeys.Length; k++)
            {
                for (int i = 0; i < Bad.Length; i++)
                {
                    var errors = new ConfigErrors();
                    VoltageWith(k, Bad[i]).Validate("sensors.voltage", errors);
                    AssertOneNamedError(errors, "sensors.voltage." + VoltageKeys[k], VoltageKeys[k] + " = " + What(i));
                }
            }
        }
    }
}
