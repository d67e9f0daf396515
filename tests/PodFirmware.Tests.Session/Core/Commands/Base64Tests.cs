using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class Base64Tests
    {
        private static string Encode(string ascii)
        {
            byte[] source = SignedCommands.Bytes(ascii);
            var destination = new byte[Base64.EncodedLength(source.Length)];
            int written = Base64.Encode(source, 0, source.Length, destination, 0);
            Assert.AreEqual(destination.Length, written);
            var chars = new char[written];
            for (int i = 0; i < written; i++)
            {
                chars[i] = (char)destination[i];
            }

            return new string(chars);
        }

        [DataRow("", "")]
        [DataRow("f", "Zg==")]
        [DataRow("fo", "Zm8=")]
        [DataRow("foo", "Zm9v")]
        [DataRow("foob", "Zm9vYg==")]
        [DataRow("fooba", "Zm9vYmE=")]
        [DataRow("foobar", "Zm9vYmFy")]
        [TestMethod]
        public static void Encodes_and_decodes_the_RFC_4648_vectors(string plain, string encoded)
        {
            Assert.AreEqual(encoded, Encode(plain));
            var bytes = new byte[8];
            int written;
            Assert.IsTrue(Base64.TryDecode(encoded.ToCharArray(), encoded.Length, bytes, out written));
            Assert.AreEqual(plain.Length, written);
            for (int i = 0; i < written; i++)
            {
                Assert.AreEqual((byte)plain[i], bytes[i]);
            }
        }

        [TestMethod]
        public static void Round_trips_every_byte_value_and_the_two_high_symbols()
        {
            var source = new byte[256];
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = (byte)(255 - i);
            }

            var encoded = new byte[Base64.EncodedLength(256)];
            Base64.Encode(source, 0, 256, encoded, 0);
            var chars = new char[encoded.Length];
            bool sawPlus = false;
            bool sawSlash = false;
            for (int i = 0; i < encoded.Length; i++)
            {
                chars[i] = (char)encoded[i];
                sawPlus |= chars[i] == '+';
                sawSlash |= chars[i] == '/';
            }

            Assert.IsTrue(sawPlus && sawSlash, "the input exercises + and /");
            var decoded = new byte[256];
            int written;
            Assert.IsTrue(Base64.TryDecode(chars, chars.Length, decoded, out written));
            Assert.AreEqual(256, written);
            for (int i = 0; i < 256; i++)
            {
                Assert.AreEqual(source[i], decoded[i]);
            }
        }

        [DataRow("Zg=")]
        [DataRow("Zg")]
        [DataRow("Zh==")]
        [DataRow("Zm9=")]
        [DataRow(" Zg==")]
        [DataRow("Zg==\n")]
        [DataRow("Zg==Zg==")]
        [DataRow("Z===")]
        [DataRow("====")]
        [DataRow("Zm-_")]
        [DataRow("Zm9v\u00e9A==")]
        [TestMethod]
        public static void Refuses_every_non_canonical_spelling(string text)
        {
            var bytes = new byte[16];
            int written;
            Assert.IsFalse(Base64.TryDecode(text.ToCharArray(), text.Length, bytes, out written));
            Assert.AreEqual(0, written);
        }

        [TestMethod]
        public static void Refuses_a_destination_too_small()
        {
            int written;
            Assert.IsFalse(Base64.TryDecode("Zm9vYg==".ToCharArray(), 8, new byte[3], out written));
            Assert.IsTrue(Base64.TryDecode("Zm9vYg==".ToCharArray(), 8, new byte[4], out written));
            Assert.AreEqual(4, written);
        }
    }
}
