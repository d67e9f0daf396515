using nanoFramework.TestFramework;
using PodFirmware.Core.Session;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class SeedRemainingTests
    {
        [TestMethod]
        [DataRow(10000, 40000, 600000, 0.0, 0, 1800)]  // a quarter spent in 10 min: 30 min more at that pace
        [DataRow(10000, 40000, 600000, 1.0, 120, 1920)] // plus b * tf
        [DataRow(10000, 40000, 600000, 0.5, 120, 1860)]
        [DataRow(30000, 40000, 1500, 0.0, 0, 0)]        // 1.5 s: first term 0.5 s, rounded down
        [DataRow(40000, 40000, 600000, 1.0, 60, 60)]    // Mc reached Mp: only b * tf
        [DataRow(50000, 40000, 600000, 2.0, 60, 120)]   // beyond Mp: never negative
        public static void Follows_ts_equals_Mp_minus_Mc_over_Mc_times_T_plus_b_tf(int mc, int mp, int elapsedMs, double b, int tfS, int expectedS)
        {
            Assert.AreEqual((long)expectedS, SeedRemaining.Seconds(mc, mp, elapsedMs, b, tfS));
        }

        [TestMethod]
        public static void Is_undefined_without_a_prepaid_amount_before_anything_is_spent_or_with_a_bad_b()
        {
            Assert.AreEqual(-1L, SeedRemaining.Seconds(10000, -1, 600000, 1.0, 0), "no Mp");
            Assert.AreEqual(-1L, SeedRemaining.Seconds(0, 40000, 600000, 1.0, 0), "Mc 0: the pace is unknown");
            Assert.AreEqual(-1L, SeedRemaining.Seconds(10000, 40000, 0, 1.0, 0), "no elapsed time");
            Assert.AreEqual(-1L, SeedRemaining.Seconds(10000, 40000, 600000, double.NaN, 0));
            Assert.AreEqual(-1L, SeedRemaining.Seconds(10000, 40000, 600000, -1.0, 0));
        }

        [TestMethod]
        public static void Holds_a_day_long_session_with_a_large_prepaid_amount_without_overflow()
        {
            // 10,000 currency prepaid (scaled 10^8), 1 spent in 24 h: 9,999 days more.
            Assert.AreEqual(9999L * 86400, SeedRemaining.Seconds(10000, 100000000, 86400000, 0.0, 0));
        }
    }
}
