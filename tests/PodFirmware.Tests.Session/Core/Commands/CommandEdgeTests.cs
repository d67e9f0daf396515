using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>The edges of the command helpers: lengths at and past their limits, a cleared command, the queue and key bounds.</summary>
    [TestClass]
    public class CommandEdgeTests
    {
        private static ArgumentException Thrown(Action act)
        {
            try
            {
                act();
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }

        [TestMethod]
        public static void Clear_drops_every_has_flag()
        {
            var cmd = new Command();
            cmd.HasLimit = true;
            cmd.HasTariff = true;
            cmd.HasMaxEnergy = true;
            cmd.HasMaxDuration = true;
            cmd.HasMaxAmount = true;
            cmd.Clear();
            Assert.IsFalse(cmd.HasLimit);
            Assert.IsFalse(cmd.HasTariff);
            Assert.IsFalse(cmd.HasMaxEnergy);
            Assert.IsFalse(cmd.HasMaxDuration);
            Assert.IsFalse(cmd.HasMaxAmount);
        }

        [TestMethod]
        public static void The_queue_takes_up_to_32_and_names_its_range()
        {
            Assert.AreEqual(32, new CommandQueue(32).Capacity);
            ArgumentException e = Thrown(() => new CommandQueue(33));
            Assert.AreEqual("capacity", e.ParamName);
            Assert.Contains("1 to 32", e.Message);
        }

        [TestMethod]
        public static void The_signer_takes_keys_of_32_to_64_bytes_and_a_length_inside_the_command()
        {
            var command = new byte[] { (byte)'{', (byte)'}' };
            Assert.IsNull(Thrown(() => CommandSigner.CheckKey(new byte[64])));
            ArgumentException e = Thrown(() => CommandSigner.CheckKey(new byte[65]));
            Assert.AreEqual("key", e.ParamName);
            Assert.Contains("the command key must be 32 to 64 bytes (64 to 128 hex digits)", e.Message);
            byte[] key = new byte[32];
            var envelope = new byte[CommandSigner.EnvelopeLength(2)];
            Assert.AreEqual(CommandSigner.EnvelopeLength(0), CommandSigner.Sign(key, command, 0, envelope));
            Assert.AreEqual(envelope.Length, CommandSigner.Sign(key, command, 2, envelope));
            e = Thrown(() => CommandSigner.Sign(key, command, 3, envelope));
            Assert.AreEqual("commandLength", e.ParamName);
            Assert.Contains("commandLength is outside the command array", e.Message);
            Assert.AreEqual("commandLength", Thrown(() => CommandSigner.Sign(key, command, -1, envelope)).ParamName);
        }

        [TestMethod]
        public static void Hex_decodes_part_of_a_buffer_into_a_larger_one_and_nothing_from_nothing()
        {
            var bytes = new byte[4];
            Assert.IsTrue(Hex.TryDecode("a5ff".ToCharArray(), 2, bytes, true));
            Assert.AreEqual((byte)0xa5, bytes[0]);
            Assert.IsTrue(Hex.TryDecode(new char[0], 0, new byte[0], true));
            Assert.IsFalse(Hex.TryDecode("a5".ToCharArray(), 4, bytes, true));
        }

        [TestMethod]
        public static void Base64_refuses_a_count_outside_the_characters()
        {
            int written;
            Assert.IsFalse(Base64.TryDecode(new char[] { 'Q', 'Q', '=', '=' }, -4, new byte[3], out written));
            Assert.IsFalse(Base64.TryDecode(new char[] { 'Q', 'Q', '=', '=' }, 8, new byte[6], out written));
        }

        [TestMethod]
        public static void The_commands_section_defaults_to_no_key_and_names_the_queue_range_in_words()
        {
            Assert.AreEqual("", new CommandsConfig().KeyHex);
            var config = new CommandsConfig();
            config.KeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
            config.QueueCapacity = 0;
            var errors = new ConfigErrors();
            config.Validate("commands", errors);
            Assert.AreEqual("commands.queueCapacity: must be between 1 and 32, is 0\n", errors.ToString());
        }
    }
}
