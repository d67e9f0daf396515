using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class SafetyConfigTests
    {
        private static ConfigErrors Validate(SafetyConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("safety", errors);
            return errors;
        }

        private static void AssertNames(ConfigErrors errors, string key)
        {
            Assert.Contains(key + ":", errors.ToString(), "expected a problem with " + key);
        }

        [TestMethod]
        public static void The_defaults_are_valid_and_resolve_to_pvc_70C_160C_5s_with_2C_hysteresis()
        {
            var config = new SafetyConfig();
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            ThermalConfig thermal = config.ResolveThermal();
            Assert.AreEqual(70.0, thermal.LimitC);
            Assert.AreEqual(160.0, thermal.CeilingC);
            Assert.AreEqual(5000, thermal.ToleranceMs);
            Assert.AreEqual(2.0, thermal.HysteresisC);
        }

        [TestMethod]
        public static void Xlpe_resolves_to_90C_250C_5s()
        {
            var config = new SafetyConfig();
            config.CableProfile = "xlpe";
            Assert.AreEqual(0, Validate(config).Count);
            ThermalConfig thermal = config.ResolveThermal();
            Assert.AreEqual(90.0, thermal.LimitC);
            Assert.AreEqual(250.0, thermal.CeilingC);
            Assert.AreEqual(5000, thermal.ToleranceMs);
        }

        [TestMethod]
        public static void Custom_uses_its_own_values()
        {
            var config = new SafetyConfig();
            config.CableProfile = "custom";
            config.Thermal.LimitC = 60.0;
            config.Thermal.CeilingC = 120.0;
            config.Thermal.ToleranceMs = 10000;
            config.Thermal.HysteresisC = 3.0;
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            ThermalConfig thermal = config.ResolveThermal();
            Assert.AreEqual(60.0, thermal.LimitC);
            Assert.AreEqual(120.0, thermal.CeilingC);
            Assert.AreEqual(10000, thermal.ToleranceMs);
            Assert.AreEqual(3.0, thermal.HysteresisC);
        }

        [TestMethod]
        public static void Custom_without_its_values_names_each_missing_key()
        {
            var config = new SafetyConfig();
            config.CableProfile = "custom";
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(3, errors.Count, errors.ToString());
            AssertNames(errors, "safety.thermal.limitC");
            AssertNames(errors, "safety.thermal.ceilingC");
            AssertNames(errors, "safety.thermal.toleranceMs");
        }

        [TestMethod]
        public static void Custom_with_the_limit_at_or_above_the_ceiling_names_the_ceiling()
        {
            var config = new SafetyConfig();
            config.CableProfile = "custom";
            config.Thermal.LimitC = 100.0;
            config.Thermal.CeilingC = 100.0;
            config.Thermal.ToleranceMs = 5000;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.thermal.ceilingC");
        }

        [TestMethod]
        public static void A_named_profile_refuses_own_thermal_values()
        {
            var config = new SafetyConfig();
            config.Thermal.LimitC = 60.0;
            config.Thermal.ToleranceMs = 3000;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(2, errors.Count, errors.ToString());
            AssertNames(errors, "safety.thermal.limitC");
            AssertNames(errors, "safety.thermal.toleranceMs");
            Assert.Contains("custom", errors[0]);
        }

        [TestMethod]
        public static void An_unknown_profile_is_named()
        {
            var config = new SafetyConfig();
            config.CableProfile = "PVC";
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.cableProfile");
            Assert.ThrowsException(typeof(System.ArgumentException), () => config.ResolveThermal());
        }

        [TestMethod]
        public static void Hysteresis_must_stay_below_the_limit_and_within_0_to_20C()
        {
            var config = new SafetyConfig();
            config.CableProfile = "custom";
            config.Thermal.LimitC = 30.0;
            config.Thermal.CeilingC = 100.0;
            config.Thermal.ToleranceMs = 5000;
            config.Thermal.HysteresisC = 30.0;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(2, errors.Count, errors.ToString());
            AssertNames(errors, "safety.thermal.hysteresisC");

            config.Thermal.HysteresisC = -0.1;
            AssertNames(Validate(config), "safety.thermal.hysteresisC");
        }

        [TestMethod]
        public static void Names_every_bad_current_voltage_and_escalation_key()
        {
            var config = new SafetyConfig();
            config.Current.TolerancePercent = -1;
            config.Current.ToleranceMs = 0;
            config.Current.CeilingPercent = 400;
            config.Current.AbsoluteMaxA = 0;
            config.Current.ReductionGraceMs = -1;
            config.Voltage.OverLimitV = 199;
            config.Voltage.OverToleranceMs = 0;
            config.Voltage.UnderLimitV = 251;
            config.Voltage.UnderToleranceMs = 600001;
            config.Escalation.FireRiskRiseC = 0;
            config.Escalation.FireRiskWindowMs = 999;
            config.Escalation.QuietPeriodMs = -1;
            ConfigErrors errors = Validate(config);

            AssertNames(errors, "safety.current.tolerancePercent");
            AssertNames(errors, "safety.current.toleranceMs");
            AssertNames(errors, "safety.current.ceilingPercent");
            AssertNames(errors, "safety.current.absoluteMaxA");
            AssertNames(errors, "safety.current.reductionGraceMs");
            AssertNames(errors, "safety.voltage.overLimitV");
            AssertNames(errors, "safety.voltage.overToleranceMs");
            AssertNames(errors, "safety.voltage.underLimitV");
            AssertNames(errors, "safety.voltage.underToleranceMs");
            AssertNames(errors, "safety.escalation.fireRiskRiseC");
            AssertNames(errors, "safety.escalation.fireRiskWindowMs");
            AssertNames(errors, "safety.escalation.quietPeriodMs");
        }

        [TestMethod]
        public static void The_current_ceiling_must_be_above_the_tolerance()
        {
            var config = new SafetyConfig();
            config.Current.CeilingPercent = 10.0;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.current.ceilingPercent");
        }

        [TestMethod]
        public static void Under_voltage_must_be_below_over_voltage()
        {
            var config = new SafetyConfig();
            config.Voltage.OverLimitV = 220.0;
            config.Voltage.UnderLimitV = 225.0;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.voltage.underLimitV");

            config.Voltage.UnderLimitV = 220.0;
            errors = Validate(config);
            Assert.AreEqual(1, errors.Count, "equal limits leave no range");
            AssertNames(errors, "safety.voltage.underLimitV");
        }

        [DataRow(0.0, 253.0)]
        [DataRow(149.9, 300.0)]
        [DataRow(250.1, 300.0)]
        [TestMethod]
        public static void The_under_voltage_limit_stays_within_150_to_250V_whatever_the_over_limit(double underLimitV, double overLimitV)
        {
            var config = new SafetyConfig();
            config.Voltage.UnderLimitV = underLimitV;
            config.Voltage.OverLimitV = overLimitV;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.voltage.underLimitV");
        }

        [TestMethod]
        public static void Relay_defaults_are_300ms_settle_and_2A_weld_current()
        {
            var config = new SafetyConfig();
            Assert.AreEqual(300, config.Relay.SettleMs);
            Assert.AreEqual(2.0, config.Relay.WeldCurrentA);
        }

        [DataRow(49, 2.0)]
        [DataRow(5001, 2.0)]
        [TestMethod]
        public static void Names_a_relay_settle_time_outside_50_to_5000ms(int settleMs, double weldCurrentA)
        {
            var config = new SafetyConfig();
            config.Relay.SettleMs = settleMs;
            config.Relay.WeldCurrentA = weldCurrentA;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.relay.settleMs");
        }

        [DataRow(0.4)]
        [DataRow(10.1)]
        [TestMethod]
        public static void Names_a_weld_current_outside_0_5_to_10A(double weldCurrentA)
        {
            var config = new SafetyConfig();
            config.Relay.WeldCurrentA = weldCurrentA;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            AssertNames(errors, "safety.relay.weldCurrentA");
        }

        [TestMethod]
        public static void A_missing_relay_section_is_named()
        {
            var config = new SafetyConfig();
            config.Relay = null;
            AssertNames(Validate(config), "safety.relay");
        }

        [TestMethod]
        public static void Uses_the_given_key_prefix()
        {
            var config = new SafetyConfig();
            config.Voltage.OverToleranceMs = 0;
            var errors = new ConfigErrors();
            config.Validate("pod.safety", errors);
            AssertNames(errors, "pod.safety.voltage.overToleranceMs");
        }
    }
}
