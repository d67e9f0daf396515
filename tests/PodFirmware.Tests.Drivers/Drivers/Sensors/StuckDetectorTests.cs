using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class StuckDetectorTests
    {
        [TestMethod]
        public static void Trips_only_after_more_than_stuckAfterMs_of_identical_readings()
        {
            var detector = new StuckDetector(2000);
            Assert.IsFalse(detector.Update(1000, 42, true));
            Assert.IsFalse(detector.Update(2000, 42, true));
            Assert.IsFalse(detector.Update(3000, 42, true), "exactly 2000 ms unchanged is allowed");
            Assert.IsTrue(detector.Update(3001, 42, true), "2001 ms unchanged is stuck");
            Assert.IsTrue(detector.IsStuck);
        }

        [TestMethod]
        public static void Any_change_restarts_the_window_and_clears_the_verdict()
        {
            var detector = new StuckDetector(2000);
            detector.Update(0, 42, true);
            detector.Update(2500, 42, true);
            Assert.IsTrue(detector.IsStuck);

            Assert.IsFalse(detector.Update(2600, 43, true), "changed");
            Assert.IsFalse(detector.Update(4600, 43, true), "2000 ms since the change");
            Assert.IsTrue(detector.Update(4601, 43, true));
        }

        [TestMethod]
        public static void Time_without_mustChange_does_not_count()
        {
            var detector = new StuckDetector(2000);
            detector.Update(0, 42, false);
            Assert.IsFalse(detector.Update(60000, 42, false), "never stuck while it may rest");
            Assert.IsFalse(detector.Update(61000, 42, true), "the window opens when it must change");
            Assert.IsFalse(detector.Update(62000, 42, true));
            Assert.IsTrue(detector.Update(62001, 42, true));
        }

        [TestMethod]
        public static void Reset_forgets_the_history()
        {
            var detector = new StuckDetector(2000);
            detector.Update(0, 42, true);
            detector.Update(5000, 42, true);
            detector.Reset();
            Assert.IsFalse(detector.IsStuck);
            Assert.IsFalse(detector.Update(6000, 42, true));
        }

        [TestMethod]
        public static void Refuses_a_window_shorter_than_1ms()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new StuckDetector(0));
        }
    }
}
