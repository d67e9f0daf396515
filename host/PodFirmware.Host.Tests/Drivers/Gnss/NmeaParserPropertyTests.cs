using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Drivers.Gnss;
using Xunit;

namespace PodFirmware.Host.Tests.Drivers.Gnss
{
    /// <summary>Random and generated NMEA input: noise never throws or yields a fix; every generated sentence parses back to its coordinates.</summary>
    public class NmeaParserPropertyTests
    {
        // Characters NMEA is made of, so noise often looks like the start of a sentence.
        private static readonly byte[] NmeaAlphabet = Encoding.ASCII.GetBytes("$GPNLRMCAV,.*0123456789ABCDEFNSEW\r\n");

        internal static string Sentence(string body)
        {
            int sum = 0;
            foreach (char c in body)
            {
                sum ^= c;
            }

            return "$" + body + "*" + sum.ToString("X2", CultureInfo.InvariantCulture) + "\r\n";
        }

        private static Gen<byte[]> Noise()
        {
            Gen<byte> anyByte = Gen.Choose(0, 255).Select(b => (byte)b);
            Gen<byte> nmeaByte = Gen.Elements(NmeaAlphabet);
            return Gen.Choose(0, 3000).SelectMany(n => Gen.ArrayOf(Gen.Frequency((1, anyByte), (3, nmeaByte)), n));
        }

        [Fact]
        public void Random_noise_never_throws_and_never_yields_a_fix()
        {
            var parser = new NmeaParser();
            var fix = new PositionFix();
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(Noise()), bytes =>
            {
                parser.Reset();
                int accepted = parser.Feed(bytes, 0, bytes.Length, 1000);
                return accepted == 0 && parser.SentencesAccepted == 0 && !parser.TryGetFix(1000, 5000, fix) && !fix.Valid;
            }));
        }

        /// <summary>One generated position and how it is written.</summary>
        public sealed class Generated
        {
            public int LatDeg;
            public int LatMin;
            public int LatFrac;
            public int LonDeg;
            public int LonMin;
            public int LonFrac;
            public bool South;
            public bool West;
            public string Talker = "GP";
            public bool Rmc;
            public int SplitAt;

            public double ExpectedLatDeg => (South ? -1 : 1) * (LatDeg + ((LatMin + (LatFrac / 10000.0)) / 60.0));

            public double ExpectedLonDeg => (West ? -1 : 1) * (LonDeg + ((LonMin + (LonFrac / 10000.0)) / 60.0));

            public string Text()
            {
                string lat = LatDeg.ToString("D2") + LatMin.ToString("D2") + "." + LatFrac.ToString("D4") + "," + (South ? "S" : "N");
                string lon = LonDeg.ToString("D3") + LonMin.ToString("D2") + "." + LonFrac.ToString("D4") + "," + (West ? "W" : "E");
                return Sentence(Rmc
                    ? Talker + "RMC,235959.00,A," + lat + "," + lon + ",0.02,,211126,,,A"
                    : Talker + "GGA,235959.00," + lat + "," + lon + ",1,12,0.7,512.3,M,47.0,M,,");
            }

            public override string ToString() => Text().TrimEnd() + " split at " + SplitAt;
        }

        private static Gen<Generated> Sentences()
        {
            return from latDeg in Gen.Choose(0, 89)
                   from latMin in Gen.Choose(0, 59)
                   from latFrac in Gen.Choose(0, 9999)
                   from lonDeg in Gen.Choose(0, 179)
                   from lonMin in Gen.Choose(0, 59)
                   from lonFrac in Gen.Choose(0, 9999)
                   from south in Gen.Elements(true, false)
                   from west in Gen.Elements(true, false)
                   from talker in Gen.Elements("GP", "GN", "GL")
                   from rmc in Gen.Elements(true, false)
                   from split in Gen.Choose(0, 90)
                   select new Generated
                   {
                       LatDeg = latDeg, LatMin = latMin, LatFrac = latFrac, LonDeg = lonDeg, LonMin = lonMin, LonFrac = lonFrac,
                       South = south, West = west, Talker = talker, Rmc = rmc, SplitAt = split,
                   };
        }

        [Fact]
        public void A_generated_sentence_parses_back_to_its_coordinates_however_it_is_split()
        {
            var parser = new NmeaParser();
            var fix = new PositionFix();
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Arb.From(Sentences()), g =>
            {
                parser.Reset();
                byte[] bytes = Encoding.ASCII.GetBytes(g.Text());
                int split = Math.Min(g.SplitAt, bytes.Length);
                int accepted = parser.Feed(bytes, 0, split, 10) + parser.Feed(bytes, split, bytes.Length - split, 20);
                long stampMs = split > Array.IndexOf(bytes, (byte)'\r') ? 10 : 20;
                return accepted == 1
                    && parser.TryGetFix(20, 100, fix)
                    && fix.FixTimeMs == stampMs
                    && Math.Abs(fix.LatitudeDeg - g.ExpectedLatDeg) < 1e-9
                    && Math.Abs(fix.LongitudeDeg - g.ExpectedLonDeg) < 1e-9
                    && fix.Satellites == (g.Rmc ? -1 : 12)
                    && fix.HdopTenths == (g.Rmc ? -1 : 7);
            }));
        }

        [Fact]
        public void Any_single_corrupted_character_before_the_checksum_is_rejected()
        {
            var parser = new NmeaParser();
            var fix = new PositionFix();
            var gen = from g in Sentences()
                      from at in Gen.Choose(1, 1000)
                      from replacement in Gen.Choose(0x20, 0x7E).Where(c => c != '$')
                      select (g, at, (byte)replacement);
            Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Arb.From(gen), t =>
            {
                byte[] bytes = Encoding.ASCII.GetBytes(t.g.Text());
                int star = Array.LastIndexOf(bytes, (byte)'*');
                int index = 1 + (t.at % (star - 1));
                if (bytes[index] == t.Item3)
                {
                    return true;
                }

                bytes[index] = t.Item3;
                parser.Reset();
                return parser.Feed(bytes, 0, bytes.Length, 0) == 0 && !parser.TryGetFix(0, 5000, fix) && parser.SentencesRejected == 1;
            }));
        }
    }
}
