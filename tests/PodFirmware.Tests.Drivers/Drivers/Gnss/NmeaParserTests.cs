using nanoFramework.TestFramework;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Tests.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Gnss
{
    [TestClass]
    public class NmeaParserTests
    {
        // The textbook examples (48 deg 07.038' N, 11 deg 31.000' E), checksums as published.
        private const string TextbookGga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n";
        private const string TextbookRmc = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\r\n";
        private const double MunichLatDeg = 48.0 + (7.038 / 60.0);
        private const double MunichLonDeg = 11.0 + (31.0 / 60.0);

        private static PositionFix FixAt(NmeaParser parser, long nowMs)
        {
            var fix = new PositionFix();
            parser.TryGetFix(nowMs, 5000, fix);
            return fix;
        }

        [TestMethod]
        public static void Textbook_checksums_are_what_the_helper_computes()
        {
            Assert.AreEqual("47", Nmea.Checksum("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"));
            Assert.AreEqual("6A", Nmea.Checksum("GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W"));
        }

        [TestMethod]
        public static void Textbook_GGA_gives_48_1173N_11_5167E_8_satellites_HDOP_0_9()
        {
            var parser = new NmeaParser();
            Assert.AreEqual(1, Nmea.Feed(parser, TextbookGga, 1000));

            var fix = new PositionFix();
            Assert.IsTrue(parser.TryGetFix(1000, 5000, fix));
            Assert.IsTrue(fix.Valid);
            Approx.Equal(48.1173, fix.LatitudeDeg, 0.00001, "latitude");
            Approx.Equal(11.516667, fix.LongitudeDeg, 0.000001, "longitude");
            Approx.Equal(MunichLatDeg, fix.LatitudeDeg, 1e-12, "latitude exact");
            Assert.AreEqual(8, fix.Satellites);
            Assert.AreEqual(9, fix.HdopTenths);
            Assert.AreEqual(1000L, fix.FixTimeMs);
            Assert.AreEqual(1, parser.SentencesAccepted);
            Assert.AreEqual(0, parser.SentencesRejected);
        }

        [TestMethod]
        public static void Textbook_RMC_gives_the_same_position()
        {
            var parser = new NmeaParser();
            Assert.AreEqual(1, Nmea.Feed(parser, TextbookRmc, 2000));

            PositionFix fix = FixAt(parser, 2000);
            Assert.IsTrue(fix.Valid);
            Approx.Equal(MunichLatDeg, fix.LatitudeDeg, 1e-12, "latitude");
            Approx.Equal(MunichLonDeg, fix.LongitudeDeg, 1e-12, "longitude");
            Assert.AreEqual(-1, fix.Satellites, "RMC carries no satellite count");
        }

        [TestMethod]
        public static void A_wrong_checksum_is_rejected_and_gives_no_fix()
        {
            var parser = new NmeaParser();
            Assert.AreEqual(0, Nmea.Feed(parser, "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*48\r\n", 1000));
            Assert.AreEqual(0, Nmea.Feed(parser, "$GPGGA,123519,4807.039,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n", 1000));

            Assert.IsFalse(FixAt(parser, 1000).Valid);
            Assert.AreEqual(2, parser.SentencesRejected);
            Assert.AreEqual(0, parser.SentencesAccepted);
            Assert.AreEqual(NmeaReject.BadChecksum, parser.LastReject);
        }

        [TestMethod]
        public static void A_sentence_without_checksum_is_rejected()
        {
            var parser = new NmeaParser();
            Assert.AreEqual(0, Nmea.Feed(parser, "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,\r\n", 1000));
            Assert.AreEqual(NmeaReject.MissingChecksum, parser.LastReject);
            Assert.IsFalse(FixAt(parser, 1000).Valid);
        }

        [TestMethod]
        public static void A_lowercase_checksum_is_accepted()
        {
            var parser = new NmeaParser();
            Assert.AreEqual(1, Nmea.Feed(parser, "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6a\r\n", 0));
        }

        [TestMethod]
        public static void A_sentence_split_across_feed_calls_is_assembled()
        {
            var parser = new NmeaParser();
            byte[] bytes = Nmea.Bytes(TextbookGga);
            int accepted = 0;
            accepted += parser.Feed(bytes, 0, 7, 100);
            accepted += parser.Feed(bytes, 7, 30, 200);
            Assert.AreEqual(0, accepted, "no sentence before its line end");
            Assert.IsFalse(FixAt(parser, 200).Valid);

            accepted += parser.Feed(bytes, 37, bytes.Length - 37, 300);
            Assert.AreEqual(1, accepted);
            PositionFix fix = FixAt(parser, 300);
            Assert.IsTrue(fix.Valid);
            Assert.AreEqual(300L, fix.FixTimeMs, "stamped when the line end arrived");
            Approx.Equal(MunichLatDeg, fix.LatitudeDeg, 1e-12, "latitude");
        }

        [TestMethod]
        public static void Byte_by_byte_feeding_completes_on_the_carriage_return()
        {
            var parser = new NmeaParser();
            byte[] bytes = Nmea.Bytes(TextbookRmc);
            for (int i = 0; i < bytes.Length; i++)
            {
                bool completed = parser.Feed(bytes[i], i);
                Assert.AreEqual(bytes[i] == (byte)'\r', completed, "byte " + i.ToString());
            }

            Assert.AreEqual(1, parser.SentencesAccepted);
        }

        [DataRow("GP")]
        [DataRow("GN")]
        [DataRow("GL")]
        [TestMethod]
        public static void South_and_west_are_negative_for_every_talker(string talker)
        {
            var parser = new NmeaParser();
            Assert.AreEqual(1, Nmea.Feed(parser, Nmea.Sentence(talker + "GGA,081500.00,3352.1280,S,15112.5580,W,2,11,1.25,30.0,M,20.0,M,,"), 10));

            PositionFix fix = FixAt(parser, 10);
            Assert.IsTrue(fix.Valid);
            Approx.Equal(-(33.0 + (52.128 / 60.0)), fix.LatitudeDeg, 1e-12, "latitude");
            Approx.Equal(-(151.0 + (12.558 / 60.0)), fix.LongitudeDeg, 1e-12, "longitude");
            Assert.AreEqual(11, fix.Satellites);
            Assert.AreEqual(13, fix.HdopTenths, "1.25 rounds to 1.3");
        }

        [TestMethod]
        public static void RMC_status_V_clears_a_previous_fix()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, TextbookRmc, 0);
            Assert.IsTrue(FixAt(parser, 0).Valid);

            Assert.AreEqual(1, Nmea.Feed(parser, Nmea.Sentence("GPRMC,123520,V,,,,,,,230394,,"), 1000));
            Assert.IsFalse(FixAt(parser, 1000).Valid);
            Assert.AreEqual(2, parser.SentencesAccepted, "a no-fix report is a valid sentence");
        }

        [TestMethod]
        public static void GGA_quality_0_clears_a_previous_fix()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, TextbookGga, 0);
            Nmea.Feed(parser, Nmea.Sentence("GNGGA,123520,,,,,0,00,99.99,,,,,,"), 1000);

            PositionFix fix = FixAt(parser, 1000);
            Assert.IsFalse(fix.Valid);
            Assert.AreEqual(0, fix.Satellites);
        }

        [DataRow("6")]
        [DataRow("7")]
        [DataRow("8")]
        [TestMethod]
        public static void GGA_dead_reckoning_manual_and_simulated_qualities_are_no_fix(string quality)
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, Nmea.Sentence("GPGGA,123519,4807.038,N,01131.000,E," + quality + ",08,0.9,545.4,M,46.9,M,,"), 0);
            Assert.IsFalse(FixAt(parser, 0).Valid);
            Assert.AreEqual(1, parser.SentencesAccepted);
        }

        [TestMethod]
        public static void RMC_mode_N_is_no_fix_even_with_status_A()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, Nmea.Sentence("GNRMC,123519,A,4807.038,N,01131.000,E,0.0,0.0,230394,,,N"), 0);
            Assert.IsFalse(FixAt(parser, 0).Valid);
            Nmea.Feed(parser, Nmea.Sentence("GNRMC,123519,A,4807.038,N,01131.000,E,0.0,0.0,230394,,,D"), 0);
            Assert.IsTrue(FixAt(parser, 0).Valid);
        }

        [TestMethod]
        public static void A_fix_older_than_the_max_age_is_no_fix()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, TextbookGga, 10000);
            var fix = new PositionFix();

            Assert.IsTrue(parser.TryGetFix(15000, 5000, fix), "exactly max age old is still fresh");
            Assert.IsFalse(parser.TryGetFix(15001, 5000, fix));
            Assert.IsFalse(fix.Valid);
            Approx.Equal(MunichLatDeg, fix.LatitudeDeg, 1e-12, "last known latitude stays readable");
        }

        [TestMethod]
        public static void A_line_longer_than_82_characters_is_rejected()
        {
            var parser = new NmeaParser();
            string body = "GPGGA,123519.000000,4807.0380000,N,01131.0000000,E,1,08,0.9,545.4,M,46.9,M,,0000";
            Assert.AreEqual(80, body.Length);
            Assert.AreEqual(0, Nmea.Feed(parser, Nmea.Sentence(body), 0));
            Assert.AreEqual(NmeaReject.TooLong, parser.LastReject);
            Assert.IsFalse(FixAt(parser, 0).Valid);

            // 76 + "*hh" = 79 characters between $ and CR: the longest allowed.
            string longest = "GPGGA,123519.000000,4807.0380000,N,01131.0000000,E,1,08,0.9,545.4,M,46.9,M,,";
            Assert.AreEqual(76, longest.Length);
            Assert.AreEqual(1, Nmea.Feed(parser, Nmea.Sentence(longest), 0));
        }

        [TestMethod]
        public static void Other_sentences_are_ignored_not_rejected()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, Nmea.Sentence("GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00"), 0);
            Nmea.Feed(parser, Nmea.Sentence("GBGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"), 0);
            Nmea.Feed(parser, Nmea.Sentence("PUBX,00,123519"), 0);

            Assert.AreEqual(3, parser.SentencesIgnored);
            Assert.AreEqual(0, parser.SentencesRejected);
            Assert.AreEqual(0, parser.SentencesAccepted);
            Assert.IsFalse(FixAt(parser, 0).Valid);
        }

        [TestMethod]
        public static void Garbage_and_a_cut_off_sentence_are_skipped_and_the_next_sentence_parses()
        {
            var parser = new NmeaParser();
            string input = "x\u0001\u00ff junk \r\n$GPGGA,1235" + TextbookRmc;
            Assert.AreEqual(1, Nmea.Feed(parser, input, 0));
            Assert.AreEqual(1, parser.SentencesRejected);
            Assert.AreEqual(NmeaReject.Truncated, parser.LastReject);
            Assert.IsTrue(FixAt(parser, 0).Valid);
        }

        [TestMethod]
        public static void A_non_ASCII_byte_inside_a_sentence_rejects_it()
        {
            var parser = new NmeaParser();
            var bytes = Nmea.Bytes(TextbookGga);
            bytes[20] = 0xB0;
            Assert.AreEqual(0, parser.Feed(bytes, 0, bytes.Length, 0));
            Assert.AreEqual(NmeaReject.BadCharacter, parser.LastReject);
        }

        [DataRow("4860.000,N,01131.000,E")]
        [DataRow("48070.38,N,01131.000,E")]
        [DataRow("4807.038,N,1131.000,E")]
        [DataRow("4807.038,X,01131.000,E")]
        [DataRow("4807.0-8,N,01131.000,E")]
        [DataRow("9100.000,N,01131.000,E")]
        [DataRow("4807.038,N,18100.000,E")]
        [DataRow(",N,01131.000,E")]
        [TestMethod]
        public static void Out_of_range_or_malformed_coordinates_are_rejected(string coordinates)
        {
            var parser = new NmeaParser();
            Assert.AreEqual(0, Nmea.Feed(parser, Nmea.Sentence("GPGGA,123519," + coordinates + ",1,08,0.9,545.4,M,46.9,M,,"), 0));
            Assert.AreEqual(NmeaReject.Malformed, parser.LastReject);
            Assert.IsFalse(FixAt(parser, 0).Valid);
        }

        [TestMethod]
        public static void Reset_forgets_the_fix_and_the_counters()
        {
            var parser = new NmeaParser();
            Nmea.Feed(parser, TextbookGga + "$GPGGA,bad*00\r\n", 0);
            parser.Reset();
            Assert.IsFalse(FixAt(parser, 0).Valid);
            Assert.AreEqual(0, parser.SentencesAccepted);
            Assert.AreEqual(0, parser.SentencesRejected);
            Assert.AreEqual(NmeaReject.None, parser.LastReject);
        }
    }
}
