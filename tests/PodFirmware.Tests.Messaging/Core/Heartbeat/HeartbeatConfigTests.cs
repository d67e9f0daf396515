using nanoFramework.TestFramework;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Heartbeat
{
    [TestClass]
    public class HeartbeatConfigTests
    {
        [TestMethod]
        public static void Defaults_are_10s_period_3_beats_continue_for_30_min_and_valid()
        {
            var config = new HeartbeatConfig();
            var errors = new ConfigErrors();
            config.Validate("heartbeat", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual(30000L, config.LostAfterMs);
            Assert.IsFalse(config.StopOnLost);
            Assert.AreEqual(1800000, config.ContinueLimitMs);
            Assert.IsTrue(config.TimeSource);
        }

        [TestMethod]
        public static void Names_every_key_out_of_range()
        {
            var config = new HeartbeatConfig();
            config.PeriodMs = 999;
            config.MissedBeats = 101;
            config.OnLost = "pause";
            config.ContinueLimitMs = -1;
            var errors = new ConfigErrors();
            config.Validate("heartbeat", errors);
            string all = errors.ToString();
            Assert.AreEqual(4, errors.Count, all);
            Assert.Contains("heartbeat.periodMs", all);
            Assert.Contains("heartbeat.missedBeats", all);
            Assert.Contains("heartbeat.onLost", all);
            Assert.Contains("heartbeat.continueLimitMs", all);
        }
    }
}
