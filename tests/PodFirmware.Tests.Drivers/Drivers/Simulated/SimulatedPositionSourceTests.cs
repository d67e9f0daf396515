using nanoFramework.TestFramework;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class SimulatedPositionSourceTests
    {
        [TestMethod]
        public static void Starts_without_a_fix()
        {
            var fix = new PositionFix();
            Assert.IsFalse(new SimulatedPositionSource().TryGetFix(0, fix));
            Assert.IsFalse(fix.Valid);
        }

        [TestMethod]
        public static void Reports_the_set_position_as_a_fresh_fix()
        {
            var source = new SimulatedPositionSource();
            source.Set(-33.8688, 151.2093);
            var fix = new PositionFix();

            Assert.IsTrue(source.TryGetFix(123456, fix));
            Assert.AreEqual(-33.8688, fix.LatitudeDeg);
            Assert.AreEqual(151.2093, fix.LongitudeDeg);
            Assert.AreEqual(123456L, fix.FixTimeMs);
            Assert.IsTrue(fix.Valid);
        }

        [TestMethod]
        public static void Lose_drops_the_fix_until_the_next_set()
        {
            var source = new SimulatedPositionSource();
            var fix = new PositionFix();
            source.Set(48.1, 11.5);
            source.Lose();
            Assert.IsFalse(source.TryGetFix(0, fix));
            Assert.IsFalse(fix.Valid);
            Assert.AreEqual(48.1, fix.LatitudeDeg, "last position kept for display");

            source.Set(48.2, 11.6);
            Assert.IsTrue(source.TryGetFix(0, fix));
            Assert.AreEqual(48.2, fix.LatitudeDeg);
        }
    }
}
