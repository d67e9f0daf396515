using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>The messages <see cref="SafetyConfig"/> itself gives: the cable profile and missing sections.</summary>
    [TestClass]
    public class SafetyConfigSectionTests
    {
        private static void AssertOnlyProblem(SafetyConfig config, string expected)
        {
            var errors = new ConfigErrors();
            config.Validate("safety", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [TestMethod]
        public static void An_unknown_cable_profile_is_refused_naming_the_choices_and_the_value()
        {
            var config = new SafetyConfig();
            config.CableProfile = "copper";
            AssertOnlyProblem(config, "safety.cableProfile: must be pvc, xlpe or custom, is 'copper'");
        }

        [TestMethod]
        public static void A_missing_thermal_section_is_named_missing()
        {
            var config = new SafetyConfig();
            config.Thermal = null;
            AssertOnlyProblem(config, "safety.thermal: missing");
        }

        [TestMethod]
        public static void A_missing_current_section_is_named_missing()
        {
            var config = new SafetyConfig();
            config.Current = null;
            AssertOnlyProblem(config, "safety.current: missing");
        }

        [TestMethod]
        public static void A_missing_voltage_section_is_named_missing()
        {
            var config = new SafetyConfig();
            config.Voltage = null;
            AssertOnlyProblem(config, "safety.voltage: missing");
        }

        [TestMethod]
        public static void A_missing_relay_section_is_named_missing()
        {
            var config = new SafetyConfig();
            config.Relay = null;
            AssertOnlyProblem(config, "safety.relay: missing");
        }

        [TestMethod]
        public static void A_missing_escalation_section_is_named_missing()
        {
            var config = new SafetyConfig();
            config.Escalation = null;
            AssertOnlyProblem(config, "safety.escalation: missing");
        }

        [TestMethod]
        public static void Resolving_an_unknown_profile_throws_naming_the_profile_and_the_field()
        {
            var config = new SafetyConfig();
            config.CableProfile = "copper";
            ArgumentException thrown = null;
            try
            {
                config.ResolveThermal();
            }
            catch (ArgumentException e)
            {
                thrown = e;
            }

            Assert.IsNotNull(thrown, "no ArgumentException");
            Assert.Contains("unknown cable profile 'copper'", thrown.Message);
            Assert.AreEqual("CableProfile", thrown.ParamName);
        }
    }
}
