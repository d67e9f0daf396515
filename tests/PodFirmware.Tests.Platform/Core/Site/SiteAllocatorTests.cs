using nanoFramework.TestFramework;
using PodFirmware.Core.Site;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>The site allocator: fair shares, the 50 % and 80 % rules, the 6 A floor, lost messages and determinism.</summary>
    [TestClass]
    public class SiteAllocatorTests
    {
        private const int PeriodMs = 5000;

        private static SiteAllocator Active(int pods, int maxDa, long nowMs)
        {
            SiteAllocator a = new SiteAllocator(64);
            for (int i = 0; i < pods; i++)
            {
                a.Report("p" + (10 + i).ToString(), SitePodState.Active, maxDa, maxDa, maxDa, nowMs);
            }

            return a;
        }

        [TestMethod]
        [DataRow(2, 320, 1000, 160, true)]   // 64 A of 100 A: 64 % > 50 %: half power, 16 A each
        [DataRow(1, 320, 1000, 320, true)]   // 32 % of capacity: full power, starts allowed
        [DataRow(3, 320, 1000, 160, false)]  // 96 %: half power, no new session
        [DataRow(5, 320, 1000, 160, false)]  // 160 %: half caps 16 A fit 80 A of 100 A
        [DataRow(10, 320, 1000, 100, false)] // half caps 160 A > 100 A: 10 A each
        [DataRow(16, 320, 1000, 62, false)]  // 6.25 A each
        [DataRow(17, 320, 1000, 62, false)]  // only 16 can have 6 A: they share 100 A, the 17th pauses (checked below)
        public static void Shares_follow_the_rules(int pods, int maxDa, int capacityDa, int firstShareDa, bool startAllowed)
        {
            SiteAllocator a = Active(pods, maxDa, 0);
            a.Allocate(0, capacityDa, 50, 80, PeriodMs, 0);
            Assert.AreEqual(firstShareDa, a.ShareDaAt(0));

            Assert.AreEqual(startAllowed, a.StartAllowed);
            int sum = 0;
            int below = 0;
            for (int i = 0; i < a.Count; i++)
            {
                int s = a.ShareDaAt(i);
                sum += s;
                if (s > 0 && s < SiteAllocator.MinimumDa)
                {
                    below++;
                }

                Assert.IsTrue(s <= maxDa, "never above the pod's own limit");
            }

            Assert.IsTrue(sum <= capacityDa, "sum " + sum.ToString());
            Assert.AreEqual(0, below, "no share between 0 and 6 A");
            if (pods == 17)
            {
                Assert.AreEqual(0, a.ShareDaAt(16), "the last pod by id pauses");
            }
        }

        [TestMethod]
        [DataRow(800, true)]  // exactly 80 %: a start is allowed
        [DataRow(801, false)] // just above
        public static void No_new_session_above_80_percent(int demandDa, bool allowed)
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Active, demandDa, 0, 0, 0);
            a.Allocate(0, 1000, 50, 80, PeriodMs, 0);
            Assert.AreEqual(allowed, a.StartAllowed);
        }

        [TestMethod]
        [DataRow(500, false)] // exactly 50 %: full power
        [DataRow(501, true)]
        public static void Half_power_above_50_percent(int demandDa, bool half)
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Active, demandDa, 0, 0, 0);
            a.Allocate(0, 1000, 50, 80, PeriodMs, 0);
            Assert.AreEqual(half, a.HalfPower);
            Assert.AreEqual(half ? demandDa / 2 : demandDa, a.ShareDaAt(0));
        }

        [TestMethod]
        [DataRow(7500, 0)]  // 1.5 periods: still fresh
        [DataRow(7501, 1)]  // missing: counted at its last allowed current
        [DataRow(15000, 1)] // 3 periods
        [DataRow(15001, 2)] // silent: counted at its maximum
        public static void A_lost_pod_is_never_counted_as_drawing_nothing(int ageMs, int expectedClass)
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("lost", SitePodState.Active, 320, 200, 190, 0);
            a.Report("me", SitePodState.Active, 320, 100, 100, ageMs);
            a.Allocate(ageMs, 600, 100, 100, PeriodMs, 0);
            Assert.AreEqual(expectedClass, a.ClassAt(a.IndexOf("lost")));
            Assert.AreEqual(expectedClass == 0 ? 0 : expectedClass == 1 ? 200 : 320, a.ReservedDa);
            // Fresh: 64 A asked of 60 A, half power, 16 A; missing: 52 A, 32 A fits; silent: 64 A again, half power.
            Assert.AreEqual(expectedClass == 1 ? 320 : 160, a.ShareDa("me"));
            Assert.IsTrue(a.CommittedDa <= 600);
        }

        [TestMethod]
        public static void A_pod_unheard_past_the_forget_time_leaves_the_table()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("gone", SitePodState.Active, 320, 320, 320, 0);
            a.Report("me", SitePodState.Active, 320, 0, 0, 60001);
            a.Allocate(60001, 400, 100, 100, PeriodMs, 60000);
            Assert.AreEqual(1, a.Count);
            Assert.AreEqual(320, a.ShareDa("me"));
        }

        [TestMethod]
        public static void Running_sessions_keep_their_place_before_paused_ones()
        {
            SiteAllocator a = new SiteAllocator(8);
            a.Report("a", SitePodState.Paused, 320, 0, 0, 0);
            a.Report("b", SitePodState.Active, 320, 60, 60, 0);
            a.Allocate(0, 100, 100, 100, PeriodMs, 0);
            Assert.AreEqual(0, a.ShareDa("a"));
            Assert.AreEqual(100, a.ShareDa("b"));
        }

        [TestMethod]
        public static void Same_messages_in_any_order_and_any_receiver_clock_give_the_same_shares()
        {
            string[] ids = { "pod-7", "pod-10", "pod-2", "x", "pod-1" };
            int[] max = { 320, 160, 100, 320, 70 };
            SiteAllocator one = new SiteAllocator(8);
            SiteAllocator two = new SiteAllocator(8);
            long skew = 123456789;
            for (int i = 0; i < ids.Length; i++)
            {
                one.Report(ids[i], SitePodState.Active, max[i], 0, 0, 1000);
                int j = ids.Length - 1 - i;
                two.Report(ids[j], SitePodState.Active, max[j], 0, 0, 1000 + skew);
            }

            one.Allocate(3000, 700, 50, 80, PeriodMs, 0);
            two.Allocate(3000 + skew, 700, 50, 80, PeriodMs, 0);
            int sum = 0;
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.AreEqual(one.ShareDa(ids[i]), two.ShareDa(ids[i]), ids[i]);
                Assert.AreEqual(one.IdAt(i), two.IdAt(i));
                sum += one.ShareDa(ids[i]);
            }

            Assert.IsTrue(sum <= 700);
            Assert.AreEqual("pod-1", one.IdAt(0));
        }

        [TestMethod]
        public static void A_full_table_refuses_a_new_pod()
        {
            SiteAllocator a = new SiteAllocator(1);
            Assert.IsTrue(a.Report("a", SitePodState.Idle, 0, 0, 0, 0));
            Assert.IsFalse(a.Report("b", SitePodState.Idle, 0, 0, 0, 0));
        }
    }
}
