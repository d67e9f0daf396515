using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Adapters;

namespace PodFirmware.Tests.Drivers.Adapters
{
    [TestClass]
    public class WallClockTests
    {
        [DataRow(1970, 0)]
        [DataRow(2024, 0)]
        [DataRow(2025, 1)]
        [DataRow(2026, 1)]
        [TestMethod]
        public static void The_clock_counts_as_set_from_the_minimum_plausible_year(int year, int set)
        {
            Assert.AreEqual(set != 0, WallClock.IsSet(new DateTime(year, 1, 1, 0, 0, 0)));
        }

        [TestMethod]
        public static void Unix_milliseconds_count_from_1970_and_drop_sub_millisecond_ticks()
        {
            Assert.AreEqual(0L, WallClock.UnixMs(new DateTime(1970, 1, 1, 0, 0, 0)));
            Assert.AreEqual(1767225600000L, WallClock.UnixMs(new DateTime(2026, 1, 1, 0, 0, 0)));
            Assert.AreEqual(1767225600001L, WallClock.UnixMs(new DateTime(2026, 1, 1, 0, 0, 0).AddTicks(19999)));
        }
    }
}
