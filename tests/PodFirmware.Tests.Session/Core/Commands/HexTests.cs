using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class HexTests
    {
        [TestMethod]
        public static void Encodes_lowercase_two_digits_per_byte()
        {
            var bytes = new byte[] { 0x00, 0x0f, 0xa5, 0xff };
            Assert.AreEqual("000fa5ff", Hex.ToLowerString(bytes));
            var ascii = new byte[10];
            Hex.Encode(bytes, 1, 2, ascii, 1);
            Assert.AreEqual((byte)'0', ascii[1]);
            Assert.AreEqual((byte)'f', ascii[2]);
            Assert.AreEqual((byte)'a', ascii[3]);
            Assert.AreEqual((byte)'5', ascii[4]);
            Assert.AreEqual((byte)0, ascii[5]);
        }

        [TestMethod]
        public static void Decodes_either_case_unless_told_lowercase_only()
        {
            var bytes = new byte[2];
            Assert.IsTrue(Hex.TryDecode("A5fF".ToCharArray(), 4, bytes, false));
            Assert.AreEqual((byte)0xa5, bytes[0]);
            Assert.AreEqual((byte)0xff, bytes[1]);
            Assert.IsFalse(Hex.TryDecode("A5ff".ToCharArray(), 4, bytes, true));
            Assert.IsTrue(Hex.TryDecode("a5ff".ToCharArray(), 4, bytes, true));
        }

        [DataRow("abc")]
        [DataRow("zz")]
        [DataRow(" a")]
        [DataRow("0x")]
        [TestMethod]
        public static void Refuses_odd_lengths_and_non_hex(string text)
        {
            Assert.IsFalse(Hex.TryDecode(text.ToCharArray(), text.Length, new byte[4], false));
            Assert.IsNull(Hex.TryDecode(text));
        }

        [TestMethod]
        public static void Decodes_a_key_string_into_a_new_array()
        {
            byte[] key = Hex.TryDecode("00ff10");
            Assert.AreEqual(3, key.Length);
            Assert.AreEqual((byte)0x10, key[2]);
            Assert.IsNull(Hex.TryDecode(null));
        }
    }
}
