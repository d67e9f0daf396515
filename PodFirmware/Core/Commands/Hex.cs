namespace PodFirmware.Core.Commands
{
    /// <summary>Hexadecimal encoding of bytes, two digits per byte, as the signature and keys use it.</summary>
    /// <remarks>Thread-safe: stateless.</remarks>
    public static class Hex
    {
        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/> as lowercase hex
        /// ASCII into <paramref name="destination"/> from <paramref name="destinationOffset"/> (2 × count bytes). Allocates nothing.
        /// </summary>
        public static void Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int b = source[offset + i];
                destination[destinationOffset + (2 * i)] = Digit(b >> 4);
                destination[destinationOffset + (2 * i) + 1] = Digit(b & 0xF);
            }
        }

        /// <summary>The bytes as a lowercase hex string. Allocates: for the host, tests and logs.</summary>
        public static string ToLowerString(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = (char)Digit(bytes[i] >> 4);
                chars[(2 * i) + 1] = (char)Digit(bytes[i] & 0xF);
            }

            return new string(chars);
        }

        /// <summary>
        /// Decodes the first <paramref name="count"/> chars of <paramref name="chars"/> into <paramref name="destination"/> from index 0.
        /// Allocates nothing.
        /// </summary>
        /// <param name="chars">Hex digits, two per byte.</param>
        /// <param name="count">Number of chars; must be even.</param>
        /// <param name="destination">Receives count / 2 bytes.</param>
        /// <param name="lowercaseOnly">When <c>true</c>, A to F are refused (the canonical form of a signature).</param>
        /// <returns><c>false</c> (destination partly written) for an odd count, a non-hex char, or a destination too small.</returns>
        public static bool TryDecode(char[] chars, int count, byte[] destination, bool lowercaseOnly)
        {
            if (count < 0 || (count & 1) != 0 || count > chars.Length || count / 2 > destination.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i += 2)
            {
                int high = Value(chars[i], lowercaseOnly);
                int low = Value(chars[i + 1], lowercaseOnly);
                if (high < 0 || low < 0)
                {
                    return false;
                }

                destination[i / 2] = (byte)((high << 4) | low);
            }

            return true;
        }

        /// <summary>Decodes a hex string (either case; surrounding whitespace not allowed) into a new array; null when it is not hex. Allocates: for configuration and the host.</summary>
        public static byte[] TryDecode(string text)
        {
            if (text == null || (text.Length & 1) != 0)
            {
                return null;
            }

            char[] chars = text.ToCharArray();
            var bytes = new byte[chars.Length / 2];
            return TryDecode(chars, chars.Length, bytes, false) ? bytes : null;
        }

        private static byte Digit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        private static int Value(char c, bool lowercaseOnly)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (!lowercaseOnly && c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
