using nanoFramework.TestFramework;
using PodFirmware.Core.Heartbeat;

namespace PodFirmware.Tests.Core.Heartbeat
{
    [TestClass]
    public class UtcTimeTests
    {
        [TestMethod]
        public static void Is_invalid_and_reads_zero_until_set()
        {
            var utc = new UtcTime();
            Assert.IsFalse(utc.IsValid);
            Assert.AreEqual(0L, utc.UtcMs(123456));
            Assert.AreEqual(0L, utc.UtcSeconds(123456));
        }

        [TestMethod]
        public static void Follows_monotonic_time_from_the_heartbeat_offset()
        {
            var utc = new UtcTime();
            Assert.IsTrue(utc.SetFromHeartbeat(10000, 1767225600250L));
            Assert.AreEqual(1767225600250L, utc.UtcMs(10000));
            Assert.AreEqual(1767225660250L, utc.UtcMs(70000));
            Assert.AreEqual(1767225660L, utc.UtcSeconds(70000));
        }

        [TestMethod]
        public static void A_later_heartbeat_corrects_drift()
        {
            var utc = new UtcTime();
            utc.SetFromHeartbeat(0, 1000000L);
            utc.SetFromHeartbeat(60000, 1059990L);
            Assert.AreEqual(1059990L, utc.UtcMs(60000));
        }

        [TestMethod]
        public static void Heartbeats_never_override_SNTP()
        {
            var utc = new UtcTime();
            utc.SetFromSntp(0, 2000000L);
            Assert.IsFalse(utc.SetFromHeartbeat(0, 5000000L));
            Assert.IsTrue(utc.IsFromSntp);
            Assert.AreEqual(2000500L, utc.UtcMs(500));
        }
    }
}
