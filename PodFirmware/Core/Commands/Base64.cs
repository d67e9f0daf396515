namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// Standard base64 (RFC 4648 section 4: A-Z a-z 0-9 + /, padded with =) into and out of caller buffers.
    /// </summary>
    /// <remarks>
    /// nanoFramework has Convert.ToBase64String and FromBase64String, but they allocate a new
    /// string or array per call and FromBase64String throws on bad input and tolerates whitespace.
    /// The signed-command path needs a decoder that accepts exactly one spelling of each byte
    /// sequence (so the same command cannot arrive in two forms), writes into a preallocated
    /// buffer and reports failure without an exception; hence this one. Thread-safe: stateless.
    /// </remarks>
    public static class Base64
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        /// <summary>Length in chars of the padded encoding of <paramref name="byteCount"/> bytes: 4 × ceil(n / 3).</summary>
        public static int EncodedLength(int byteCount)
        {
            return ((byteCount + 2) / 3) * 4;
        }

        /// <summary>Most bytes <paramref name="charCount"/> chars of padded base64 can decode to: 3 × (n / 4).</summary>
        public static int MaxDecodedLength(int charCount)
        {
            return (charCount / 4) * 3;
        }

        /// <summary>
        /// Encodes <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/> as padded base64
        /// ASCII into <paramref name="destination"/> from <paramref name="destinationOffset"/>; returns the bytes written
        /// (<see cref="EncodedLength"/>). Allocates nothing.
        /// </summary>
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int i = 0;
            for (; i + 3 <= count; i += 3)
            {
                int triple = (source[offset + i] << 16) | (source[offset + i + 1] << 8) | source[offset + i + 2];
                destination[o++] = (byte)Alphabet[(triple >> 18) & 0x3F];
                destination[o++] = (byte)Alphabet[(triple >> 12) & 0x3F];
                destination[o++] = (byte)Alphabet[(triple >> 6) & 0x3F];
                destination[o++] = (byte)Alphabet[triple & 0x3F];
            }

            int rest = count - i;
            if (rest > 0)
            {
                int triple = source[offset + i] << 16;
                if (rest == 2)
                {
                    triple |= source[offset + i + 1] << 8;
                }

                destination[o++] = (byte)Alphabet[(triple >> 18) & 0x3F];
                destination[o++] = (byte)Alphabet[(triple >> 12) & 0x3F];
                destination[o++] = rest == 2 ? (byte)Alphabet[(triple >> 6) & 0x3F] : (byte)'=';
                destination[o++] = (byte)'=';
            }

            return o - destinationOffset;
        }

        /// <summary>
        /// Decodes the first <paramref name="count"/> chars of <paramref name="chars"/> into <paramref name="destination"/> from index 0,
        /// accepting only the canonical padded form: length a multiple of 4, no whitespace or other characters, '=' only as
        /// the last one or two chars, and the unused low bits before the padding zero. Allocates nothing.
        /// </summary>
        /// <param name="chars">The encoded text.</param>
        /// <param name="count">Number of chars to decode.</param>
        /// <param name="destination">Receives the bytes.</param>
        /// <param name="written">Bytes written; 0 when the result is <c>false</c>.</param>
        /// <returns><c>false</c> when the text is not canonical base64 or the destination is too small.</returns>
        public static bool TryDecode(char[] chars, int count, byte[] destination, out int written)
        {
            written = 0;
            if (count < 0 || count > chars.Length || (count & 3) != 0)
            {
                return false;
            }

            int padding = 0;
            if (count > 0 && chars[count - 1] == '=')
            {
                padding = chars[count - 2] == '=' ? 2 : 1;
            }

            int length = MaxDecodedLength(count) - padding;
            if (length > destination.Length)
            {
                return false;
            }

            int o = 0;
            for (int i = 0; i < count; i += 4)
            {
                int a = Value(chars[i]);
                int b = Value(chars[i + 1]);
                bool last = i + 4 == count;
                int c = last && padding == 2 ? 0 : Value(chars[i + 2]);
                int d = last && padding >= 1 ? 0 : Value(chars[i + 3]);
                if (a < 0 || b < 0 || c < 0 || d < 0)
                {
                    return false;
                }

                int quad = (a << 18) | (b << 12) | (c << 6) | d;
                destination[o++] = (byte)(quad >> 16);
                if (last && padding == 2)
                {
                    // The four low bits of b carry nothing; the canonical form has them zero.
                    if ((b & 0x0F) != 0)
                    {
                        return false;
                    }

                    break;
                }

                destination[o++] = (byte)(quad >> 8);
                if (last && padding == 1)
                {
                    // The two low bits of c carry nothing; the canonical form has them zero.
                    if ((c & 0x03) != 0)
                    {
                        return false;
                    }

                    break;
                }

                destination[o++] = (byte)quad;
            }

            written = o;
            return true;
        }

        private static int Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            if (c == '+')
            {
                return 62;
            }

            if (c == '/')
            {
                return 63;
            }

            return -1;
        }
    }
}
