using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;

namespace PodFirmware.Tests.Core.Pilot
{
    [TestClass]
    public class PpDecoderTests
    {
        // The four codes and the edges of their bands; outside 50..2700 ohm there is no rating.
        [DataRow(49.9, 0)]
        [DataRow(50.0, 63)]
        [DataRow(100.0, 63)]
        [DataRow(149.9, 63)]
        [DataRow(150.0, 32)]
        [DataRow(220.0, 32)]
        [DataRow(399.9, 32)]
        [DataRow(400.0, 20)]
        [DataRow(680.0, 20)]
        [DataRow(999.9, 20)]
        [DataRow(1000.0, 13)]
        [DataRow(1500.0, 13)]
        [DataRow(2700.0, 13)]
        [DataRow(2700.1, 0)]
        [DataRow(0.0, 0)]
        [TestMethod]
        public static void The_coding_resistor_gives_the_cable_rating(double ohms, int ratingA)
        {
            Assert.AreEqual(ratingA, PpDecoder.RatingA(ohms));
        }

        [TestMethod]
        public static void An_open_PP_or_a_non_finite_reading_has_no_rating()
        {
            Assert.AreEqual(0, PpDecoder.RatingA(double.PositiveInfinity));
            Assert.AreEqual(0, PpDecoder.RatingA(double.NaN));
            Assert.AreEqual(0, PpDecoder.RatingA(double.NegativeInfinity));
        }
    }
}
