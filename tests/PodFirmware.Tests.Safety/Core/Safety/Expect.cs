using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Test helper: assertions with readable messages for values the framework has no overload for.</summary>
    public static class Expect
    {
        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(Finite.AtMost(System.Math.Abs(expected - actual), tolerance),
                what + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", was " + actual.ToString());
        }

        public static void Code(FaultCode expected, FaultCode actual, string what)
        {
            Assert.AreEqual((int)expected, (int)actual,
                what + ": expected " + FaultCatalogue.NameOf(expected) + ", was " + FaultCatalogue.NameOf(actual));
        }

        public static void Code(FaultCode expected, FaultCode actual)
        {
            Code(expected, actual, "fault code");
        }

        public static void Kind(EventKind expected, EventKind actual, string what)
        {
            Assert.AreEqual((int)expected, (int)actual,
                what + ": expected " + EventKindNames.Of(expected) + ", was " + EventKindNames.Of(actual));
        }
    }
}
