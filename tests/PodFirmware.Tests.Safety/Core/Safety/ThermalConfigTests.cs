using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Exact messages and edges of <see cref="ThermalConfig.Validate"/> (keys <c>safety.thermal.*</c>).</summary>
    [TestClass]
    public class ThermalConfigTests
    {
        private static ThermalConfig Custom(double limitC, double ceilingC, int toleranceMs)
        {
            var thermal = new ThermalConfig();
            thermal.LimitC = limitC;
            thermal.CeilingC = ceilingC;
            thermal.ToleranceMs = toleranceMs;
            return thermal;
        }

        private static ConfigErrors Validate(ThermalConfig thermal, string cableProfile)
        {
            var errors = new ConfigErrors();
            thermal.Validate("safety.thermal", cableProfile, errors);
            return errors;
        }

        private static void AssertOnlyProblem(ConfigErrors errors, string expected)
        {
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [DataRow(29, "safety.thermal.limitC: must be between 30 degC and 150 degC, is 29 degC")]
        [DataRow(151, "safety.thermal.limitC: must be between 30 degC and 150 degC, is 151 degC")]
        [TestMethod]
        public static void A_custom_limit_outside_30_to_150C_is_refused_with_its_range(int limitC, string expected)
        {
            AssertOnlyProblem(Validate(Custom(limitC, 200, 5000), "custom"), expected);
        }

        [DataRow(30, 31)]
        [DataRow(150, 300)]
        [TestMethod]
        public static void Custom_limits_and_ceilings_at_their_range_edges_are_accepted(int limitC, int ceilingC)
        {
            ConfigErrors errors = Validate(Custom(limitC, ceilingC, 1), "custom");
            Assert.AreEqual(0, errors.Count, errors.ToString());
            errors = Validate(Custom(limitC, ceilingC, 600000), "custom");
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void A_custom_ceiling_above_300C_is_refused_with_its_range()
        {
            AssertOnlyProblem(Validate(Custom(100, 301, 5000), "custom"),
                "safety.thermal.ceilingC: must be between 30 degC and 300 degC, is 301 degC");
        }

        [DataRow(0, "safety.thermal.toleranceMs: must be between 1 ms and 600000 ms, is 0 ms")]
        [DataRow(600001, "safety.thermal.toleranceMs: must be between 1 ms and 600000 ms, is 600001 ms")]
        [TestMethod]
        public static void A_custom_tolerance_outside_1_to_600000ms_is_refused_with_its_range(int toleranceMs, string expected)
        {
            AssertOnlyProblem(Validate(Custom(100, 200, toleranceMs), "custom"), expected);
        }

        [TestMethod]
        public static void A_custom_ceiling_at_the_limit_is_refused_naming_both_values()
        {
            AssertOnlyProblem(Validate(Custom(100, 100, 5000), "custom"),
                "safety.thermal.ceilingC: must be above limitC (100 degC), is 100 degC");
        }

        [TestMethod]
        public static void A_named_profile_refuses_an_own_value_saying_which_profile_fixes_it()
        {
            var thermal = new ThermalConfig();
            thermal.CeilingC = 200;
            AssertOnlyProblem(Validate(thermal, "xlpe"),
                "safety.thermal.ceilingC: set only with cableProfile custom; the xlpe profile fixes it");
        }

        [DataRow(-1, "safety.thermal.hysteresisC: must be between 0 degC and 20 degC, is -1 degC")]
        [DataRow(21, "safety.thermal.hysteresisC: must be between 0 degC and 20 degC, is 21 degC")]
        [TestMethod]
        public static void A_hysteresis_outside_0_to_20C_is_refused_with_its_range(int hysteresisC, string expected)
        {
            var thermal = new ThermalConfig();
            thermal.HysteresisC = hysteresisC;
            AssertOnlyProblem(Validate(thermal, "pvc"), expected);
        }

        [DataRow(0)]
        [DataRow(20)]
        [TestMethod]
        public static void A_hysteresis_at_its_range_edges_is_accepted(int hysteresisC)
        {
            var thermal = new ThermalConfig();
            thermal.HysteresisC = hysteresisC;
            ConfigErrors errors = Validate(thermal, "pvc");
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void With_pvc_a_hysteresis_of_80C_is_also_refused_as_not_below_the_70C_limit()
        {
            var thermal = new ThermalConfig();
            thermal.HysteresisC = 80;
            ConfigErrors errors = Validate(thermal, "pvc");
            Assert.AreEqual(2, errors.Count, errors.ToString());
            Assert.AreEqual("safety.thermal.hysteresisC: must be below the long-term limit (70 degC)", errors[1]);
        }

        [TestMethod]
        public static void With_xlpe_a_hysteresis_of_80C_is_below_the_90C_limit_and_refused_only_by_its_range()
        {
            var thermal = new ThermalConfig();
            thermal.HysteresisC = 80;
            AssertOnlyProblem(Validate(thermal, "xlpe"),
                "safety.thermal.hysteresisC: must be between 0 degC and 20 degC, is 80 degC");
        }
    }
}
