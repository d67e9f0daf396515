using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class VoltageRuleTests
    {
        private const long Tick = 100;

        private static VoltageRule Defaults()
        {
            return new VoltageRule(253.0, 2000, 207.0, 5000);
        }

        private static long Hold(VoltageRule rule, double voltageV, bool relayClosed, long fromMs, long toMs, FaultCode expected)
        {
            for (long t = fromMs; t <= toMs; t += Tick)
            {
                FaultCode code = rule.Evaluate(voltageV, relayClosed, t);
                if (code != FaultCode.None)
                {
                    Expect.Code(expected, code, "at " + t.ToString() + " ms");
                    return t;
                }
            }

            return -1;
        }

        [TestMethod]
        public static void Exactly_253V_is_not_over_voltage()
        {
            Assert.AreEqual(-1L, Hold(Defaults(), 253.0, true, 0, 600000, FaultCode.None));
        }

        [DataRow(2000L, false)]
        [DataRow(2100L, true)]
        [TestMethod]
        public static void Over_voltage_trips_only_when_above_253V_for_more_than_2s(long heldMs, bool trips)
        {
            VoltageRule rule = Defaults();
            Assert.AreEqual(trips ? 2100L : -1L, Hold(rule, 253.1, true, 0, heldMs, FaultCode.OverVoltage));
            if (trips)
            {
                Assert.AreEqual(253.0, rule.LastLimitV);
            }
        }

        [TestMethod]
        public static void Over_voltage_is_judged_with_the_relay_open_too()
        {
            Assert.AreEqual(2100L, Hold(Defaults(), 260.0, false, 0, 10000, FaultCode.OverVoltage));
        }

        [TestMethod]
        public static void Exactly_207V_is_not_under_voltage()
        {
            Assert.AreEqual(-1L, Hold(Defaults(), 207.0, true, 0, 600000, FaultCode.None));
        }

        [DataRow(5000L, false)]
        [DataRow(5100L, true)]
        [TestMethod]
        public static void Under_voltage_trips_only_when_below_207V_for_more_than_5s_while_charging(long heldMs, bool trips)
        {
            VoltageRule rule = Defaults();
            Assert.AreEqual(trips ? 5100L : -1L, Hold(rule, 206.9, true, 0, heldMs, FaultCode.UnderVoltage));
            if (trips)
            {
                Assert.AreEqual(207.0, rule.LastLimitV);
            }
        }

        [TestMethod]
        public static void An_undocked_pod_reading_0V_with_the_relay_open_is_not_under_voltage()
        {
            Assert.AreEqual(-1L, Hold(Defaults(), 0.0, false, 0, 600000, FaultCode.None));
        }

        [TestMethod]
        public static void Opening_the_relay_restarts_the_under_voltage_window()
        {
            VoltageRule rule = Defaults();
            Hold(rule, 200.0, true, 0, 4000, FaultCode.None);
            Expect.Code(FaultCode.None, rule.Evaluate(200.0, false, 4100));
            Assert.AreEqual(-1L, Hold(rule, 200.0, true, 4200, 9200, FaultCode.None));
            Expect.Code(FaultCode.UnderVoltage, rule.Evaluate(200.0, true, 9300));
        }

        [TestMethod]
        public static void Back_inside_the_range_restarts_the_over_voltage_window()
        {
            VoltageRule rule = Defaults();
            Hold(rule, 260.0, true, 0, 1500, FaultCode.None);
            Expect.Code(FaultCode.None, rule.Evaluate(253.0, true, 1600));
            Assert.AreEqual(3800L, Hold(rule, 260.0, true, 1700, 10000, FaultCode.OverVoltage));
        }

        [TestMethod]
        public static void Reset_forgets_both_windows()
        {
            var over = new VoltageRule(253.0, 2000, 207.0, 5000);
            var under = new VoltageRule(253.0, 2000, 207.0, 5000);
            for (long t = 0; t <= 1500; t += 100)
            {
                over.Evaluate(254.0, false, t);
                under.Evaluate(200.0, true, t);
            }

            over.Reset();
            under.Reset();
            long overTripMs = -1;
            long underTripMs = -1;
            for (long t = 1600; t <= 8000; t += 100)
            {
                if (over.Evaluate(254.0, false, t) != FaultCode.None && overTripMs < 0)
                {
                    overTripMs = t;
                }

                if (under.Evaluate(200.0, true, t) != FaultCode.None && underTripMs < 0)
                {
                    underTripMs = t;
                }
            }

            Assert.AreEqual(3700L, overTripMs, "2000 ms counted from 1600 ms");
            Assert.AreEqual(6700L, underTripMs, "5000 ms counted from 1600 ms");
        }

        [TestMethod]
        public static void IsOutOfRange_judges_under_voltage_only_with_the_relay_closed()
        {
            VoltageRule rule = Defaults();
            Assert.IsTrue(rule.IsOutOfRange(253.1, false));
            Assert.IsFalse(rule.IsOutOfRange(0.0, false));
            Assert.IsTrue(rule.IsOutOfRange(206.9, true));
            Assert.IsFalse(rule.IsOutOfRange(230.0, true));
        }
    }
}
