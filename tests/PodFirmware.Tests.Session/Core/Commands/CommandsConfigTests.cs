using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Commands
{
    [TestClass]
    public class CommandsConfigTests
    {
        private const string Key64 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

        [TestMethod]
        public static void Defaults_are_window_120s_memory_64_queue_8_and_the_key_is_required()
        {
            var config = new CommandsConfig();
            Assert.AreEqual(120, config.WindowS);
            Assert.AreEqual(64, config.ReplayCapacity);
            Assert.AreEqual(8, config.QueueCapacity);
            var errors = new ConfigErrors();
            config.Validate("commands", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("commands.keyHex", errors[0]);
        }

        [TestMethod]
        public static void A_64_digit_key_with_defaults_is_valid_and_builds_an_authenticator()
        {
            var config = new CommandsConfig();
            config.KeyHex = Key64;
            var errors = new ConfigErrors();
            config.Validate("commands", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            CommandAuthenticator auth = config.CreateAuthenticator("P-017");
            Assert.AreEqual("P-017", auth.PodId);
            Assert.AreEqual(120, auth.WindowS);
        }

        [DataRow(0)]
        [DataRow(33)]
        [TestMethod]
        public static void Names_queueCapacity_outside_1_to_32(int capacity)
        {
            var config = new CommandsConfig();
            config.KeyHex = Key64;
            config.QueueCapacity = capacity;
            var errors = new ConfigErrors();
            config.Validate("commands", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("commands.queueCapacity", errors[0]);
        }
    }
}
