using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class VirtualClockTests
    {
        [TestMethod]
        public static void Starts_at_zero_with_no_valid_wall_clock()
        {
            var clock = new VirtualClock();
            Assert.AreEqual(0L, clock.MonotonicMs);
            Assert.IsFalse(clock.IsUtcValid);
        }

        [DataRow(0L)]
        [DataRow(1L)]
        [DataRow(600000L)]
        [TestMethod]
        public static void Advances_by_exactly_the_requested_milliseconds(long deltaMs)
        {
            var clock = new VirtualClock();
            clock.AdvanceMs(5);
            clock.AdvanceMs(deltaMs);
            Assert.AreEqual(5L + deltaMs, clock.MonotonicMs);
        }

        [TestMethod]
        public static void Refuses_to_go_back()
        {
            var clock = new VirtualClock();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.AdvanceMs(-1));
        }

        [TestMethod]
        public static void Wall_clock_follows_monotonic_time_once_set()
        {
            var clock = new VirtualClock();
            clock.AdvanceMs(1000);
            clock.SetUtc(new DateTime(2026, 11, 21, 12, 0, 0));
            clock.AdvanceMs(1500);
            Assert.IsTrue(clock.IsUtcValid);
            Assert.AreEqual(new DateTime(2026, 11, 21, 12, 0, 1).AddMilliseconds(500), clock.UtcNow);
        }
    }
}
