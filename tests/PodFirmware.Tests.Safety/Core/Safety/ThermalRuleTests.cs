using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class ThermalRuleTests
    {
        private const long Tick = 100;

        private static ThermalRule Pvc()
        {
            return new ThermalRule(70.0, 160.0, 5000, 2.0);
        }

        // Feeds one reading per 100 ms tick from fromMs to toMs inclusive; returns the first time a fault was reported, or -1.
        private static long Hold(ThermalRule rule, double temperatureC, long fromMs, long toMs, FaultCode expected)
        {
            for (long t = fromMs; t <= toMs; t += Tick)
            {
                FaultCode code = rule.Evaluate(temperatureC, t);
                if (code != FaultCode.None)
                {
                    Expect.Code(expected, code, "at " + t.ToString() + " ms");
                    return t;
                }
            }

            return -1;
        }

        [TestMethod]
        public static void Exactly_70C_does_not_count_as_above_the_limit()
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(-1L, Hold(rule, 70.0, 0, 600000, FaultCode.None));
            Assert.IsFalse(rule.IsTiming);
        }

        [DataRow(5000L, false)]
        [DataRow(5100L, true)]
        [TestMethod]
        public static void Trips_only_when_above_70C_for_more_than_5s(long heldMs, bool trips)
        {
            ThermalRule rule = Pvc();
            long tripMs = Hold(rule, 70.1, 0, heldMs, FaultCode.ConnectorOverTemperature);
            Assert.AreEqual(trips ? 5100L : -1L, tripMs, "70.1 degC held for " + heldMs.ToString() + " ms");
        }

        [TestMethod]
        public static void The_trip_is_decided_at_the_first_tick_after_the_tolerance_expires()
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(-1L, Hold(rule, 70.1, 1000, 6000, FaultCode.None));
            Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(70.1, 6100));
            Assert.AreEqual(70.0, rule.LastLimitC);
        }

        [TestMethod]
        public static void Keeps_reporting_while_the_condition_lasts()
        {
            ThermalRule rule = Pvc();
            Hold(rule, 75.0, 0, 5100, FaultCode.ConnectorOverTemperature);
            Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(75.0, 5200));
            Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(69.0, 5300), "inside the band the timer still runs");
            Expect.Code(FaultCode.None, rule.Evaluate(67.9, 5400), "below the band it stops");
        }

        [DataRow(160.0, true)]
        [DataRow(159.9, false)]
        [DataRow(400.0, true)]
        [TestMethod]
        public static void At_or_above_the_160C_ceiling_trips_in_the_same_evaluation(double temperatureC, bool trips)
        {
            ThermalRule rule = Pvc();
            FaultCode code = rule.Evaluate(temperatureC, 0);
            Expect.Code(trips ? FaultCode.ConnectorTemperatureCeiling : FaultCode.None, code);
            if (trips)
            {
                Assert.AreEqual(160.0, rule.LastLimitC);
            }
        }

        [TestMethod]
        public static void A_dip_below_68C_restarts_the_tolerance()
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(-1L, Hold(rule, 70.1, 0, 3000, FaultCode.None));
            Expect.Code(FaultCode.None, rule.Evaluate(67.9, 3100));
            Assert.IsFalse(rule.IsTiming);

            // Restarted at 3200: 5000 ms later is still within tolerance, 5100 ms later trips.
            Assert.AreEqual(-1L, Hold(rule, 70.1, 3200, 8200, FaultCode.None));
            Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(70.1, 8300));
        }

        [DataRow(68.0)]
        [DataRow(69.0)]
        [DataRow(70.0)]
        [TestMethod]
        public static void A_dip_inside_the_hysteresis_band_does_not_restart_the_tolerance(double dipC)
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(-1L, Hold(rule, 70.1, 0, 3000, FaultCode.None));
            Assert.AreEqual(-1L, Hold(rule, dipC, 3100, 3500, FaultCode.None));
            Assert.IsTrue(rule.IsTiming, "still timing after a dip to " + dipC.ToString());

            Assert.AreEqual(5100L, Hold(rule, 70.1, 3600, 10000, FaultCode.ConnectorOverTemperature), "counted from the first reading above the limit");
        }

        [TestMethod]
        public static void A_reading_inside_the_band_does_not_start_the_tolerance()
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(-1L, Hold(rule, 69.9, 0, 600000, FaultCode.None));
            Assert.IsFalse(rule.IsTiming);
        }

        [TestMethod]
        public static void Reset_forgets_a_running_tolerance()
        {
            ThermalRule rule = Pvc();
            Hold(rule, 70.1, 0, 4000, FaultCode.None);
            rule.Reset();
            Assert.AreEqual(-1L, Hold(rule, 70.1, 4100, 9100, FaultCode.None));
            Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(70.1, 9200));
        }

        [TestMethod]
        public static void The_reset_level_is_strictly_below_limit_minus_hysteresis()
        {
            ThermalRule rule = Pvc();
            Assert.AreEqual(68.0, rule.ResetLevelC);
            Assert.IsFalse(rule.IsBelowResetLevel(68.0));
            Assert.IsTrue(rule.IsBelowResetLevel(67.9));
        }

        [TestMethod]
        public static void Refuses_limits_that_contradict_each_other()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new ThermalRule(160.0, 160.0, 5000, 2.0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new ThermalRule(70.0, 160.0, 0, 2.0));
            Assert.ThrowsException(typeof(System.ArgumentException), () => new ThermalRule(70.0, 160.0, 5000, 70.0));
        }
    }
}
