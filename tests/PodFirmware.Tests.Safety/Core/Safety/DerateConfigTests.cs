using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Messages and edges of <see cref="DerateConfig.Validate"/> (keys <c>safety.thermal.derate.*</c>).</summary>
    [TestClass]
    public class DerateConfigTests
    {
        private static ConfigErrors Validate(DerateConfig derate)
        {
            var thermal = new ThermalConfig();
            thermal.Derate = derate;
            var errors = new ConfigErrors();
            thermal.Validate("safety.thermal", "pvc", errors);
            return errors;
        }

        [TestMethod]
        public static void The_defaults_are_valid_and_halve_at_10_and_quarter_at_5_below_the_limit()
        {
            var derate = new DerateConfig();
            Assert.AreEqual(0, Validate(derate).Count, Validate(derate).ToString());
            Assert.IsTrue(derate.Enabled);
            Assert.AreEqual(10.0, derate.HalfBelowLimitC);
            Assert.AreEqual(5.0, derate.QuarterBelowLimitC);
            Assert.AreEqual(2.0, derate.HysteresisC);
            Assert.AreEqual(30000, derate.HoldMs);
            Assert.AreEqual(6.0, derate.MinimumA);
        }

        [DataRow("halfBelowLimitC", 51, "safety.thermal.derate.halfBelowLimitC: must be between 1 degC and 50 degC, is 51 degC")]
        [DataRow("hysteresisC", 11, "safety.thermal.derate.hysteresisC: must be between 0 degC and 10 degC, is 11 degC")]
        [DataRow("holdMs", -1, "safety.thermal.derate.holdMs: must be between 0 ms and 600000 ms, is -1 ms")]
        [DataRow("minimumA", 0, "safety.thermal.derate.minimumA: must be between 1 A and 32 A, is 0 A")]
        [DataRow("quarterBelowLimitC", 10, "safety.thermal.derate.quarterBelowLimitC: must be below halfBelowLimitC")]
        [TestMethod]
        public static void A_bad_key_is_named(string key, int value, string expected)
        {
            var derate = new DerateConfig();
            switch (key)
            {
                case "halfBelowLimitC": derate.HalfBelowLimitC = value; break;
                case "hysteresisC": derate.HysteresisC = value; break;
                case "holdMs": derate.HoldMs = value; break;
                case "minimumA": derate.MinimumA = value; break;
                default: derate.QuarterBelowLimitC = value; break;
            }

            ConfigErrors errors = Validate(derate);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [TestMethod]
        public static void A_non_finite_step_is_named_and_a_missing_section_too()
        {
            var derate = new DerateConfig();
            derate.QuarterBelowLimitC = double.NaN;
            ConfigErrors errors = Validate(derate);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("safety.thermal.derate.quarterBelowLimitC: must be a finite number", errors[0]);
            var thermal = new ThermalConfig();
            thermal.Derate = null;
            errors = new ConfigErrors();
            thermal.Validate("safety.thermal", "pvc", errors);
            Assert.AreEqual("safety.thermal.derate: missing", errors[0]);
        }

        [TestMethod]
        public static void The_half_step_must_start_above_zero_degrees_below_a_custom_limit()
        {
            var thermal = new ThermalConfig();
            thermal.LimitC = 40;
            thermal.CeilingC = 100;
            thermal.ToleranceMs = 5000;
            thermal.Derate.HalfBelowLimitC = 40;
            var errors = new ConfigErrors();
            thermal.Validate("safety.thermal", "custom", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("safety.thermal.derate.halfBelowLimitC: must be below the long-term limit", errors[0]);
        }
    }
}
