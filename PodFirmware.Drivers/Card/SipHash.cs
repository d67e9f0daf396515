namespace PodFirmware.Drivers.Card
{
    /// <summary>
    /// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash for short inputs. The pod publishes a card's UID
    /// only as this hash under the site's 128-bit key, so the UID never leaves the pod while the back end, which holds
    /// the key, can still match its own card list; without the key a 4-byte UID cannot be recovered by trying all 2^32.
    /// </summary>
    /// <remarks>Portable and allocation-free (no native cryptography, so it runs on every nanoCLR). Thread-safe (no state).</remarks>
    public static class SipHash
    {
        /// <summary>SipHash-2-4 of <paramref name="data"/>[0..<paramref name="length"/>) under the key (k0, k1), both little-endian halves of the 16-byte key.</summary>
        /// <param name="k0">Key bytes 0 to 7, little-endian.</param>
        /// <param name="k1">Key bytes 8 to 15, little-endian.</param>
        /// <param name="data">The message.</param>
        /// <param name="length">Bytes of <paramref name="data"/> to hash, 0 to its length.</param>
        /// <returns>The 64-bit hash.</returns>
        public static ulong Compute(ulong k0, ulong k1, byte[] data, int length)
        {
            ulong v0 = k0 ^ 0x736f6d6570736575UL;
            ulong v1 = k1 ^ 0x646f72616e646f6dUL;
            ulong v2 = k0 ^ 0x6c7967656e657261UL;
            ulong v3 = k1 ^ 0x7465646279746573UL;
            int whole = length - (length % 8);
            ulong m;
            for (int i = 0; i <= whole; i += 8)
            {
                m = 0;
                if (i == whole)
                {
                    // The last block: the remaining bytes and the length in the top byte.
                    m = (ulong)(length & 0xFF) << 56;
                    for (int j = length - 1; j >= whole; j--)
                    {
                        m |= (ulong)data[j] << (8 * (j - whole));
                    }
                }
                else
                {
                    for (int j = 7; j >= 0; j--)
                    {
                        m = (m << 8) | data[i + j];
                    }
                }

                v3 ^= m;
                Rounds(ref v0, ref v1, ref v2, ref v3, 2);
                v0 ^= m;
            }

            v2 ^= 0xFF;
            Rounds(ref v0, ref v1, ref v2, ref v3, 4);
            return v0 ^ v1 ^ v2 ^ v3;
        }

        /// <summary>Reads 8 bytes of <paramref name="key"/> from <paramref name="offset"/> as a little-endian 64-bit key half.</summary>
        public static ulong KeyHalf(byte[] key, int offset)
        {
            ulong k = 0;
            for (int j = 7; j >= 0; j--)
            {
                k = (k << 8) | key[offset + j];
            }

            return k;
        }

        private static void Rounds(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3, int count)
        {
            for (int r = 0; r < count; r++)
            {
                v0 += v1;
                v1 = (v1 << 13) | (v1 >> 51);
                v1 ^= v0;
                v0 = (v0 << 32) | (v0 >> 32);
                v2 += v3;
                v3 = (v3 << 16) | (v3 >> 48);
                v3 ^= v2;
                v0 += v3;
                v3 = (v3 << 21) | (v3 >> 43);
                v3 ^= v0;
                v2 += v1;
                v1 = (v1 << 17) | (v1 >> 47);
                v1 ^= v2;
                v2 = (v2 << 32) | (v2 >> 32);
            }
        }
    }
}
