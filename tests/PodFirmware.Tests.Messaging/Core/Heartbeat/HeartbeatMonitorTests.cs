using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;

namespace PodFirmware.Tests.Core.Heartbeat
{
    [TestClass]
    public class HeartbeatMonitorTests
    {
        // Period 10 s, 3 missed beats: lost 30 s after the last beat.
        private static HeartbeatConfig Config(string onLost, int continueLimitMs)
        {
            var config = new HeartbeatConfig();
            config.OnLost = onLost;
            config.ContinueLimitMs = continueLimitMs;
            return config;
        }

        private static int CountWarnings(EventRing ring, int arg)
        {
            var e = new PodEvent();
            int count = 0;
            while (ring.TryTake(e))
            {
                Assert.AreEqual((int)EventKind.Warning, (int)e.Kind, "only warnings are written");
                Assert.AreEqual((int)FaultCode.ControllerLost, (int)e.Code);
                if (e.Arg == arg)
                {
                    count++;
                }
            }

            return count;
        }

        [TestMethod]
        public static void Is_lost_30s_after_boot_when_no_beat_ever_arrives()
        {
            var ring = new EventRing(8, 2);
            var monitor = new HeartbeatMonitor(Config(HeartbeatConfig.Continue, 1800000), 1000, ring, null);
            Assert.AreEqual((int)HeartbeatChange.None, (int)monitor.Update(30999));
            Assert.IsFalse(monitor.ControllerLost, "29.999 s after boot");
            Assert.AreEqual((int)HeartbeatChange.Lost, (int)monitor.Update(31000));
            Assert.IsTrue(monitor.ControllerLost, "30 s after boot");
            Assert.AreEqual(31000L, monitor.LostAtMs);
        }

        [TestMethod]
        public static void Beats_every_period_keep_the_controller_alive_for_an_hour()
        {
            var ring = new EventRing(8, 2);
            var monitor = new HeartbeatMonitor(Config(HeartbeatConfig.Continue, 1800000), 0, ring, null);
            for (long t = 0; t <= 3600000; t += 100)
            {
                if (t % 10000 == 5000)
                {
                    monitor.OnBeat(t, 0);
                }

                monitor.Update(t);
                Assert.IsFalse(monitor.ControllerLost, "at " + t.ToString() + " ms");
            }

            Assert.AreEqual(0, ring.Count, "no event while beats arrive");
            Assert.AreEqual(360, monitor.BeatCount);
        }

        [TestMethod]
        public static void Announces_the_loss_once_and_the_recovery_once()
        {
            var ring = new EventRing(8, 2);
            var monitor = new HeartbeatMonitor(Config(HeartbeatConfig.Continue, 1800000), 0, ring, null);
            monitor.OnBeat(10000, 0);
            monitor.Update(10000);
            for (long t = 10100; t <= 120000; t += 100)
            {
                monitor.Update(t);
            }

            Assert.IsTrue(monitor.ControllerLost);
            Assert.AreEqual(40000L, monitor.LostAtMs, "three 10 s periods after the beat at 10 s");
            Assert.AreEqual(1, CountWarnings(ring, 1), "one ControllerLost warning for a long silence");

            monitor.OnBeat(120050, 0);
            Assert.AreEqual((int)HeartbeatChange.Recovered, (int)monitor.Update(120100));
            Assert.IsFalse(monitor.ControllerLost);
            Assert.AreEqual(120100L, monitor.LastBeatMs, "the beat is timed by the tick that sees it");
            monitor.Update(120200);
            Assert.AreEqual(1, CountWarnings(ring, 0), "one cleared warning (Arg 0) on recovery");
        }

        [TestMethod]
        public static void Stop_policy_stops_the_session_in_the_tick_that_declares_the_loss()
        {
            var monitor = new HeartbeatMonitor(Config(HeartbeatConfig.Stop, 1800000), 0, null, null);
            monitor.Update(29999);
            Assert.IsFalse(monitor.StopSessionNow);
            monitor.Update(30000);
            Assert.IsTrue(monitor.StopSessionNow);
        }

        [TestMethod]
        public static void Continue_policy_stops_the_session_only_after_the_limit_since_the_loss()
        {
            var monitor = new HeartbeatMonitor(Config(HeartbeatConfig.Continue, 600000), 0, null, null);
            monitor.Update(30000);
            Assert.IsTrue(monitor.ControllerLost);
            Assert.IsFalse(monitor.StopSessionNow, "lost, but within the 10 min limit");
            monitor.Update(629999);
            Assert.IsFalse(monitor.StopSessionNow, "1 ms before the limit");
            monitor.Update(630000);
            Assert.IsTrue(monitor.StopSessionNow, "10 min after the loss");
            monitor.OnBeat(631000, 0);
            monitor.Update(631000);
            Assert.IsFalse(monitor.StopSessionNow, "a beat ends the loss");
        }

        [TestMethod]
        public static void A_beat_sets_the_pod_clock_only_when_configured_as_a_time_source()
        {
            var config = Config(HeartbeatConfig.Continue, 0);
            var utc = new UtcTime();
            config.TimeSource = false;
            new HeartbeatMonitor(config, 0, null, utc).OnBeat(5000, 1767225600000L);
            Assert.IsFalse(utc.IsValid);

            config.TimeSource = true;
            new HeartbeatMonitor(config, 0, null, utc).OnBeat(5000, 1767225600000L);
            Assert.IsTrue(utc.IsValid);
            Assert.AreEqual(1767225601000L, utc.UtcMs(6000));
        }
    }
}
