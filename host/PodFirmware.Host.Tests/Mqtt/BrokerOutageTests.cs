using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Issue #5: the broker is stopped during a session; while the pod has no link for 60 s of its (virtual) time it
    /// trips and stops; once the broker is back every alarm and session record arrives, exactly once by id.
    /// </summary>
    public sealed class BrokerOutageTests : System.IDisposable
    {
        private readonly LivePodRig _rig = new LivePodRig();

        private VirtualPod Pod => _rig.Pod.Pod;

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        [Fact]
        public void After_a_60s_broker_outage_with_a_trip_every_alarm_and_record_arrives_exactly_once_by_id()
        {
            BackEndClient control = _rig.Client(Topics.CommandResult);
            BackEndClient collector = _rig.Client(Topics.Alarm, Topics.SiteAlarm, Topics.Session);
            _rig.StartPod(control);

            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            string session = _rig.Send(control, "{\"type\":\"start\",\"account\":\"acc-1\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(control, session)["code"]);
            _rig.StepUntil(() => Pod.Relay.ContactsClosed && Pod.Controller.Status.CurrentA > 15, "the session draws 16 A");
            Assert.Empty(collector.On(Topics.Alarm));

            _rig.Broker.Stop();
            Wait.Until(() => !_rig.Pod.Link.IsConnected, LivePodRig.SoonMs, "the pod notices the broker is gone");

            // 60 s without a link, in the pod's time: it trips on the connector ceiling and cools down again.
            long downFromMs = _rig.Pod.Clock.MonotonicMs;
            _rig.Pod.RunFor(10000);
            Pod.Temperature.TemperatureC = 161;
            _rig.Pod.RunFor(10000);
            Assert.False(Pod.Relay.IsEnergised, "the trip opened the relay while offline");
            Pod.Temperature.TemperatureC = 25;
            _rig.Pod.RunFor(40000);
            Assert.True(_rig.Pod.Clock.MonotonicMs - downFromMs >= 60000);
            Assert.False(_rig.Pod.Link.IsConnected, "the link stayed down for the whole outage");
            // What the pod stored while offline is exactly what must arrive.
            List<(RecordKind Kind, string Id)> stored = StoredRecords();
            Assert.Contains(stored, r => r.Kind == RecordKind.Alarm);
            Assert.Contains((RecordKind.Session, session), stored);

            // The collector is back and subscribed before the pod gets to publish again.
            _rig.Broker.Start();
            collector.AwaitSubscriptions();
            _rig.StepUntil(() => _rig.Pod.Link.IsConnected && _rig.Pod.Outbox.Count == 0, "the outbox drains", collector, LivePodRig.ReconnectMs);
            _rig.Pod.RunFor(1000);
            collector.AwaitSubscriptions();

            List<JsonObject> podAlarms = Parsed(collector.On(Topics.Alarm));
            List<JsonObject> siteAlarms = Parsed(collector.On(Topics.SiteAlarm));
            List<JsonObject> records = Parsed(collector.On(Topics.Session));

            string[] alarmIds = podAlarms.Select(a => (string)a["id"]).Distinct().OrderBy(id => id).ToArray();
            // Every alarm stored while offline arrives. The pod keeps running while the outbox drains, so a later alarm
            // (the all_clear once the quiet period has passed) may arrive too; it follows the same rules below.
            Assert.Subset(alarmIds.ToHashSet(), stored.Where(r => r.Kind == RecordKind.Alarm).Select(r => r.Id).ToHashSet());
            Assert.Equal(alarmIds, siteAlarms.Select(a => (string)a["id"]).Distinct().OrderBy(id => id).ToArray());
            JsonObject trip = podAlarms.Single(a => (string)a["event"] == "alarm");
            Assert.Equal("ConnectorTemperatureCeiling", (string)trip["code"]);
            Assert.Equal(alarmIds.Length, podAlarms.Select(a => (string)a["event"] + "/" + (string)a["code"]).Distinct().Count());

            Assert.Equal(new[] { session }, records.Select(r => (string)r["id"]).Distinct().ToArray());
            Assert.Equal("trip", (string)records[0]["stopReason"]);

            // Exactly once by id: copies are allowed (at least once), but every copy of an id is the same record.
            foreach (IGrouping<string, JsonObject> copies in podAlarms.Concat(siteAlarms).Concat(records).GroupBy(j => (string)j["id"]))
            {
                Assert.Single(copies.Select(c => c.ToJsonString()).Distinct());
            }

            Assert.Equal(0, _rig.Pod.Outbox.Count);
            Assert.Equal(0, _rig.Pod.Outbox.OverflowCount);
        }

        /// <summary>Kind and id of every record in the pod's outbox, oldest first.</summary>
        private List<(RecordKind Kind, string Id)> StoredRecords()
        {
            var records = new List<(RecordKind, string)>();
            byte[] payload = new byte[_rig.Config.Outbox.MaxPayloadBytes];
            long after = -1;
            while (_rig.Pod.Outbox.TryGetNextAfter(after, payload, out long sequence, out RecordKind kind, out int length))
            {
                var json = (JsonObject)JsonNode.Parse(System.Text.Encoding.UTF8.GetString(payload, 0, length));
                records.Add((kind, (string)json["id"]));
                after = sequence;
            }

            return records;
        }

        private static List<JsonObject> Parsed(List<ReceivedMessage> messages) => messages.Select(m => m.Json).ToList();
    }
}
