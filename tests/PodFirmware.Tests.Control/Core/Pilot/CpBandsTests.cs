using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;

namespace PodFirmware.Tests.Core.Pilot
{
    [TestClass]
    public class CpBandsTests
    {
        // Each band is its nominal level +/- 1 V, inclusive; the gaps between are invalid. Constant +12 V: no diode check.
        [DataRow(13.0, "A")]
        [DataRow(12.0, "A")]
        [DataRow(11.0, "A")]
        [DataRow(13.01, "invalid")]
        [DataRow(10.99, "invalid")]
        [DataRow(10.0, "B")]
        [DataRow(9.0, "B")]
        [DataRow(8.0, "B")]
        [DataRow(7.99, "invalid")]
        [DataRow(7.0, "C")]
        [DataRow(5.0, "C")]
        [DataRow(4.99, "invalid")]
        [DataRow(4.0, "D")]
        [DataRow(2.0, "D")]
        [DataRow(1.99, "invalid")]
        [DataRow(1.0, "E")]
        [DataRow(0.0, "E")]
        [DataRow(-1.0, "E")]
        [DataRow(-1.01, "invalid")]
        [DataRow(-12.0, "invalid")]
        [TestMethod]
        public static void The_high_level_picks_the_band(double highV, string state)
        {
            Assert.AreEqual(state, CpStateNames.Of(CpBands.Classify(highV, highV, false)));
        }

        [DataRow(9.0, -13.0, "B")]
        [DataRow(9.0, -11.0, "B")]
        [DataRow(9.0, -10.99, "no_diode")]
        [DataRow(6.0, -13.01, "no_diode")]
        [DataRow(6.0, -5.6, "no_diode")]
        [DataRow(3.0, -12.0, "D")]
        [DataRow(12.0, -12.0, "A")]
        [DataRow(12.0, -9.0, "invalid")]
        [DataRow(0.0, 0.0, "E")]
        [TestMethod]
        public static void While_the_PWM_runs_the_low_level_must_be_minus_12_V(double highV, double lowV, string state)
        {
            Assert.AreEqual(state, CpStateNames.Of(CpBands.Classify(highV, lowV, true)));
        }

        [TestMethod]
        public static void NaN_and_infinities_are_invalid()
        {
            Assert.AreEqual(CpState.Invalid, CpBands.Classify(double.NaN, -12.0, true));
            Assert.AreEqual(CpState.Invalid, CpBands.Classify(9.0, double.NaN, true));
            Assert.AreEqual(CpState.Invalid, CpBands.Classify(double.PositiveInfinity, -12.0, false));
            Assert.AreEqual(CpState.Invalid, CpBands.Classify(9.0, double.NegativeInfinity, false));
        }

        [TestMethod]
        public static void Every_state_has_a_distinct_name()
        {
            for (int i = 0; i <= (int)CpState.NoDiode; i++)
            {
                for (int j = i + 1; j <= (int)CpState.NoDiode; j++)
                {
                    Assert.AreNotEqual(CpStateNames.Of((CpState)i), CpStateNames.Of((CpState)j));
                }
            }

            Assert.AreEqual("invalid", CpStateNames.Of((CpState)99));
        }
    }
}
