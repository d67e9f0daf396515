using nanoFramework.TestFramework;
using PodFirmware.Drivers.Card;

namespace PodFirmware.Tests.Drivers.Card
{
    /// <summary>SipHash-2-4 against the reference vectors of the SipHash paper (key 00..0f, message 00..n-1).</summary>
    [TestClass]
    public class SipHashTests
    {
        private static ulong ReferenceHash(int length)
        {
            byte[] key = new byte[16];
            byte[] message = new byte[length];
            for (int i = 0; i < 16; i++)
            {
                key[i] = (byte)i;
            }

            for (int i = 0; i < length; i++)
            {
                message[i] = (byte)i;
            }

            return SipHash.Compute(SipHash.KeyHalf(key, 0), SipHash.KeyHalf(key, 8), message, length);
        }

        [TestMethod]
        public static void Matches_the_reference_vectors_for_an_empty_a_whole_block_and_a_partial_block_message()
        {
            Assert.AreEqual(0x726fdb47dd0e0e31UL, ReferenceHash(0), "empty");
            Assert.AreEqual(0x93f5f5799a932462UL, ReferenceHash(8), "8 bytes");
            Assert.AreEqual(0xa129ca6149be45e5UL, ReferenceHash(15), "15 bytes");
        }

        [TestMethod]
        public static void Hashes_only_the_given_length_and_depends_on_the_key()
        {
            byte[] uid = { 0x04, 0xA1, 0xB2, 0xC3, 0xFF, 0xFF };
            ulong four = SipHash.Compute(0x0706050403020100UL, 0x0f0e0d0c0b0a0908UL, uid, 4);
            Assert.AreEqual(0x47350d3f6a7a765cUL, four, "UID 04a1b2c3 under key 00..0f");
            Assert.AreNotEqual(four, SipHash.Compute(0x0706050403020100UL, 0x0f0e0d0c0b0a0909UL, uid, 4), "another key");
            Assert.AreNotEqual(four, SipHash.Compute(0x0706050403020100UL, 0x0f0e0d0c0b0a0908UL, uid, 5), "another length");
        }
    }
}
