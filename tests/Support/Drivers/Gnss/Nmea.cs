namespace PodFirmware.Tests.Drivers.Gnss
{
    /// <summary>Builds NMEA test input: sentences with their checksum computed here, as bytes.</summary>
    public static class Nmea
    {
        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>The two uppercase hex digits of the XOR of every character of <paramref name="body"/> (what goes between <c>$</c> and <c>*</c>).</summary>
        public static string Checksum(string body)
        {
            int sum = 0;
            for (int i = 0; i < body.Length; i++)
            {
                sum ^= body[i];
            }

            return HexDigits.Substring((sum >> 4) & 0xF, 1) + HexDigits.Substring(sum & 0xF, 1);
        }

        /// <summary><c>$body*hh</c> followed by CR LF, with a correct checksum.</summary>
        public static string Sentence(string body)
        {
            return "$" + body + "*" + Checksum(body) + "\r\n";
        }

        /// <summary>The characters of <paramref name="text"/> as bytes (ASCII).</summary>
        public static byte[] Bytes(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>Feeds <paramref name="text"/> byte by byte at <paramref name="nowMs"/>; returns the number of GGA/RMC sentences accepted.</summary>
        public static int Feed(PodFirmware.Drivers.Gnss.NmeaParser parser, string text, long nowMs)
        {
            byte[] bytes = Bytes(text);
            return parser.Feed(bytes, 0, bytes.Length, nowMs);
        }
    }
}
