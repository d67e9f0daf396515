using nanoFramework.TestFramework;
using PodFirmware.Core.Site;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>This pod's share: joining, partition (fallback share), the controller's policy and its loss.</summary>
    [TestClass]
    public class SiteShareTests
    {
        private static SiteShare NewShare()
        {
            SiteConfig c = new SiteConfig();
            c.Enabled = true;
            c.CapacityA = 100;
            c.PeriodMs = 5000;
            c.FallbackShareA = 8;
            return new SiteShare(c, "me", 30000);
        }

        [TestMethod]
        [DataRow(0, 0)]      // first echo: just joined, no share yet (it never had one)
        [DataRow(7499, 0)]   // not yet 1.5 periods of view
        [DataRow(7500, 320)] // a full window heard: the site's share
        public static void A_joining_pod_takes_nothing_until_it_has_heard_a_window(int sinceEchoMs, int shareDa)
        {
            SiteShare s = NewShare();
            for (long t = 0; t <= sinceEchoMs; t += 1000)
            {
                s.OnLoad("me", SitePodState.Active, 320, 0, 0, t);
            }

            s.OnLoad("me", SitePodState.Active, 320, 0, 0, sinceEchoMs);
            s.Update(sinceEchoMs, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(shareDa, s.ShareDa);
            Assert.AreEqual(shareDa == 0, s.Isolated);
        }

        [TestMethod]
        [DataRow(7500, 320)] // own message last heard 1.5 periods ago: still in view
        [DataRow(7501, 80)]  // longer: partitioned, fallback share
        public static void A_pod_that_stops_hearing_itself_falls_back(int silenceMs, int shareDa)
        {
            SiteShare s = NewShare();
            for (long t = 0; t <= 10000; t += 5000)
            {
                s.OnLoad("me", SitePodState.Active, 320, 0, 0, t);
            }

            s.Update(10000, SitePodState.Active, 320, 320, 300);
            Assert.AreEqual(320, s.ShareDa);
            s.Update(10000 + silenceMs, SitePodState.Active, 320, 320, 300);
            Assert.AreEqual(shareDa, s.ShareDa);
        }

        [TestMethod]
        [DataRow(905000, 80)] // isolated since its last echo at 10 s: fallback share
        [DataRow(905001, 0)]  // the others forget it at 910 s: it stops a period before
        public static void A_long_partition_pauses_before_the_others_forget_the_pod(int nowMs, int shareDa)
        {
            SiteShare s = NewShare();
            for (long t = 0; t <= 10000; t += 5000)
            {
                s.OnLoad("me", SitePodState.Active, 320, 0, 0, t);
            }

            s.Update(10000, SitePodState.Active, 320, 320, 300);
            s.Update(nowMs, SitePodState.Active, 320, 320, 300);
            Assert.AreEqual(shareDa, s.ShareDa);
        }

        [TestMethod]
        public static void A_fallback_share_below_6_A_pauses_and_an_isolated_pod_refuses_starts()
        {
            SiteConfig c = new SiteConfig();
            c.FallbackShareA = 5;
            SiteShare s = new SiteShare(c, "me", 30000);
            s.Update(0, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(0, s.ShareDa);
            Assert.IsFalse(s.StartAllowed);
        }

        [TestMethod]
        public static void A_new_session_takes_nothing_until_its_own_message_came_back()
        {
            SiteShare s = NewShare();
            for (long t = 0; t <= 10000; t += 5000)
            {
                s.OnLoad("me", SitePodState.Idle, 320, 0, 0, t);
            }

            s.Update(10000, SitePodState.Idle, 320, 0, 0);
            Assert.IsTrue(s.StartAllowed);
            s.Update(10001, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(0, s.ShareDa);
            s.OnLoad("me", SitePodState.Active, 320, 0, 0, 10050);
            s.Update(10100, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(320, s.ShareDa);
        }

        [TestMethod]
        public static void The_controller_capacity_holds_while_fresh_then_the_configured_one()
        {
            SiteShare s = NewShare();
            for (long t = 0; t <= 10000; t += 5000)
            {
                s.OnLoad("me", SitePodState.Active, 320, 0, 0, t);
            }

            s.OnLoad("other", SitePodState.Active, 320, 320, 320, 10000);
            s.OnPolicy(400, 100, 100, 10000);
            s.Update(10000, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(400, s.CapacityDa);
            Assert.AreEqual(160, s.ShareDa); // 64 A asked of 40 A: half power, 16 A each
            s.OnPolicy(0, 50, 80, 10000); // out of range: ignored
            s.OnLoad("me", SitePodState.Active, 320, 0, 0, 40000);
            s.OnLoad("other", SitePodState.Active, 320, 320, 320, 40000);
            s.Update(40001, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(1000, s.CapacityDa);
        }
    }
}
