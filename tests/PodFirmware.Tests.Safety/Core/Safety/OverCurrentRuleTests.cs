using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class OverCurrentRuleTests
    {
        private const long Tick = 100;

        private static OverCurrentRule Defaults()
        {
            return new OverCurrentRule(10.0, 5000, 50.0, 40.0, 5000);
        }

        private static long Hold(OverCurrentRule rule, double currentA, double allowedA, long fromMs, long toMs, FaultCode expected)
        {
            for (long t = fromMs; t <= toMs; t += Tick)
            {
                FaultCode code = rule.Evaluate(currentA, allowedA, t);
                if (code != FaultCode.None)
                {
                    Expect.Code(expected, code, "at " + t.ToString() + " ms");
                    return t;
                }
            }

            return -1;
        }

        [TestMethod]
        public static void Sixteen_amps_allowed_gives_a_17_6A_threshold_and_a_24A_ceiling()
        {
            OverCurrentRule rule = Defaults();
            rule.Evaluate(16.0, 16.0, 0);
            Assert.AreEqual(17.6, rule.ThresholdA);
            Assert.AreEqual(24.0, rule.CeilingA);
        }

        [TestMethod]
        public static void Exactly_the_threshold_does_not_count_as_over()
        {
            OverCurrentRule rule = Defaults();
            Assert.AreEqual(-1L, Hold(rule, 17.6, 16.0, 0, 600000, FaultCode.None));
        }

        [DataRow(5000L, false)]
        [DataRow(5100L, true)]
        [TestMethod]
        public static void Trips_only_when_above_the_threshold_for_more_than_5s(long heldMs, bool trips)
        {
            OverCurrentRule rule = Defaults();
            long tripMs = Hold(rule, 17.7, 16.0, 0, heldMs, FaultCode.OverCurrent);
            Assert.AreEqual(trips ? 5100L : -1L, tripMs);
            if (trips)
            {
                Assert.AreEqual(17.6, rule.LastLimitA);
            }
        }

        [TestMethod]
        public static void Dropping_to_the_threshold_restarts_the_window()
        {
            OverCurrentRule rule = Defaults();
            Hold(rule, 20.0, 16.0, 0, 4000, FaultCode.None);
            Expect.Code(FaultCode.None, rule.Evaluate(17.6, 16.0, 4100));
            Assert.AreEqual(-1L, Hold(rule, 20.0, 16.0, 4200, 9200, FaultCode.None));
            Expect.Code(FaultCode.OverCurrent, rule.Evaluate(20.0, 16.0, 9300));
        }

        [DataRow(24.0, true)]
        [DataRow(23.9, false)]
        [TestMethod]
        public static void At_or_above_allowed_plus_50_percent_trips_at_once(double currentA, bool trips)
        {
            OverCurrentRule rule = Defaults();
            Expect.Code(trips ? FaultCode.OverCurrentCeiling : FaultCode.None, rule.Evaluate(currentA, 16.0, 0));
        }

        [DataRow(40.0, true)]
        [DataRow(39.9, false)]
        [TestMethod]
        public static void The_ceiling_never_exceeds_the_absolute_maximum(double currentA, bool trips)
        {
            OverCurrentRule rule = Defaults();
            Expect.Code(trips ? FaultCode.OverCurrentCeiling : FaultCode.None, rule.Evaluate(currentA, 32.0, 0));
            Assert.AreEqual(40.0, rule.CeilingA, "32 A + 50 % = 48 A, capped at 40 A");
        }

        [TestMethod]
        public static void With_no_allowed_current_only_the_absolute_maximum_applies()
        {
            OverCurrentRule rule = Defaults();
            Assert.AreEqual(-1L, Hold(rule, 39.9, 0.0, 0, 600000, FaultCode.None));
            Expect.Code(FaultCode.OverCurrentCeiling, rule.Evaluate(40.0, 0.0, 600100));
        }

        [TestMethod]
        public static void A_lowered_allowed_current_sets_the_limits_only_after_the_grace()
        {
            OverCurrentRule rule = Defaults();
            Hold(rule, 30.0, 32.0, 0, 1000, FaultCode.None);

            // Lowered to 16 A at 1100 ms; the vehicle still draws 30 A (above the 24 A ceiling of 16 A).
            Assert.AreEqual(-1L, Hold(rule, 30.0, 16.0, 1100, 6000, FaultCode.None), "within the grace 32 A still sets the limits");
            Assert.AreEqual(32.0, rule.EffectiveAllowedA);
            Expect.Code(FaultCode.OverCurrentCeiling, rule.Evaluate(30.0, 16.0, 6100), "5000 ms after the reduction");
            Assert.AreEqual(16.0, rule.EffectiveAllowedA);
        }

        [TestMethod]
        public static void A_second_reduction_inside_the_grace_restarts_it()
        {
            OverCurrentRule rule = Defaults();
            Hold(rule, 25.0, 32.0, 0, 900, FaultCode.None);
            Hold(rule, 25.0, 20.0, 1000, 2900, FaultCode.None);

            // 25 A is over the 24 A ceiling of 16 A, which applies 5000 ms after the second reduction, not the first.
            Assert.AreEqual(8000L, Hold(rule, 25.0, 16.0, 3000, 10000, FaultCode.OverCurrentCeiling));
        }

        [TestMethod]
        public static void A_vehicle_that_follows_a_reduction_within_the_grace_does_not_trip()
        {
            OverCurrentRule rule = Defaults();
            Hold(rule, 30.0, 32.0, 0, 1000, FaultCode.None);
            Hold(rule, 30.0, 16.0, 1100, 4000, FaultCode.None);
            Assert.AreEqual(-1L, Hold(rule, 16.0, 16.0, 4100, 600000, FaultCode.None));
        }

        [TestMethod]
        public static void A_raised_allowed_current_applies_at_once()
        {
            OverCurrentRule rule = Defaults();
            rule.Evaluate(10.0, 16.0, 0);
            Expect.Code(FaultCode.None, rule.Evaluate(30.0, 32.0, 100));
            Assert.AreEqual(32.0, rule.EffectiveAllowedA);
        }

        [TestMethod]
        public static void A_raise_ends_a_pending_reduction_so_the_same_reduction_later_gets_a_full_grace()
        {
            OverCurrentRule rule = Defaults();
            rule.Evaluate(10.0, 16.0, 0);
            rule.Evaluate(10.0, 10.0, 100);
            rule.Evaluate(10.0, 16.0, 1000);

            // Lowered to 10 A again at 6000 ms: the grace counts from 6000, not from the first reduction at 100.
            rule.Evaluate(10.0, 10.0, 6000);
            Assert.AreEqual(16.0, rule.EffectiveAllowedA, "at 6000 ms");
            Assert.AreEqual(-1L, Hold(rule, 10.0, 10.0, 6100, 10900, FaultCode.None));
            Assert.AreEqual(16.0, rule.EffectiveAllowedA, "at 10900 ms");
            rule.Evaluate(10.0, 10.0, 11000);
            Assert.AreEqual(10.0, rule.EffectiveAllowedA, "at 11000 ms");
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [TestMethod]
        public static void A_non_finite_allowed_current_after_16A_becomes_none_after_the_grace(int which)
        {
            double allowedA = which == 0 ? double.NaN : (which == 1 ? double.PositiveInfinity : double.NegativeInfinity);
            OverCurrentRule rule = Defaults();
            rule.Evaluate(10.0, 16.0, 0);
            Hold(rule, 10.0, allowedA, 100, 5000, FaultCode.None);
            Assert.AreEqual(16.0, rule.EffectiveAllowedA, "within the grace");
            rule.Evaluate(10.0, allowedA, 5100);
            Assert.AreEqual(0.0, rule.EffectiveAllowedA, "after the grace");
            Assert.AreEqual(40.0, rule.CeilingA);
        }

        [TestMethod]
        public static void Reset_forgets_the_window_and_the_previous_allowed_current()
        {
            OverCurrentRule rule = Defaults();
            Hold(rule, 30.0, 32.0, 0, 1000, FaultCode.None);
            rule.Reset();
            Expect.Code(FaultCode.OverCurrentCeiling, rule.Evaluate(30.0, 16.0, 1100), "no grace carried over from before the reset");
        }

        [TestMethod]
        public static void IsOverLimit_judges_one_reading_against_threshold_and_ceiling()
        {
            OverCurrentRule rule = Defaults();
            Assert.IsFalse(rule.IsOverLimit(17.6, 16.0));
            Assert.IsTrue(rule.IsOverLimit(17.7, 16.0));
            Assert.IsFalse(rule.IsOverLimit(39.9, 0.0));
            Assert.IsTrue(rule.IsOverLimit(40.0, 0.0));
        }
    }
}
