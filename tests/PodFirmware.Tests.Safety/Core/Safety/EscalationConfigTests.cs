using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Exact messages and edges of <see cref="EscalationConfig.Validate"/> (keys <c>safety.escalation.*</c>).</summary>
    [TestClass]
    public class EscalationConfigTests
    {
        private static void AssertOnlyProblem(EscalationConfig escalation, string expected)
        {
            var errors = new ConfigErrors();
            escalation.Validate("safety.escalation", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [TestMethod]
        public static void A_fire_risk_rise_above_50C_is_refused_with_its_range()
        {
            var escalation = new EscalationConfig();
            escalation.FireRiskRiseC = 51;
            AssertOnlyProblem(escalation, "safety.escalation.fireRiskRiseC: must be between 0.5 degC and 50 degC, is 51 degC");
        }

        [TestMethod]
        public static void A_fire_risk_window_below_1000ms_is_refused_with_its_range()
        {
            var escalation = new EscalationConfig();
            escalation.FireRiskWindowMs = 999;
            AssertOnlyProblem(escalation, "safety.escalation.fireRiskWindowMs: must be between 1000 ms and 600000 ms, is 999 ms");
        }

        [TestMethod]
        public static void A_negative_quiet_period_is_refused_with_its_range()
        {
            var escalation = new EscalationConfig();
            escalation.QuietPeriodMs = -1;
            AssertOnlyProblem(escalation, "safety.escalation.quietPeriodMs: must be between 0 ms and 3600000 ms, is -1 ms");
        }
    }
}
