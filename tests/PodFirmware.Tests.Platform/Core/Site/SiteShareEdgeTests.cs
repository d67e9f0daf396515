using nanoFramework.TestFramework;
using PodFirmware.Core.Site;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>
    /// This pod's share at its edges: the controller policy's ranges and hold time, the echo window, the own row and its
    /// version, the isolated pod's fallback share; the load message's field ranges.
    /// </summary>
    [TestClass]
    public class SiteShareEdgeTests
    {
        private static SiteConfig Config()
        {
            SiteConfig c = new SiteConfig();
            c.Enabled = true;
            c.CapacityA = 100;
            c.PeriodMs = 5000;
            c.FallbackShareA = 8;
            return c;
        }

        // Own echoes every 5 s from 0 to 10 s: in view at 10 s.
        private static SiteShare InView(SiteConfig c)
        {
            SiteShare s = new SiteShare(c, "me", 30000);
            for (long t = 0; t <= 10000; t += 5000)
            {
                s.OnLoad("me", SitePodState.Active, 320, 0, 0, t);
            }

            return s;
        }

        [TestMethod]
        [DataRow(1, 1, 1, 1)]
        [DataRow(400, 100, 100, 400)]
        [DataRow(0, 50, 80, 1000)]
        [DataRow(-1, 50, 80, 1000)]
        [DataRow(400, 0, 80, 1000)]
        [DataRow(400, 101, 80, 1000)]
        [DataRow(400, 50, 0, 1000)]
        [DataRow(400, 50, 101, 1000)]
        public static void A_policy_out_of_range_is_ignored(int capacityDa, int half, int noNew, int inForceDa)
        {
            SiteShare s = new SiteShare(Config(), "me", 30000);
            s.OnPolicy(capacityDa, half, noNew, 0);
            s.Update(0, SitePodState.Idle, 320, 0, 0);
            Assert.AreEqual(inForceDa, s.CapacityDa);
        }

        [TestMethod]
        public static void The_policy_thresholds_replace_the_configured_ones()
        {
            SiteShare s = InView(Config());
            s.OnLoad("other", SitePodState.Active, 320, 320, 320, 10000);
            s.Update(10000, SitePodState.Active, 320, 0, 0);
            Assert.IsTrue(s.Table.HalfPower, "64 % > 50 %");
            Assert.IsTrue(s.Table.StartAllowed, "64 % <= 80 %");
            s.OnPolicy(1000, 70, 60, 10000);
            s.Update(10000, SitePodState.Active, 320, 0, 0);
            Assert.IsFalse(s.Table.HalfPower, "64 % <= 70 %");
            Assert.IsFalse(s.Table.StartAllowed, "64 % > 60 %");
            Assert.IsFalse(s.StartAllowed);
        }

        [TestMethod]
        [DataRow(40000, 400)] // exactly the hold time after the heartbeat: still in force
        [DataRow(40001, 1000)]
        public static void A_policy_holds_for_exactly_its_hold_time(int nowMs, int capacityDa)
        {
            SiteShare s = new SiteShare(Config(), "me", 30000);
            s.OnPolicy(400, 50, 80, 10000);
            s.Update(nowMs, SitePodState.Idle, 0, 0, 0);
            Assert.AreEqual(capacityDa, s.CapacityDa);
        }

        [TestMethod]
        [DataRow(7500, false)] // echo gap of 1.5 periods: the view goes on
        [DataRow(7501, true)]  // longer: the view starts again, isolated for 1.5 periods
        public static void An_echo_after_a_gap_restarts_the_view_only_past_the_window(int gapMs, bool isolated)
        {
            SiteShare s = InView(Config());
            long t = 10000 + gapMs;
            s.MarkEcho(t);
            s.Update(t, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(isolated, s.Isolated);
            s.MarkEcho(t + 5000);
            s.Update(t + 7499, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(isolated, s.Isolated);
            s.MarkEcho(t + 7500);
            s.Update(t + 7500, SitePodState.Active, 320, 0, 0);
            Assert.IsFalse(s.Isolated);
        }

        [TestMethod]
        public static void The_first_echo_starts_the_view_whenever_it_comes()
        {
            SiteShare s = new SiteShare(Config(), "me", 30000);
            for (long t = 1000; t <= 8000; t += 1000)
            {
                s.MarkEcho(t);
            }

            s.Update(8499, SitePodState.Active, 320, 0, 0);
            Assert.IsTrue(s.Isolated, "7.499 s of view");
            s.Update(8500, SitePodState.Active, 320, 0, 0);
            Assert.IsFalse(s.Isolated);
        }

        [TestMethod]
        public static void Without_any_echo_a_pod_is_isolated()
        {
            SiteShare s = new SiteShare(Config(), "me", 30000);
            s.Update(100000, SitePodState.Active, 320, 0, 0);
            Assert.IsTrue(s.Isolated);
            Assert.AreEqual(0, s.ShareDa);
            Assert.IsFalse(s.StartAllowed);
        }

        [TestMethod]
        public static void The_own_version_counts_changes_of_state_limit_and_offer()
        {
            SiteShare s = new SiteShare(Config(), "me", 30000);
            Assert.AreEqual(0, s.OwnVersion);
            s.Update(0, SitePodState.Idle, 0, 0, 0);
            Assert.AreEqual(0, s.OwnVersion, "unchanged");
            s.Update(1, SitePodState.Active, 0, 0, 0);
            Assert.AreEqual(1, s.OwnVersion);
            s.Update(2, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(2, s.OwnVersion);
            s.Update(3, SitePodState.Active, 320, 160, 0);
            Assert.AreEqual(3, s.OwnVersion);
            s.Update(4, SitePodState.Active, 320, 160, 155);
            Assert.AreEqual(3, s.OwnVersion, "the draw is not a change");
            Assert.AreEqual(SitePodState.Active, s.OwnState);
            Assert.AreEqual(320, s.OwnMaxDa);
            Assert.AreEqual(160, s.OwnAllowedDa);
            Assert.AreEqual(155, s.OwnDrawDa);
        }

        [TestMethod]
        public static void The_own_row_is_in_the_table_from_the_start()
        {
            SiteConfig c = Config();
            c.MaxPods = 2;
            SiteShare s = new SiteShare(c, "me", 30000);
            Assert.AreEqual(1, s.Table.Count);
            Assert.AreEqual(0, s.Table.IndexOf("me"));
            Assert.IsTrue(s.OnLoad("a", SitePodState.Active, 320, 0, 0, 0));
            Assert.IsFalse(s.OnLoad("b", SitePodState.Active, 320, 0, 0, 0), "full");
            Assert.IsTrue(s.OnLoad("me", SitePodState.Active, 320, 0, 0, 0), "own echo");
        }

        [TestMethod]
        public static void The_own_row_carries_the_own_state_into_the_allocation()
        {
            SiteShare s = InView(Config());
            s.OnLoad("other", SitePodState.Active, 320, 0, 0, 10000);
            s.Update(10000, SitePodState.Active, 320, 0, 0);
            Assert.AreEqual(64, s.Table.LoadPercent);
            s.Update(10001, SitePodState.Active, 100, 0, 0);
            Assert.AreEqual(42, s.Table.LoadPercent);
            Assert.AreEqual(100, s.ShareDa);
        }

        [TestMethod]
        [DataRow(8, 70, 70)]  // the own limit below the fallback share
        [DataRow(8, 80, 80)]
        [DataRow(6, 320, 60)] // exactly 6 A
        [DataRow(8, 59, 0)]   // below 6 A: pause
        public static void An_isolated_pod_takes_the_least_of_fallback_own_limit_and_last_share(int fallbackA, int ownMaxDa, int shareDa)
        {
            SiteConfig c = Config();
            c.FallbackShareA = fallbackA;
            SiteShare s = InView(c);
            s.Update(10000, SitePodState.Active, 320, 320, 300);
            Assert.AreEqual(320, s.ShareDa);
            s.Update(17501, SitePodState.Active, ownMaxDa, 320, 300);
            Assert.IsTrue(s.Isolated);
            Assert.AreEqual(shareDa, s.ShareDa);
        }

        [TestMethod]
        public static void An_isolated_pod_never_takes_more_than_its_last_share()
        {
            SiteShare s = InView(Config());
            s.OnPolicy(65, 100, 100, 10000);
            s.Update(10000, SitePodState.Active, 320, 320, 300);
            Assert.AreEqual(65, s.ShareDa);
            s.Update(17501, SitePodState.Active, 320, 320, 300);
            Assert.IsTrue(s.Isolated);
            Assert.AreEqual(65, s.ShareDa);
        }

        [TestMethod]
        public static void With_a_forget_time_of_0_an_isolated_pod_keeps_its_fallback()
        {
            SiteConfig c = Config();
            c.ForgetAfterMs = 0;
            SiteShare s = InView(c);
            s.Update(10000, SitePodState.Active, 320, 320, 300);
            s.Update(86400000, SitePodState.Active, 320, 320, 300);
            Assert.IsTrue(s.Isolated);
            Assert.AreEqual(80, s.ShareDa);
        }

        [TestMethod]
        [DataRow("{\"id\":\"a\",\"s\":0,\"maxA\":0,\"allowedA\":0,\"drawA\":0}", 1)]
        [DataRow("{\"id\":\"a\",\"s\":2,\"maxA\":1000,\"allowedA\":1000,\"drawA\":1000}", 1)]
        [DataRow("{\"id\":\"a\",\"s\":-1,\"maxA\":1,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1.5,\"maxA\":1,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1000.1,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1,\"allowedA\":-0.1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1,\"allowedA\":1000.1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":-0.1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":1000.1}", 0)]
        [DataRow("{\"id\":\"a\",\"s\":1,\"maxA\":0.05,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":null,\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":[\"a\"],\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":1}", 0)]
        [DataRow("{\"id\":\"0123456789012345678901234567890123456789012345678901234567890123x\",\"s\":1,\"maxA\":1,\"allowedA\":1,\"drawA\":1}", 0)]
        public static void A_load_is_read_only_with_every_field_in_range(string payload, int added)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(payload);
            SiteShare share = new SiteShare(new SiteConfig(), "me", 30000);
            Assert.AreEqual(added == 1, new SiteLoadJson().Read(bytes, bytes.Length, share, 0));
            Assert.AreEqual(1 + added, share.Table.Count);
        }

        [TestMethod]
        public static void A_load_read_into_a_full_table_is_refused()
        {
            SiteConfig c = new SiteConfig();
            c.MaxPods = 1;
            SiteShare share = new SiteShare(c, "me", 30000);
            SiteLoadJson json = new SiteLoadJson();
            PodFirmware.Json.JsonWriter w = json.Write("a", SitePodState.Active, 320, 0, 0, 0);
            Assert.IsFalse(new SiteLoadJson().Read(w.Buffer, w.Length, share, 0));
            Assert.AreEqual(1, share.Table.Count);
        }

        [TestMethod]
        public static void A_known_pod_read_again_is_updated()
        {
            SiteShare share = new SiteShare(new SiteConfig(), "me", 30000);
            SiteLoadJson json = new SiteLoadJson();
            PodFirmware.Json.JsonWriter w = json.Write("zz", SitePodState.Active, 320, 0, 0, 0);
            Assert.IsTrue(json.Read(w.Buffer, w.Length, share, 0));
            Assert.IsTrue(json.Reader.StringEquals("id", "zz"));
            Assert.IsTrue(json.Read(w.Buffer, w.Length, share, 20000));
            share.Table.Allocate(20000, 1000, 100, 100, 5000, 0);
            Assert.AreEqual(SiteAllocator.Fresh, share.Table.ClassAt(share.Table.IndexOf("zz")));
        }

        [TestMethod]
        public static void A_written_load_reads_as_its_fields_every_time()
        {
            SiteLoadJson json = new SiteLoadJson();
            PodFirmware.Json.JsonWriter w = json.Write("pod-1", SitePodState.Active, 320, 160, 159, 3650);
            Assert.AreEqual("{\"id\":\"pod-1\",\"s\":1,\"maxA\":32.0,\"allowedA\":16.0,\"drawA\":15.9,\"powerW\":3650}", new string(System.Text.Encoding.UTF8.GetChars(w.Buffer, 0, w.Length)));
            w = json.Write("p2", SitePodState.Idle, 0, 0, 0, 0);
            Assert.AreEqual("{\"id\":\"p2\",\"s\":0,\"maxA\":0.0,\"allowedA\":0.0,\"drawA\":0.0,\"powerW\":0}", new string(System.Text.Encoding.UTF8.GetChars(w.Buffer, 0, w.Length)));
        }
    }
}
