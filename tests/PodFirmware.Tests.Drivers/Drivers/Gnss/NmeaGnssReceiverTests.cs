using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Tests.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Gnss
{
    [TestClass]
    public class NmeaGnssReceiverTests
    {
        [TestMethod]
        public static void Reports_the_fed_position_until_it_is_older_than_fixMaxAgeMs()
        {
            var receiver = new NmeaGnssReceiver(2000);
            IPositionSource source = receiver;
            byte[] bytes = Nmea.Bytes(Nmea.Sentence("GNRMC,101500.00,A,5130.0000,N,00007.5000,W,0.0,0.0,211126,,,A"));
            Assert.AreEqual(1, receiver.Feed(bytes, 0, bytes.Length, 500));

            var fix = new PositionFix();
            Assert.IsTrue(source.TryGetFix(2500, fix));
            Approx.Equal(51.5, fix.LatitudeDeg, 1e-12, "latitude");
            Approx.Equal(-0.125, fix.LongitudeDeg, 1e-12, "longitude");
            Assert.IsFalse(source.TryGetFix(2501, fix), "2001 ms old");
            Assert.IsFalse(fix.Valid);
            Assert.AreEqual(1, receiver.Parser.SentencesAccepted);
        }

        [TestMethod]
        public static void Has_no_fix_before_any_sentence()
        {
            var fix = new PositionFix();
            Assert.IsFalse(new NmeaGnssReceiver(5000).TryGetFix(0, fix));
            Assert.IsFalse(fix.Valid);
        }

        [TestMethod]
        public static void Refuses_a_max_age_below_1ms()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new NmeaGnssReceiver(0));
        }
    }
}
