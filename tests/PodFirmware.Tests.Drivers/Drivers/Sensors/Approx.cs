using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>Tolerance assertions for engineering values (the test framework has no AreEqual with a delta).</summary>
    public static class Approx
    {
        /// <summary>Fails unless |expected - actual| &lt;= tolerance; NaN always fails.</summary>
        public static void Equal(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(
                Finite.AtMost(System.Math.Abs(expected - actual), tolerance),
                what + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", got " + actual.ToString());
        }

        /// <summary>Fails unless actual lies within expected +/- percent %.</summary>
        public static void WithinPercent(double expected, double actual, double percent, string what)
        {
            Equal(expected, actual, System.Math.Abs(expected) * percent / 100.0, what);
        }
    }
}
