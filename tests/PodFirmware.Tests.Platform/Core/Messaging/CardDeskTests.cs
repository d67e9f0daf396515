using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Json;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>
    /// What a card read does at the pod (CardDesk over a real PodController and the MFRC522 twin, virtual time): ask the
    /// back end, stop the session of the same card, start from the allow-list or refuse while the controller is lost,
    /// refuse past the rate limit.
    /// </summary>
    [TestClass]
    public class CardDeskTests
    {
        private static readonly byte[] Dana = { 0x04, 0xA1, 0xB2, 0xC3 };
        private const string DanaHash = "47350d3f6a7a765c";

        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly PodConfig Config = new PodConfig();
            public readonly SimulatedCardReader Reader;
            public readonly SimulatedDigitalInput Plug = new SimulatedDigitalInput();
            public readonly PodController Controller;
            public readonly CardDesk Desk;

            public Rig(bool allowList)
            {
                Config.PodId = "pod-1";
                Config.SiteId = "site-1";
                Config.ParkingSpace = 3;
                Config.Card.Enabled = true;
                Config.Card.HashKeyHex = "000102030405060708090a0b0c0d0e0f";
                Config.Card.AllowListEnabled = allowList;
                Config.Card.AllowList = new string[] { DanaHash };
                Reader = new SimulatedCardReader(Clock);
                var ports = new PodPorts();
                var relay = new SimulatedRelay();
                var wheel = new SimulatedLock(Clock);
                var cable = new SimulatedLock(Clock);
                var voltage = new SimulatedAcChannel(Config.Sensors.Voltage);
                voltage.RmsValue = 230.0;
                var temperature = new SimulatedNtcChannel(Config.Sensors.Temperature);
                temperature.TemperatureC = 25.0;
                temperature.NoiseCounts = 2;
                var dock = new SimulatedDigitalInput();
                dock.Value = true;
                Plug.Value = true;
                ports.Relay = relay;
                ports.RelayFeedback = relay.Feedback;
                ports.WheelLock = wheel;
                ports.WheelLockSense = wheel.Sense;
                ports.CableLock = cable;
                ports.CableLockSense = cable.Sense;
                ports.DockSense = dock;
                ports.PlugSense = Plug;
                ports.TemperatureChannel = temperature;
                ports.Mains = new SimulatedMains(voltage, new SimulatedAcChannel(Config.Sensors.Current));
                ports.Store = new MemoryBlobStore();
                ports.CardReader = Reader;
                Controller = new PodController(Config, Clock, ports, new EventRing(64, 8));
                Desk = new CardDesk(Config, Reader, Controller);
                Run(2000, true);
            }

            public CardAction LastAction;

            // Polls the desk and ticks every 100 ms; returns how many reads were acted on (the last action in LastAction).
            public int Run(long durationMs, bool reachable)
            {
                int actions = 0;
                for (long t = 0; t < durationMs; t += 100)
                {
                    CardAction action = Desk.Poll(Clock.MonotonicMs, reachable);
                    if (action != CardAction.None)
                    {
                        LastAction = action;
                        actions++;
                    }

                    Controller.Tick();
                    Clock.AdvanceMs(100);
                }

                return actions;
            }

            public CardAction Tap(byte[] uid, bool reachable)
            {
                Reader.Tap(uid);
                LastAction = CardAction.None;
                Run(Config.Card.RepeatMs + 1000, reachable);
                return LastAction;
            }
        }

        [TestMethod]
        public static void With_the_back_end_reachable_a_read_becomes_a_request_naming_the_hashed_card_never_the_uid()
        {
            var rig = new Rig(true);
            Assert.AreEqual((int)CardAction.Authorize, (int)rig.Tap(Dana, true), "asks even when the card is on the allow-list");
            var json = new JsonWriter(512);
            rig.Desk.WriteRequest(json, rig.Config, 1234);
            string text = json.ToString();
            Assert.IsTrue(text.IndexOf("\"card\":\"" + DanaHash + "\"") >= 0, text);
            Assert.IsTrue(text.IndexOf("\"id\":\"pod-1-card-") == 1, text);
            Assert.IsTrue(text.IndexOf("04a1b2c3") < 0, text);
            Assert.IsTrue(text.IndexOf("\"connector\":\"Preparing\"") >= 0, text);
            Assert.IsFalse(rig.Controller.Status.SessionActive);
        }

        [TestMethod]
        public static void While_the_controller_is_lost_an_allowed_card_starts_a_session_and_its_second_read_stops_it()
        {
            var rig = new Rig(true);
            Assert.AreEqual((int)CardAction.Queued, (int)rig.Tap(Dana, false));
            string startId = rig.Desk.ReadId;
            Assert.IsTrue(rig.Controller.Status.SessionActive, "started without the back end");
            Assert.AreEqual(startId, rig.Controller.Status.SessionId);
            Assert.AreEqual("card-" + DanaHash, rig.Controller.Status.SessionAccount);
            Assert.AreEqual(DanaHash, rig.Controller.Status.SessionCard);

            Assert.AreEqual((int)CardAction.Queued, (int)rig.Tap(Dana, true), "the second read stops it even with the back end back");
            Assert.IsFalse(rig.Controller.Status.SessionActive);
        }

        [TestMethod]
        public static void While_the_controller_is_lost_a_card_is_unknown_unless_the_allow_list_is_enabled()
        {
            var rig = new Rig(false);
            Assert.AreEqual((int)CardAction.Answer, (int)rig.Tap(Dana, false));
            Assert.AreEqual((int)CommandResultCode.CardUnknown, (int)rig.Desk.Answer);
            Assert.IsFalse(rig.Controller.Status.SessionActive);
        }

        [TestMethod]
        public static void Reads_past_the_rate_limit_are_answered_card_rate_limited()
        {
            var rig = new Rig(false);
            for (int i = 0; i < rig.Config.Card.RateMaxReads; i++)
            {
                Assert.AreEqual((int)CardAction.Authorize, (int)rig.Tap(new byte[] { 1, 2, 3, (byte)i }, true), "read " + i.ToString());
            }

            Assert.AreEqual((int)CardAction.Answer, (int)rig.Tap(new byte[] { 9, 9, 9, 9 }, true));
            Assert.AreEqual((int)CommandResultCode.CardRateLimited, (int)rig.Desk.Answer);
        }

        [TestMethod]
        public static void The_stop_of_a_reserved_session_must_name_the_reservation_holder()
        {
            var rig = new Rig(false);
            Queue(rig, CommandType.Reserve, "r-1", "acct-1");
            Queue(rig, CommandType.Start, "s-1", "acct-1");
            Assert.IsTrue(rig.Controller.Status.SessionActive);
            Queue(rig, CommandType.Stop, "x-1", "acct-2");
            Queue(rig, CommandType.Stop, "x-2", null);
            Assert.IsTrue(rig.Controller.Status.SessionActive, "another account and no account are refused");
            Queue(rig, CommandType.Stop, "x-3", "acct-1");
            Assert.IsFalse(rig.Controller.Status.SessionActive, "the holder stops it");
        }

        [TestMethod]
        public static void A_session_started_without_a_reservation_stops_for_any_stop()
        {
            var rig = new Rig(false);
            Queue(rig, CommandType.Start, "s-1", "acct-1");
            Queue(rig, CommandType.Stop, "x-1", null);
            Assert.IsFalse(rig.Controller.Status.SessionActive);
        }

        private static void Queue(Rig rig, CommandType type, string id, string account)
        {
            var command = new Command();
            command.Type = type;
            command.Id = id;
            command.Account = account;
            Assert.IsTrue(rig.Controller.Commands.TryEnqueue(command));
            rig.Run(200, true);
        }
    }
}
