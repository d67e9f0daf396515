using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Crypto;
using PodFirmware.Tests.Core.Commands;

namespace PodFirmware.Tests.Drivers.Crypto
{
    [TestClass]
    public class HmacSha256Tests
    {
        private static string Mac(byte[] key, byte[] data, int length)
        {
            var output = new byte[HmacSha256.HashBytes];
            new HmacSha256().Compute(key, data, length, output);
            return Hex.ToLowerString(output);
        }

        private static byte[] Filled(int length, int value)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)value;
            }

            return bytes;
        }

        [TestMethod]
        public static void Gives_the_RFC_4231_results()
        {
            byte[] hi = SignedCommands.Bytes("Hi There");
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Mac(Filled(20, 0x0b), hi, hi.Length));
            byte[] what = SignedCommands.Bytes("what do ya want for nothing?");
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Mac(SignedCommands.Bytes("Jefe"), what, what.Length));
            var key = new byte[25];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(i + 1);
            }

            Assert.AreEqual("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b", Mac(key, Filled(50, 0xcd), 50));
            Assert.AreEqual("bab4955e5759630f76b21fd340db0bc4f9e528ad8c62a04febd9d28c566c7368", Mac(Filled(64, 0xaa), Filled(119, 0xdd), 119));
        }

        [DataRow(0, "d0e356da098b03addbb12501c47a6714826eccfeaf1ad6853d464cd649496953")]
        [DataRow(55, "edf1a04db08d6e5dc33dfee870c887cf3f78fdd0a4895f62f8ef095fde189088")]
        [DataRow(56, "561fcfd4ccbacad5b89be7dc6096999ebb28324c77a590ad01604c48ca4ca3ea")]
        [DataRow(63, "791db9f8df06a3bc5289c74983ef15eeead0e9790619eb929f00c58b42170147")]
        [DataRow(64, "313d6d056be9b3957f70cf2822b5f5a854fbbf74f89d0b9e294a2c022e5621bf")]
        [DataRow(65, "19307f70717187e29275f0b9da27d737516ad5412353b82fda648d45a2b06d5d")]
        [DataRow(1536, "ea8b5a62a15cd9e57eea66956fc54b8d3cf9752675ed47e5f7a89d46b459648b")]
        [TestMethod]
        public static void Pads_every_length_across_the_block_boundaries_and_hashes_only_the_given_length(int length, string expected)
        {
            byte[] data = Filled(length + 9, 'a');
            data[length] = (byte)'b';
            Assert.AreEqual(expected, Mac(SignedCommands.Key(), data, length));
        }

        [TestMethod]
        public static void Gives_the_same_result_when_used_again()
        {
            var hmac = new HmacSha256();
            byte[] data = Filled(100, 1);
            var first = new byte[32];
            var second = new byte[32];
            hmac.Compute(SignedCommands.Key(), data, 100, first);
            hmac.Compute(Filled(64, 9), data, 3, second);
            hmac.Compute(SignedCommands.Key(), data, 100, second);
            Assert.AreEqual(Hex.ToLowerString(first), Hex.ToLowerString(second));
        }

        [TestMethod]
        public static void Refuses_a_key_longer_than_a_block_and_a_length_outside_the_data()
        {
            var hmac = new HmacSha256();
            var output = new byte[32];
            Assert.ThrowsException(typeof(ArgumentException), () => hmac.Compute(new byte[65], new byte[1], 1, output));
            Assert.ThrowsException(typeof(ArgumentException), () => hmac.Compute(new byte[32], new byte[1], 2, output));
            Assert.ThrowsException(typeof(ArgumentException), () => hmac.Compute(new byte[32], new byte[1], 1, new byte[31]));
        }
    }
}
