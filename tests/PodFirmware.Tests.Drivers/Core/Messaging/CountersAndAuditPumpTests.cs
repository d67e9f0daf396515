using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Session;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class CountersAndAuditPumpTests
    {
        // 2026-01-01T00:00:00Z in ms.
        private const long Jan1Ms = 1767225600000;

        private sealed class Rig
        {
            public readonly FakeMqttLink Link = new FakeMqttLink();
            public readonly EventRing Events = new EventRing(16, 4);
            public readonly PodStatus Status = new PodStatus();
            public readonly UtcTime Utc = new UtcTime();
            public readonly MessagingPump Pump;

            public Rig(MemoryBlobStore flash)
            {
                var config = new PodConfig();
                config.PodId = "P-017";
                config.SiteId = "S-1";
                config.ParkingSpace = 3;
                var publisher = new ReliablePublisher(Link, new Outbox(flash, 16, 1024), 16, 30000);
                Pump = new MessagingPump(config, Link, Events, Status, publisher);
                Pump.EnableCommands(PodFirmware.Tests.Core.Commands.SignedCommands.NewAuthenticator(), new PodFirmware.Core.Commands.CommandQueue(2), Utc);
                Utc.SetFromSntp(0, Jan1Ms);
                Status.UtcS = Jan1Ms / 1000 + 3600;
            }

            public string Last(string topic)
            {
                System.Collections.ArrayList sent = Link.On(topic);
                Assert.IsTrue(sent.Count > 0, "nothing on " + topic);
                return ((FakeMqttLink.Sent)sent[sent.Count - 1]).Text;
            }
        }

        private static void WriteSession(EventRing ring, long energyMilliWh, long startMs, long stopMs, long stopUtcS)
        {
            var e = new PodEvent();
            e.Kind = EventKind.Session;
            e.TimeMs = stopMs;
            e.Record.SessionId = "start-1";
            e.Record.Account = "acct-9";
            e.Record.EnergyMilliWh = energyMilliWh;
            e.Record.StartMs = startMs;
            e.Record.StopMs = stopMs;
            e.Record.StopUtcS = stopUtcS;
            Assert.IsTrue(ring.TryWrite(e));
        }

        [TestMethod]
        public static void Each_session_record_counts_once_on_flash_and_the_status_shows_totals_and_today()
        {
            var flash = new MemoryBlobStore();
            var rig = new Rig(flash);
            WriteSession(rig.Events, 2500000, 1000, 61000, Jan1Ms / 1000 + 61);
            rig.Pump.Pump(62000);
            Assert.AreEqual(1, rig.Pump.Counters.TotalSessions);
            Assert.Contains("\"counters\":{\"energyKwh\":2.500,\"sessions\":1,\"chargingS\":60,\"today\":{\"energyKwh\":2.500,\"sessions\":1,\"chargingS\":60}}",
                rig.Last("pods/P-017/status"));

            // A reboot over the same flash: the counters come back; the next UTC day shows an empty today.
            var rebooted = new Rig(flash);
            rebooted.Status.UtcS = Jan1Ms / 1000 + 86400 + 5;
            rebooted.Pump.Pump(1000);
            Assert.Contains("\"counters\":{\"energyKwh\":2.500,\"sessions\":1,\"chargingS\":60,\"today\":{\"energyKwh\":0.000,\"sessions\":0,\"chargingS\":0}}",
                rebooted.Last("pods/P-017/status"));
            Assert.AreEqual(2500000L, rebooted.Status.CountedEnergyMilliWh);

            rebooted.Status.UtcS = 0;
            rebooted.Link.Connected = false;
            rebooted.Pump.Pump(2000);
            rebooted.Link.Connected = true;
            rebooted.Pump.Pump(3000);
            Assert.Contains("\"today\":null", rebooted.Last("pods/P-017/status"));
        }

        [TestMethod]
        public static void A_move_record_goes_store_first_to_the_move_topic_with_account_times_reason_and_distance()
        {
            var flash = new MemoryBlobStore();
            var rig = new Rig(flash);
            var e = new PodEvent();
            e.Kind = EventKind.MoveRecord;
            e.TimeMs = 65000;
            e.Text = MovingReasons.Docked;
            e.Value = 111.26;
            e.Record.Account = "fleet";
            e.Record.StartMs = 5000;
            e.Record.StopMs = 65000;
            rig.Events.TryWrite(e);
            rig.Pump.Pump(65000);

            System.Collections.ArrayList sent = rig.Link.On("pods/P-017/move");
            Assert.AreEqual(1, sent.Count);
            var record = (FakeMqttLink.Sent)sent[0];
            Assert.AreEqual(1, record.Qos);
            Assert.AreEqual(
                "{\"id\":\"P-017-1\",\"seq\":1,\"pod\":\"P-017\",\"site\":\"S-1\",\"space\":3,\"account\":\"fleet\"," +
                "\"startT\":\"2026-01-01T00:00:05.000Z\",\"stopT\":\"2026-01-01T00:01:05.000Z\",\"t\":1767225665,\"uptimeMs\":65000," +
                "\"durationS\":60,\"reason\":\"docked\",\"distanceM\":111.3}",
                record.Text);
            Assert.AreEqual(1, rig.Pump.Publisher.Outbox.Count, "stored until the broker acknowledges it");
        }

        [TestMethod]
        public static void Events_carry_UTC_seconds_in_t_beside_uptimeMs_and_the_moving_event_its_account_and_distance()
        {
            var rig = new Rig(new MemoryBlobStore());
            var e = new PodEvent();
            e.Kind = EventKind.Moving;
            e.TimeMs = 65000;
            e.Arg = 0;
            e.Text = MovingReasons.Timeout;
            e.Value = double.NaN;
            e.Record.Account = "ops";
            rig.Events.TryWrite(e);
            rig.Pump.Pump(65000);
            Assert.AreEqual("{\"t\":1767225665,\"uptimeMs\":65000,\"event\":\"moving\",\"pod\":\"P-017\",\"space\":0,\"moving\":false,\"reason\":\"timeout\",\"account\":\"ops\",\"distanceM\":null}",
                rig.Last("pods/P-017/events"));
        }

        [TestMethod]
        public static void Telemetry_while_charging_carries_T_energy_Mc_Mp_N_and_both_remaining_times()
        {
            var config = new PodConfig();
            config.PodId = "P-017";
            config.Session.RemainingB = 0.5;
            config.Session.RemainingTfS = 120;
            var s = new PodStatus();
            s.UptimeMs = 700000;
            s.UtcS = 1767226300;
            s.SessionActive = true;
            s.SessionElapsedMs = 600400;
            s.SessionEnergyMilliWh = 3174603;
            s.SessionAmountScaled = 10000;
            s.SessionPrepaidScaled = 40000;
            s.SessionRemainingS = 1750;
            var w = new PodFirmware.Json.JsonWriter(1024);
            StatusJson.WriteTelemetry(w, s, config);
            Assert.Contains("\"rcd\":\"none\",\"t\":1767226300,\"session\":{\"elapsedS\":600,\"energyKwh\":3.175,\"amount\":1.0000,\"prepaid\":4.0000," +
                "\"progress\":0.250,\"remainingS\":1750,\"remainingSeedS\":1861}}", w.ToString());

            s.SessionPrepaidScaled = -1;
            s.SessionRemainingS = -1;
            w.Reset();
            StatusJson.WriteTelemetry(w, s, config);
            Assert.Contains("\"prepaid\":null,\"progress\":null,\"remainingS\":null,\"remainingSeedS\":null}}", w.ToString());

            s.SessionActive = false;
            w.Reset();
            StatusJson.WriteTelemetry(w, s, config);
            Assert.IsFalse(w.ToString().IndexOf("\"session\"") >= 0, "no process data without a session");
        }
    }
}
