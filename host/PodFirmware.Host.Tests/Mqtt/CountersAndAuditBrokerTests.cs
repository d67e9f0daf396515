using System.Linq;
using System.Text.Json.Nodes;
using PodFirmware.Core.Messaging;
using PodFirmware.Host.Simulation;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// The lifetime counters, the process data in telemetry and the move audit end to end: the demo pod (a
    /// <see cref="LivePod"/> in virtual time) on a real mosquitto, a back end that sees only what the broker delivers.
    /// </summary>
    public sealed class CountersAndAuditBrokerTests : System.IDisposable
    {
        private readonly LivePodRig _rig = new LivePodRig();

        private VirtualPod Pod => _rig.Pod.Pod;

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        [Fact]
        public void A_prepaid_session_shows_its_process_data_in_telemetry_and_counts_in_the_retained_status_when_it_stops()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult, Topics.Telemetry, Topics.Status, Topics.Session);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            string start = _rig.Send(backEnd, "{\"type\":\"start\",\"account\":\"acc-1\",\"tariffPerKwh\":0.3,\"maxAmount\":5.0}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, start)["code"]);

            _rig.StepUntil(() => backEnd.On(Topics.Telemetry).Any(m => m.Json?["session"]?["remainingSeedS"] is JsonValue),
                "telemetry carries the seed remaining time", backEnd);
            JsonObject process = (JsonObject)backEnd.On(Topics.Telemetry).Last(m => m.Json?["session"]?["remainingSeedS"] is JsonValue).Json["session"];
            Assert.Equal(5.0, (double)process["prepaid"]);
            Assert.True((double)process["amount"] > 0);
            Assert.True((double)process["progress"] >= 0 && (double)process["progress"] < 1);
            Assert.True((long)process["elapsedS"] >= 0);
            Assert.True((long)backEnd.On(Topics.Telemetry).Last().Json["t"] > 1700000000, "telemetry carries UTC seconds");

            string stop = _rig.Send(backEnd, "{\"type\":\"stop\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, stop)["code"]);
            _rig.StepUntil(() => backEnd.On(Topics.Status).Any(m => (long?)m.Json?["counters"]?["sessions"] == 1), "the status counts the session", backEnd);
            JsonObject status = backEnd.On(Topics.Status).Last(m => (long?)m.Json?["counters"]?["sessions"] == 1).Json;
            JsonObject record = backEnd.On(Topics.Session).Single().Json;
            Assert.Equal((double)record["energyKwh"], (double)status["counters"]["energyKwh"]);
            Assert.Equal(1, (long)status["counters"]["today"]["sessions"]);
            Assert.True((long)record["t"] > 1700000000, "the session record carries UTC seconds");
            Assert.True((long)status["t"] > 1700000000, "the status carries UTC seconds");
        }

        [Fact]
        public void A_move_names_the_unlocking_account_and_its_record_arrives_with_the_relocking_reason()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult, Topics.Events, Topics.Move);
            _rig.StartPod(backEnd);
            string unlock = _rig.Send(backEnd, "{\"type\":\"unlock\",\"account\":\"tech-ana\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, unlock)["code"]);
            _rig.Pod.RunFor(2000);
            string relock = _rig.Send(backEnd, "{\"type\":\"lock\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, relock)["code"]);
            _rig.StepUntil(() => backEnd.On(Topics.Move).Count > 0, "the move record arrives", backEnd);

            JsonObject record = backEnd.On(Topics.Move).Single().Json;
            Assert.Equal("tech-ana", (string)record["account"]);
            Assert.Equal("lock_command", (string)record["reason"]);
            Assert.StartsWith("pod-017-", (string)record["id"]);
            Assert.True((long)record["durationS"] >= 2);
            Assert.True(record.ContainsKey("distanceM"));
            var moving = backEnd.On(Topics.Events).Select(m => m.Json).Where(j => (string)j["event"] == "moving").ToList();
            Assert.Contains(moving, j => (bool)j["moving"] && (string)j["account"] == "tech-ana");
            Assert.Contains(moving, j => !(bool)j["moving"] && (string)j["reason"] == "lock_command" && j.ContainsKey("distanceM"));
        }
    }
}
