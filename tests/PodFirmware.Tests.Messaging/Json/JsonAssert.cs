using System.Text;
using nanoFramework.TestFramework;
using PodFirmware.Json;

namespace PodFirmware.Tests.Json
{
    /// <summary>Byte-exact comparisons of a writer's output, reporting the first differing byte.</summary>
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
    }
}
