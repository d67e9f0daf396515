using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>
    /// The rule constructors' own guards (the config validates first, so only a direct construction reaches them):
    /// a zero time is refused, a zero grace is accepted, and the message says which rule refused.
    /// </summary>
    [TestClass]
    public class SafetyRuleGuardTests
    {
        private const int OverCurrent = 0;
        private const int Voltage = 1;
        private const int Thermal = 2;
        private const int Relay = 3;

        private static string RefusalOf(int rule, int zeroArgument)
        {
            try
            {
                if (rule == OverCurrent)
                {
                    new OverCurrentRule(10.0, zeroArgument == 0 ? 0 : 5000, 50.0, 40.0, 5000);
                }
                else if (rule == Voltage)
                {
                    new VoltageRule(253.0, zeroArgument == 0 ? 0 : 2000, 207.0, zeroArgument == 1 ? 0 : 5000);
                }
                else if (rule == Thermal)
                {
                    new ThermalRule(70.0, 160.0, 0, 2.0);
                }
                else
                {
                    new RelayFeedbackRule(0, 2.0);
                }
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }

            return null;
        }

        [DataRow(OverCurrent, 0, "current limits contradict each other")]
        [DataRow(Voltage, 0, "voltage limits contradict each other")]
        [DataRow(Voltage, 1, "voltage limits contradict each other")]
        [DataRow(Thermal, 0, "thermal limits contradict each other")]
        [DataRow(Relay, 0, "relay settle time and weld current must be positive")]
        [TestMethod]
        public static void A_zero_tolerance_or_settle_time_is_refused_with_the_rules_message(int rule, int zeroArgument, string message)
        {
            string refusal = RefusalOf(rule, zeroArgument);
            Assert.IsNotNull(refusal, "rule " + rule.ToString() + " accepted a zero time");
            Assert.AreEqual(message, refusal);
        }

        [TestMethod]
        public static void A_zero_reduction_grace_is_accepted_and_a_lowered_allowed_current_applies_at_once()
        {
            var rule = new OverCurrentRule(10.0, 5000, 50.0, 40.0, 0);
            rule.Evaluate(0.0, 16.0, 0);
            rule.Evaluate(0.0, 10.0, 100);
            Assert.AreEqual(10.0, rule.EffectiveAllowedA);
        }

        [TestMethod]
        public static void A_sustained_timer_keeps_the_start_of_its_run()
        {
            var timer = new SustainedTimer();
            timer.Start(500);
            timer.Start(900);
            Assert.AreEqual(500L, timer.SinceMs);
            Assert.IsTrue(timer.IsRunning);
        }
    }
}
