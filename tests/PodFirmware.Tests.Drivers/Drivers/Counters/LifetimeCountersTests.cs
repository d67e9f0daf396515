using nanoFramework.TestFramework;
using PodFirmware.Drivers.Counters;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Store;

namespace PodFirmware.Tests.Drivers.Counters
{
    [TestClass]
    public class LifetimeCountersTests
    {
        // 2026-01-01T00:00:00Z and one day later, s.
        private const long Jan1 = 1767225600;
        private const long Jan2 = Jan1 + 86400;

        [TestMethod]
        public static void Counts_sessions_in_the_totals_and_in_their_UTC_day_and_keeps_them_across_a_reboot()
        {
            var store = new MemoryBlobStore();
            var counters = new LifetimeCounters(store);
            counters.Restore();
            Assert.IsTrue(counters.AddSession(1500000, 60000, Jan1 + 10));
            Assert.IsTrue(counters.AddSession(500000, 30000, Jan1 + 20));

            var rebooted = new LifetimeCounters(store);
            rebooted.Restore();
            Assert.AreEqual(2000000L, rebooted.TotalEnergyMilliWh);
            Assert.AreEqual(2, rebooted.TotalSessions);
            Assert.AreEqual(90000L, rebooted.TotalChargingMs);
            Assert.AreEqual((int)(Jan1 / 86400), rebooted.Day);
            Assert.AreEqual(2000000L, rebooted.DayEnergyMilliWh);
            Assert.AreEqual(2, rebooted.DaySessions);
            Assert.AreEqual(90000L, rebooted.DayChargingMs);
            Assert.IsTrue(rebooted.IsToday(Jan1 + 86399));
            Assert.IsFalse(rebooted.IsToday(Jan2), "a new UTC day has no figures yet");
            Assert.IsFalse(rebooted.IsToday(0), "without UTC the day is unknown");
            Assert.AreEqual(0, rebooted.DamagedCount);
        }

        [TestMethod]
        public static void A_session_on_a_new_UTC_day_restarts_the_day_figures_and_one_without_UTC_counts_in_the_totals_only()
        {
            var counters = new LifetimeCounters(new MemoryBlobStore());
            counters.Restore();
            counters.AddSession(1000, 1000, Jan1);
            counters.AddSession(2000, 2000, Jan2 + 5);
            Assert.AreEqual((int)(Jan2 / 86400), counters.Day);
            Assert.AreEqual(2000L, counters.DayEnergyMilliWh);
            Assert.AreEqual(1, counters.DaySessions);
            counters.AddSession(4000, 4000, 0);
            Assert.AreEqual(7000L, counters.TotalEnergyMilliWh);
            Assert.AreEqual(3, counters.TotalSessions);
            Assert.AreEqual(7000L, counters.TotalChargingMs);
            Assert.AreEqual(2000L, counters.DayEnergyMilliWh, "no UTC: not in any day");
            counters.AddSession(-5, -5, Jan2 + 6);
            Assert.AreEqual(7000L, counters.TotalEnergyMilliWh, "negative energy counts as 0");
            Assert.AreEqual(2, counters.DaySessions);
        }

        [TestMethod]
        public static void A_power_cut_at_every_byte_of_a_write_leaves_the_previous_figures()
        {
            for (int keep = 0; keep < LifetimeCounters.RecordLength; keep++)
            {
                var store = new TearingBlobStore();
                var counters = new LifetimeCounters(store);
                counters.Restore();
                counters.AddSession(1000, 10, Jan1);
                counters.AddSession(2000, 20, Jan1);

                // The third write goes to the first blob again (alternating), overwriting the oldest copy.
                store.TearNextWrite(LifetimeCounters.BlobA, keep);
                Assert.IsFalse(counters.AddSession(4000, 40, Jan1));
                store.PowerOn();

                var rebooted = new LifetimeCounters(store);
                rebooted.Restore();
                Assert.AreEqual(3000L, rebooted.TotalEnergyMilliWh, "cut at byte " + keep.ToString());
                Assert.AreEqual(2, rebooted.TotalSessions);
                Assert.AreEqual(30L, rebooted.TotalChargingMs);
            }
        }

        [TestMethod]
        public static void A_flipped_bit_in_the_newest_copy_falls_back_to_the_older_one_and_is_counted()
        {
            var store = new TearingBlobStore();
            var counters = new LifetimeCounters(store);
            counters.Restore();
            counters.AddSession(1000, 10, Jan1);
            counters.AddSession(2000, 20, Jan1);
            store.FlipBit(LifetimeCounters.BlobB, 13, 2);

            var rebooted = new LifetimeCounters(store);
            rebooted.Restore();
            Assert.AreEqual(1, rebooted.DamagedCount);
            Assert.AreEqual(1000L, rebooted.TotalEnergyMilliWh);
            Assert.AreEqual(1, rebooted.TotalSessions);

            // The next write replaces the damaged copy and numbers on from the intact one.
            rebooted.AddSession(500, 5, Jan1);
            var again = new LifetimeCounters(store);
            again.Restore();
            Assert.AreEqual(0, again.DamagedCount);
            Assert.AreEqual(1500L, again.TotalEnergyMilliWh);
            Assert.AreEqual(2, again.TotalSessions);
        }

        [TestMethod]
        public static void A_fresh_store_starts_every_figure_at_zero_with_no_day()
        {
            var counters = new LifetimeCounters(new MemoryBlobStore());
            counters.Restore();
            Assert.AreEqual(0L, counters.TotalEnergyMilliWh);
            Assert.AreEqual(0, counters.TotalSessions);
            Assert.AreEqual(-1, counters.Day);
            Assert.AreEqual(0, counters.DamagedCount);
        }
    }
}
