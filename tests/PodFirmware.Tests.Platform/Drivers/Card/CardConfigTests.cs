using nanoFramework.TestFramework;
using PodFirmware.Drivers.Card;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Drivers.Card
{
    /// <summary>The <c>card</c> config section: off by default, a key required once enabled, ranges and the allow-list's form.</summary>
    [TestClass]
    public class CardConfigTests
    {
        private static string Problems(CardConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("card", errors);
            return errors.ToString();
        }

        [TestMethod]
        public static void The_defaults_are_valid_and_off()
        {
            var config = new CardConfig();
            Assert.AreEqual("", Problems(config));
            Assert.IsFalse(config.Enabled);
            Assert.IsFalse(config.AllowListEnabled);
        }

        [TestMethod]
        public static void Enabled_needs_a_32_digit_lowercase_key()
        {
            var config = new CardConfig();
            config.Enabled = true;
            Assert.IsTrue(Problems(config).IndexOf("card.hashKeyHex") >= 0);
            config.HashKeyHex = "000102030405060708090A0B0C0D0E0F";
            Assert.IsTrue(Problems(config).IndexOf("card.hashKeyHex") >= 0, "uppercase");
            config.HashKeyHex = "000102030405060708090a0b0c0d0e0f";
            Assert.AreEqual("", Problems(config));
        }

        [TestMethod]
        public static void Ranges_and_allow_list_entries_are_checked()
        {
            var config = new CardConfig();
            config.PollMs = 10;
            config.RateMaxReads = 0;
            config.AllowList = new string[] { "47350d3f6a7a765c", "04a1b2c3" };
            string problems = Problems(config);
            Assert.IsTrue(problems.IndexOf("card.pollMs") >= 0, problems);
            Assert.IsTrue(problems.IndexOf("card.rateMaxReads") >= 0, problems);
            Assert.IsTrue(problems.IndexOf("card.allowList") >= 0, "a raw UID is not a hash: " + problems);
        }
    }
}
