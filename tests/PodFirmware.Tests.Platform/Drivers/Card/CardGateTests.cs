using nanoFramework.TestFramework;
using PodFirmware.Drivers.Card;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Card
{
    /// <summary>Debounce, poll period, rate limit, allow-list and hex form of the card gate, over the MFRC522 twin in virtual time.</summary>
    [TestClass]
    public class CardGateTests
    {
        private static readonly byte[] Dana = { 0x04, 0xA1, 0xB2, 0xC3 };
        private static readonly byte[] Emil = { 0x04, 0xD5, 0xE6, 0xF7, 0xA8, 0xB9, 0xC0 };

        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly CardConfig Config = new CardConfig();
            public readonly SimulatedCardReader Reader;
            public CardGate Gate;

            public Rig()
            {
                Reader = new SimulatedCardReader(Clock);
                Config.Enabled = true;
                Config.HashKeyHex = "000102030405060708090a0b0c0d0e0f";
                Gate = new CardGate(Config);
            }

            // Polls every 50 ms for durationMs; returns the presentations seen.
            public int PollFor(long durationMs)
            {
                int presentations = 0;
                for (long t = 0; t < durationMs; t += 50)
                {
                    if (Gate.Poll(Reader, Clock.MonotonicMs))
                    {
                        presentations++;
                    }

                    Clock.AdvanceMs(50);
                }

                return presentations;
            }
        }

        [TestMethod]
        public static void A_card_held_on_the_reader_is_one_presentation_with_the_keyed_hash_of_its_uid()
        {
            var rig = new Rig();
            rig.Reader.DwellMs = 5000;
            rig.Reader.Tap(Dana);
            Assert.AreEqual(1, rig.PollFor(6000));
            Assert.AreEqual(0x47350d3f6a7a765cUL, rig.Gate.Hash);
            Assert.AreEqual("47350d3f6a7a765c", CardGate.ToHex(rig.Gate.Hash));
        }

        [TestMethod]
        public static void The_same_card_counts_again_only_after_repeat_ms_out_of_the_field_another_card_at_once()
        {
            var rig = new Rig();
            rig.Reader.Tap(Dana);
            Assert.AreEqual(1, rig.PollFor(1000), "first tap");
            rig.Reader.Tap(Dana);
            Assert.AreEqual(0, rig.PollFor(1000), "tapped again 0.5 s after leaving the field: the same presentation");
            rig.Reader.Tap(Emil);
            Assert.AreEqual(1, rig.PollFor(600), "another card counts at once");
            rig.PollFor(rig.Config.RepeatMs + 100);
            rig.Reader.Tap(Emil);
            Assert.AreEqual(1, rig.PollFor(600), "the same card after repeatMs away");
        }

        [TestMethod]
        public static void The_reader_is_asked_only_every_poll_ms()
        {
            var rig = new Rig();
            rig.Config.PollMs = 200;
            rig.PollFor(1000);
            Assert.AreEqual(5, rig.Reader.Polls);
        }

        [TestMethod]
        public static void At_most_rate_max_reads_are_admitted_per_sliding_window()
        {
            var rig = new Rig();
            rig.Config.RateMaxReads = 3;
            rig.Config.RateWindowMs = 10000;
            rig.Gate = new CardGate(rig.Config);
            Assert.IsTrue(rig.Gate.TryAdmit(0));
            Assert.IsTrue(rig.Gate.TryAdmit(1000));
            Assert.IsTrue(rig.Gate.TryAdmit(2000));
            Assert.IsFalse(rig.Gate.TryAdmit(9999), "the fourth within 10 s of the first");
            Assert.IsTrue(rig.Gate.TryAdmit(10000), "the first has left the window");
            Assert.IsFalse(rig.Gate.TryAdmit(10500), "the second and third and the new one are within it");
            Assert.AreEqual(2, rig.Gate.RateLimitedCount);
        }

        [TestMethod]
        public static void The_allow_list_counts_only_when_enabled()
        {
            var rig = new Rig();
            rig.Config.AllowList = new string[] { "47350d3f6a7a765c" };
            rig.Gate = new CardGate(rig.Config);
            Assert.IsFalse(rig.Gate.IsAllowed(0x47350d3f6a7a765cUL), "off by default");
            rig.Config.AllowListEnabled = true;
            rig.Gate = new CardGate(rig.Config);
            Assert.IsTrue(rig.Gate.IsAllowed(0x47350d3f6a7a765cUL));
            Assert.IsFalse(rig.Gate.IsAllowed(0x47350d3f6a7a765dUL));
        }

        [TestMethod]
        public static void Hex_round_trips_and_only_16_lowercase_digits_parse()
        {
            ulong hash;
            Assert.IsTrue(CardGate.TryParseHex("ffffffffffffffff", out hash));
            Assert.AreEqual(ulong.MaxValue, hash);
            Assert.AreEqual("0000000000000001", CardGate.ToHex(1));
            Assert.IsFalse(CardGate.TryParseHex("FFFFFFFFFFFFFFFF", out hash), "uppercase");
            Assert.IsFalse(CardGate.TryParseHex("fffffffffffffff", out hash), "15 digits");
            Assert.IsFalse(CardGate.TryParseHex(null, out hash), "null");
        }
    }
}
