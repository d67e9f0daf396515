using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Site;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>
    /// The allocator's edges: the ordered id table and its binary searches, ids of different lengths and a null id,
    /// negative loads, a zero capacity, the forget time, the pods that keep their 6 A and the half-power cap.
    /// </summary>
    [TestClass]
    public class SiteAllocatorEdgeTests
    {
        private const int PeriodMs = 5000;

        private static readonly string[] Ids = { "a", "ab", "abc", "b", "ba", "c", "ca", "d" };

        private static SiteAllocator Table()
        {
            SiteAllocator a = new SiteAllocator(16);
            // Out of order, so that inserts move entries.
            int[] order = { 5, 0, 7, 2, 4, 1, 6, 3 };
            for (int i = 0; i < order.Length; i++)
            {
                Assert.IsTrue(a.Report(Ids[order[i]], SitePodState.Idle, 0, 0, 0, 0));
            }

            return a;
        }

        [TestMethod]
        public static void Every_id_is_found_at_its_sorted_place_by_string_and_by_chars()
        {
            SiteAllocator a = Table();
            Assert.AreEqual(Ids.Length, a.Count);
            char[] buf = new char[8];
            for (int i = 0; i < Ids.Length; i++)
            {
                Assert.AreEqual(Ids[i], a.IdAt(i));
                Assert.AreEqual(i, a.IndexOf(Ids[i]), Ids[i]);
                for (int k = 0; k < buf.Length; k++)
                {
                    buf[k] = 'z';
                }

                Ids[i].ToCharArray().CopyTo(buf, 0);
                Assert.AreEqual(i, a.IndexOf(buf, Ids[i].Length), Ids[i]);
            }
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("0")]
        [DataRow("aa")]
        [DataRow("abcd")]
        [DataRow("bb")]
        [DataRow("cb")]
        [DataRow("da")]
        [DataRow("e")]
        public static void An_absent_id_is_not_found(string id)
        {
            SiteAllocator a = Table();
            Assert.AreEqual(-1, a.IndexOf(id));
            Assert.AreEqual(-1, a.IndexOf(id.ToCharArray(), id.Length));
            Assert.AreEqual(0, a.ShareDa(id));
        }

        [TestMethod]
        public static void An_empty_table_finds_nothing()
        {
            SiteAllocator a = new SiteAllocator(2);
            Assert.AreEqual(-1, a.IndexOf("a"));
            Assert.AreEqual(-1, a.IndexOf(new char[] { 'a' }, 1));
        }

        [TestMethod]
        [DataRow("a", "b", -1)]
        [DataRow("b", "a", 1)]
        [DataRow("a", "ab", -1)]
        [DataRow("ab", "a", 1)]
        [DataRow("ab", "ab", 0)]
        [DataRow("", "", 0)]
        [DataRow("b", "ab", 1)]
        [DataRow("ab", "b", -1)]
        public static void Ids_compare_ordinally_shorter_first(string x, string y, int sign)
        {
            int c = SiteAllocator.CompareOrdinal(x, y);
            Assert.AreEqual(sign, c < 0 ? -1 : c > 0 ? 1 : 0);
        }

        [TestMethod]
        public static void A_null_id_sorts_first_and_is_never_added()
        {
            Assert.AreEqual(0, SiteAllocator.CompareOrdinal(null, null));
            Assert.AreEqual(-1, SiteAllocator.CompareOrdinal(null, "a"));
            Assert.AreEqual(1, SiteAllocator.CompareOrdinal("a", null));
            SiteAllocator a = new SiteAllocator(4);
            Assert.IsTrue(a.Report("a", SitePodState.Idle, 0, 0, 0, 0));
            Assert.IsFalse(a.Report(null, SitePodState.Active, 100, 0, 0, 0));
            Assert.AreEqual(1, a.Count);
            Assert.AreEqual("a", a.IdAt(0));
        }

        [TestMethod]
        public static void An_insert_moves_the_entries_after_it_with_their_shares()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("m", SitePodState.Active, 320, 0, 0, 0);
            a.Report("z", SitePodState.Paused, 100, 0, 0, 0);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(320, a.ShareDa("m"));
            Assert.AreEqual(100, a.ShareDa("z"));
            a.Report("a", SitePodState.Active, 200, 0, 0, 0);
            Assert.AreEqual(0, a.ShareDa("a"), "new: no share yet");
            Assert.AreEqual(320, a.ShareDa("m"));
            Assert.AreEqual(100, a.ShareDa("z"));
            Assert.AreEqual(SiteAllocator.Fresh, a.ClassAt(0));
        }

        [TestMethod]
        public static void A_moved_entry_keeps_its_class_until_the_next_allocation()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("m", SitePodState.Active, 320, 100, 0, 0);
            a.Report("n", SitePodState.Active, 320, 100, 0, 20000);
            a.Allocate(20000, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(SiteAllocator.Silent, a.ClassAt(0));
            a.Report("a", SitePodState.Active, 200, 0, 0, 20000);
            Assert.AreEqual(SiteAllocator.Fresh, a.ClassAt(0));
            Assert.AreEqual(SiteAllocator.Silent, a.ClassAt(1));
            Assert.AreEqual(SiteAllocator.Fresh, a.ClassAt(2));
        }

        [TestMethod]
        public static void A_moved_entry_keeps_its_state_limits_and_age()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("m", SitePodState.Active, 250, 120, 0, 0);   // missing at 9 s: its 12 A reserved
            a.Report("s", SitePodState.Active, 90, 70, 0, -9000); // silent: its 9 A reserved
            a.Report("p", SitePodState.Paused, 320, 0, 0, 9000);
            a.Report("a", SitePodState.Active, 100, 0, 0, 9000); // inserted first: every other entry moves
            a.Allocate(9000, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(SiteAllocator.Missing, a.ClassAt(a.IndexOf("m")));
            Assert.AreEqual(SiteAllocator.Silent, a.ClassAt(a.IndexOf("s")));
            Assert.AreEqual(210, a.ReservedDa);
            Assert.AreEqual(100, a.ShareDa("a"));
            Assert.AreEqual(320, a.ShareDa("p"));
            Assert.AreEqual(630, a.CommittedDa);
            Assert.AreEqual(63, a.LoadPercent);
        }

        [TestMethod]
        public static void Forgetting_compacts_the_table_and_keeps_the_rest()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Active, 320, 0, 0, 0);       // forgotten
            a.Report("b", SitePodState.Active, 200, 150, 0, 52000); // missing at 60 s
            a.Report("c", SitePodState.Paused, 100, 0, 0, 60000);
            a.Report("d", SitePodState.Active, 300, 0, 0, 1000);    // forgotten
            a.Report("e", SitePodState.Idle, 0, 0, 0, 60000);
            a.Allocate(60000, 1000, 100, 100, PeriodMs, 50000);
            Assert.AreEqual(3, a.Count);
            Assert.AreEqual("b", a.IdAt(0));
            Assert.AreEqual("c", a.IdAt(1));
            Assert.AreEqual("e", a.IdAt(2));
            Assert.IsNull(a.IdAt(3), "a forgotten id is released");
            Assert.IsNull(a.IdAt(4));
            Assert.AreEqual(SiteAllocator.Missing, a.ClassAt(0));
            Assert.AreEqual(150, a.ReservedDa);
            Assert.AreEqual(100, a.ShareDa("c"));
            Assert.AreEqual(0, a.ShareDa("e"));
            Assert.AreEqual(-1, a.IndexOf("d"));
            Assert.IsTrue(a.Report("aa", SitePodState.Idle, 0, 0, 0, 60000));
            Assert.AreEqual("aa", a.IdAt(0));
        }

        [TestMethod]
        [DataRow(50000, 2)]  // exactly the forget time: kept
        [DataRow(50001, 1)]  // longer: dropped
        public static void A_pod_is_kept_at_exactly_the_forget_time(int ageMs, int count)
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, 320, 0, 0, 0);
            a.Report("b", SitePodState.Active, 320, 0, 0, ageMs);
            a.Allocate(ageMs, 1000, 100, 100, PeriodMs, 50000);
            Assert.AreEqual(count, a.Count);
            Assert.AreEqual(count == 2 ? 320 : 0, a.ReservedDa);
        }

        [TestMethod]
        public static void A_forget_time_of_0_keeps_every_pod()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, 320, 0, 0, 0);
            a.Allocate(86400000L * 30, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(1, a.Count);
            Assert.AreEqual(SiteAllocator.Silent, a.ClassAt(0));
        }

        [TestMethod]
        public static void Negative_reported_currents_count_as_0()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("m", SitePodState.Active, 320, -200, -1, 0);  // missing
            a.Report("s", SitePodState.Active, -300, 0, 0, -9000); // silent
            a.Report("x", SitePodState.Active, -100, 0, 0, 9000);  // fresh
            a.Allocate(9000, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(0, a.ReservedDa);
            Assert.AreEqual(0, a.LoadPercent);
            Assert.AreEqual(0, a.ShareDa("x"));
            Assert.AreEqual(0, a.CommittedDa);
            Assert.IsTrue(a.StartAllowed);
        }

        [TestMethod]
        [DataRow(60, 60)] // exactly 6 A: shares
        [DataRow(59, 0)]  // below: takes no share and adds no demand
        public static void A_pod_below_6_A_takes_no_share(int maxDa, int shareDa)
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, maxDa, 0, 0, 0);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(shareDa, a.ShareDaAt(0));
            Assert.AreEqual(shareDa / 10, a.LoadPercent);
        }

        [TestMethod]
        public static void An_idle_pod_takes_no_share()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Idle, 320, 0, 0, 0);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(0, a.ShareDaAt(0));
            Assert.AreEqual(0, a.LoadPercent);
        }

        [TestMethod]
        [DataRow(0, 0, 0, false)]
        [DataRow(-50, 0, 0, false)]
        [DataRow(0, 100, 100000, true)]
        [DataRow(-50, 100, 100000, true)]
        [DataRow(1, 100, 10000, true)]
        [DataRow(60, 0, 0, false)]
        public static void A_zero_or_negative_capacity_gives_nothing(int capacityDa, int demandDa, int loadPercent, bool half)
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, demandDa, 0, 0, 0);
            a.Allocate(0, capacityDa, 50, 80, PeriodMs, 0);
            Assert.AreEqual(loadPercent, a.LoadPercent);
            Assert.AreEqual(half, a.HalfPower);
            Assert.AreEqual(capacityDa == 60, a.StartAllowed);
            Assert.AreEqual(0, a.ShareDaAt(0));
            Assert.AreEqual(0, a.CommittedDa);
        }

        [TestMethod]
        public static void The_load_percent_is_capped()
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, 10000, 0, 0, 0);
            a.Report("b", SitePodState.Active, 5000, 0, 0, 0);
            a.Allocate(0, 10, 50, 80, PeriodMs, 0);
            Assert.AreEqual(100000, a.LoadPercent);
            a.Allocate(0, 16, 50, 80, PeriodMs, 0);
            Assert.AreEqual(93750, a.LoadPercent);
        }

        [TestMethod]
        [DataRow(940, true)] // 6 A left: a start is allowed
        [DataRow(941, false)]
        public static void A_start_needs_6_A_left(int demandDa, bool allowed)
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, demandDa, 0, 0, 0);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(allowed, a.StartAllowed);
        }

        [TestMethod]
        [DataRow(180, 3)] // 3 x 6 A
        [DataRow(179, 2)] // only 2 can have 6 A: the paused pod, last, gets nothing
        [DataRow(120, 2)]
        [DataRow(119, 1)]
        [DataRow(59, 0)]
        public static void Running_sessions_keep_6_A_before_paused_ones(int capacityDa, int kept)
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Paused, 320, 0, 0, 0);
            a.Report("b", SitePodState.Active, 320, 0, 0, 0);
            a.Report("c", SitePodState.Active, 320, 0, 0, 0);
            a.Allocate(0, capacityDa, 100, 100, PeriodMs, 0);
            Assert.AreEqual(kept > 2 ? capacityDa / 3 : 0, a.ShareDa("a"));
            Assert.AreEqual(kept == 0 ? 0 : kept == 1 ? capacityDa : kept == 2 ? capacityDa / 2 : capacityDa / 3, a.ShareDa("b"));
            Assert.AreEqual(kept >= 2 ? (kept == 2 ? capacityDa - capacityDa / 2 : capacityDa / 3) : 0, a.ShareDa("c"));
        }

        [TestMethod]
        public static void Reservations_for_lost_pods_come_off_the_capacity_first()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("lost", SitePodState.Active, 320, 300, 0, 0); // missing at 10 s: 30 A reserved
            a.Report("me", SitePodState.Active, 320, 0, 0, 10000);
            a.Report("you", SitePodState.Active, 320, 0, 0, 10000);
            a.Allocate(10000, 420, 100, 100, PeriodMs, 0);
            Assert.AreEqual(300, a.ReservedDa);
            Assert.AreEqual(60, a.ShareDa("me"));
            Assert.AreEqual(60, a.ShareDa("you"));
            Assert.AreEqual(420, a.CommittedDa);
            a.Allocate(10000, 419, 100, 100, PeriodMs, 0);
            Assert.AreEqual(119, a.ShareDa("me"));
            Assert.AreEqual(0, a.ShareDa("you"));
            Assert.AreEqual(419, a.CommittedDa);
            a.Allocate(10000, 250, 100, 100, PeriodMs, 0);
            Assert.AreEqual(0, a.ShareDa("me"));
            Assert.AreEqual(300, a.CommittedDa);
            Assert.IsFalse(a.StartAllowed);
        }

        [TestMethod]
        [DataRow(100, 60)] // half is 5 A: raised to 6 A
        [DataRow(120, 60)] // half is exactly 6 A
        [DataRow(130, 65)]
        [DataRow(321, 160)]
        public static void Half_power_caps_at_half_but_not_below_6_A(int maxDa, int capDa)
        {
            SiteAllocator a = new SiteAllocator(4);
            a.Report("a", SitePodState.Active, maxDa, 0, 0, 0);
            a.Allocate(0, 1000, 1, 100, PeriodMs, 0);
            Assert.IsTrue(a.HalfPower);
            Assert.AreEqual(capDa, a.ShareDaAt(0));
        }

        [TestMethod]
        public static void Water_filling_gives_the_small_caps_first_and_shares_the_rest()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Active, 320, 0, 0, 0);
            a.Report("b", SitePodState.Active, 320, 0, 0, 0);
            a.Report("c", SitePodState.Active, 100, 0, 0, 0);
            a.Allocate(0, 300, 50, 100, PeriodMs, 0);
            Assert.IsTrue(a.HalfPower);
            Assert.AreEqual(60, a.ShareDa("c"));
            Assert.AreEqual(120, a.ShareDa("a"));
            Assert.AreEqual(120, a.ShareDa("b"));
            Assert.AreEqual(300, a.CommittedDa);
            Assert.AreEqual(246, a.LoadPercent);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.IsFalse(a.HalfPower);
            Assert.AreEqual(100, a.ShareDa("c"));
            Assert.AreEqual(320, a.ShareDa("a"));
            Assert.AreEqual(740, a.CommittedDa);
            a.Allocate(0, 350, 50, 100, PeriodMs, 0);
            Assert.AreEqual(60, a.ShareDa("c"));
            Assert.AreEqual(145, a.ShareDa("a"));
            Assert.AreEqual(145, a.ShareDa("b"));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        public static void A_table_for_no_pod_is_refused_by_name(int maxPods)
        {
            ArgumentOutOfRangeException refused = null;
            try
            {
                new SiteAllocator(maxPods);
            }
            catch (ArgumentOutOfRangeException e)
            {
                refused = e;
            }

            Assert.IsNotNull(refused);
            Assert.AreEqual("maxPods", refused.ParamName);
        }

        [TestMethod]
        public static void A_second_report_of_the_first_pod_updates_it_in_place()
        {
            SiteAllocator a = new SiteAllocator(4);
            Assert.IsTrue(a.Report("a", SitePodState.Active, 320, 0, 0, 0));
            Assert.IsTrue(a.Report("a", SitePodState.Active, 100, 0, 0, 20000));
            Assert.AreEqual(1, a.Count);
            a.Allocate(20000, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(SiteAllocator.Fresh, a.ClassAt(0));
            Assert.AreEqual(100, a.ShareDaAt(0));
        }

        [TestMethod]
        public static void A_full_table_allocates_and_forgets()
        {
            SiteAllocator a = new SiteAllocator(2);
            a.Report("a", SitePodState.Active, 320, 0, 0, 0);
            a.Report("b", SitePodState.Active, 320, 0, 0, 0);
            a.Allocate(0, 1000, 100, 100, PeriodMs, 0);
            Assert.AreEqual(2, a.Count);
            Assert.AreEqual(320, a.ShareDaAt(1));
            a.Allocate(70000, 1000, 100, 100, PeriodMs, 60000);
            Assert.AreEqual(0, a.Count);
        }
    }
}
