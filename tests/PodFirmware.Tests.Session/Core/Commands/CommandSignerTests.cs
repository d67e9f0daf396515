using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class CommandSignerTests
    {
        [TestMethod]
        public static void Computes_HMAC_SHA256_as_RFC_4231_test_case_1_defines_it()
        {
            var key = new byte[20];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = 0x0b;
            }

            byte[] data = SignedCommands.Bytes("Hi There");
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Hex.ToLowerString(CommandSigner.ComputeSignature(key, data, data.Length)));
        }

        [TestMethod]
        public static void Signs_only_the_given_length_of_the_buffer()
        {
            byte[] key = SignedCommands.Key();
            byte[] exact = SignedCommands.Bytes("{\"a\":1}");
            byte[] padded = SignedCommands.Bytes("{\"a\":1}   trailing");
            Assert.AreEqual(Hex.ToLowerString(CommandSigner.ComputeSignature(key, exact, exact.Length)), Hex.ToLowerString(CommandSigner.ComputeSignature(key, padded, 7)));
        }

        [TestMethod]
        public static void Writes_the_envelope_as_base64_of_the_bytes_and_the_hex_signature_in_that_order()
        {
            byte[] key = SignedCommands.Key();
            byte[] command = SignedCommands.Bytes("{\"a\":1}");
            byte[] envelope = CommandSigner.Sign(key, command, command.Length);
            string sig = Hex.ToLowerString(CommandSigner.ComputeSignature(key, command, command.Length));
            string expected = "{\"cmd\":\"eyJhIjoxfQ==\",\"sig\":\"" + sig + "\"}";
            Assert.AreEqual(expected.Length, envelope.Length);
            Assert.AreEqual(CommandSigner.EnvelopeLength(7), envelope.Length);
            for (int i = 0; i < envelope.Length; i++)
            {
                Assert.AreEqual((byte)expected[i], envelope[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public static void Reports_an_envelope_buffer_too_small_instead_of_writing_past_it()
        {
            byte[] command = SignedCommands.Bytes("{\"a\":1}");
            var small = new byte[CommandSigner.EnvelopeLength(7) - 1];
            Assert.AreEqual(-1, CommandSigner.Sign(SignedCommands.Key(), command, command.Length, small));
            var exact = new byte[CommandSigner.EnvelopeLength(7)];
            Assert.AreEqual(exact.Length, CommandSigner.Sign(SignedCommands.Key(), command, command.Length, exact));
        }

        [DataRow(0)]
        [DataRow(31)]
        [DataRow(65)]
        [TestMethod]
        public static void Refuses_a_key_outside_32_to_64_bytes(int keyBytes)
        {
            byte[] command = SignedCommands.Bytes("{}");
            Assert.ThrowsException(typeof(ArgumentException), () => CommandSigner.Sign(new byte[keyBytes], command, command.Length));
        }
    }
}
