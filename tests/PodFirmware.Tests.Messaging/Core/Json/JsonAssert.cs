using System.Text;
using nanoFramework.TestFramework;
using PodFirmware.Core.Json;

namespace PodFirmware.Tests.Core.Json
{
    /// <summary>Byte-exact comparisons of a writer's output, reporting the first differing byte, and input bytes from hex.</summary>
    public static class JsonAssert
    {
        /// <summary>Fails unless the writer holds exactly the UTF-8 bytes of <paramref name="expected"/>.</summary>
        public static void Text(string expected, JsonWriter writer)
        {
            Assert.AreEqual(expected, writer.ToString());
            Bytes(Encoding.UTF8.GetBytes(expected), writer);
        }

        /// <summary>Fails unless the writer holds exactly <paramref name="expected"/>.</summary>
        public static void Bytes(byte[] expected, JsonWriter writer)
        {
            Assert.AreEqual(expected.Length, writer.Length, "document length in bytes");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], writer.Buffer[i], "byte " + i.ToString());
            }
        }

        /// <summary>Bytes from a hex string (DataRow cannot carry arrays on every runner).</summary>
        public static byte[] HexBytes(string hex)
        {
            var bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
            }

            return bytes;
        }

        private static int Nibble(char c)
        {
            return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        }
    }
}
