using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Messaging;
using PodFirmware.Host.Simulation;
using PodFirmware.Drivers.Simulated;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Issue #5 "done when", against a real mosquitto on loopback: the demo pod (a <see cref="LivePod"/> in
    /// virtual time) and a back end that only sees what the broker delivers.
    /// </summary>
    public sealed class PodContractBrokerTests : System.IDisposable
    {
        private readonly LivePodRig _rig = new LivePodRig();

        private VirtualPod Pod => _rig.Pod.Pod;

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        [Fact]
        public void A_late_subscriber_gets_the_retained_status_and_online()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult, Topics.Status);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;

            // The broker has the plugged-in status once a subscriber has received it.
            _rig.StepUntil(() => backEnd.On(Topics.Status).Any(m => m.Text.Contains("\"Preparing\"", System.StringComparison.Ordinal)), "the plugged-in status is published", backEnd);

            BackEndClient late = _rig.Client(Topics.Status, Topics.Availability);
            _rig.StepUntil(() => late.On(Topics.Status).Count > 0 && late.On(Topics.Availability).Count > 0, "retained status and availability arrive", late);

            Assert.Equal("online", late.On(Topics.Availability)[0].Text);
            JsonObject status = late.On(Topics.Status)[0].Json;
            Assert.NotNull(status);
            Assert.Equal("pod-017", (string)status["pod"]);
            Assert.Equal("Preparing", (string)status["connector"]);
            Assert.Equal("open", (string)status["relay"]);
            Assert.True(status.ContainsKey("fault"), "status has a fault member");
            Assert.Null(status["fault"]);
        }

        [Fact]
        public void An_over_temperature_trip_raises_one_alarm_with_the_same_id_on_the_pod_and_the_site_alarm_topics()
        {
            BackEndClient backEnd = _rig.Client(Topics.Alarm, Topics.SiteAlarm, Topics.Session, Topics.CommandResult);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            string start = _rig.Send(backEnd, "{\"type\":\"start\",\"account\":\"acc-1\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, start)["code"]);
            _rig.StepUntil(() => Pod.Relay.ContactsClosed, "the relay closes");

            Pod.Temperature.TemperatureC = 161;
            _rig.StepUntil(() => backEnd.On(Topics.Alarm).Count > 0 && backEnd.On(Topics.SiteAlarm).Count > 0 && backEnd.On(Topics.Session).Count > 0,
                "the alarm on both topics and the session record", backEnd);
            _rig.Pod.RunFor(1000);
            backEnd.AwaitSubscriptions();

            List<ReceivedMessage> podAlarms = backEnd.On(Topics.Alarm);
            List<ReceivedMessage> siteAlarms = backEnd.On(Topics.SiteAlarm);
            Assert.Single(podAlarms);
            Assert.Single(siteAlarms);
            Assert.Equal(podAlarms[0].Text, siteAlarms[0].Text);
            JsonObject alarm = podAlarms[0].Json;
            Assert.StartsWith("pod-017-", (string)alarm["id"]);
            Assert.Equal("site-a", (string)alarm["site"]);
            Assert.Equal("alarm", (string)alarm["event"]);
            Assert.Equal("ConnectorTemperatureCeiling", (string)alarm["code"]);
            Assert.False(Pod.Relay.IsEnergised, "the relay coil is off after the trip");
            JsonObject record = backEnd.On(Topics.Session).Single().Json;
            Assert.Equal(start, (string)record["id"]);
            Assert.Equal("trip", (string)record["stopReason"]);
        }

        [Fact]
        public void Every_command_type_answers_once_on_cmd_result_with_its_success_and_its_failure()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult);
            _rig.StartPod(backEnd);
            var sent = new List<string>();

            string Expect(string json, string code)
            {
                string id = _rig.Send(backEnd, json);
                sent.Add(id);
                JsonObject result = _rig.AwaitResult(backEnd, id);
                Assert.True(code == (string)result["code"], json + " answered " + result.ToJsonString() + ", expected " + code);
                Assert.Equal(code == "ok", (bool)result["ok"]);
                return id;
            }

            JsonObject status = _rig.AwaitResult(backEnd, Expect("{\"type\":\"get_status\"}", "ok"))["status"] as JsonObject;
            Assert.NotNull(status);
            Assert.Equal("pod-017", (string)status["pod"]);
            Assert.Equal("open", (string)status["relay"]);
            JsonObject space = _rig.AwaitResult(backEnd, Expect("{\"type\":\"check_space\"}", "ok"))["space"] as JsonObject;
            Assert.NotNull(space);
            Assert.Equal(17, (int)space["space"]);
            Assert.False((bool)space["charging"]);

            Expect("{\"type\":\"start\",\"account\":\"acc-1\"}", "not_plugged");
            Expect("{\"type\":\"stop\"}", "no_session");
            Expect("{\"type\":\"cancel_reservation\"}", "no_reservation");
            Expect("{\"type\":\"reset_fault\"}", "nothing_latched");
            Expect("{\"type\":\"set_current_limit\",\"limitA\":100}", "limit_out_of_range");
            Expect("{\"type\":\"set_current_limit\",\"limitA\":16}", "ok");

            Expect("{\"type\":\"unlock\",\"account\":\"stranger\"}", "no_move_permission");
            Assert.False(Pod.WheelLock.IsEnergised || Pod.CableLock.IsEnergised, "a refused unlock releases nothing");
            Expect("{\"type\":\"unlock\",\"account\":\"tech-ana\"}", "ok");
            _rig.StepUntil(() => !Pod.WheelLock.IsAtLocked && !Pod.CableLock.IsAtLocked, "both locks release");
            Expect("{\"type\":\"lock\"}", "ok");
            _rig.StepUntil(() => Pod.WheelLock.IsAtLocked && Pod.CableLock.IsAtLocked, "both locks lock again");

            // The pod steps 100 ms of its own time per poll while a result travels, so how much of the 600 s window is
            // left depends on how many polls the broker took: bound it by the pod time that passed, not by a guess.
            long reservedFromMs = _rig.Pod.Clock.MonotonicMs;
            Expect("{\"type\":\"reserve\",\"account\":\"acc-1\"}", "ok");
            string other = Expect("{\"type\":\"reserve\",\"account\":\"acc-2\"}", "reserved_for_other");
            int elapsedS = (int)((_rig.Pod.Clock.MonotonicMs - reservedFromMs + 999) / 1000);
            Assert.InRange((int)_rig.Results(backEnd, other)[0]["leftS"], 600 - elapsedS - 1, 600);
            Expect("{\"type\":\"cancel_reservation\"}", "ok");

            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            Expect("{\"type\":\"start\",\"account\":\"acc-1\"}", "ok");
            _rig.StepUntil(() => Pod.Relay.ContactsClosed, "the relay closes for the session");
            Expect("{\"type\":\"stop\"}", "ok");
            _rig.StepUntil(() => !Pod.Relay.ContactsClosed, "the relay opens after stop");

            // A latched fault to reset: trip on the temperature ceiling, cool down, reset.
            Pod.Temperature.TemperatureC = 161;
            _rig.StepUntil(() => (Pod.Controller.Status.LatchedFault != FaultCode.None), "the over-temperature trip latches");
            Pod.Temperature.TemperatureC = 25;
            _rig.Pod.RunFor(1000);
            Expect("{\"type\":\"reset_fault\"}", "ok");
            Assert.False((Pod.Controller.Status.LatchedFault != FaultCode.None));

            // lock fails only while a lock is in fault: the wheel lock's switch reads unlocked though it is commanded locked.
            Pod.WheelLock.Fault = LockFault.StuckUnlocked;
            _rig.StepUntil(() => Pod.Controller.Status.WheelLock == LockState.Fault, "the wheel lock is in fault");
            Expect("{\"type\":\"lock\"}", "lock_fault");

            // Every result is in: nothing more arrives for any id after a round trip through the broker.
            _rig.Pod.RunFor(1000);
            backEnd.AwaitSubscriptions();
            foreach (string id in sent)
            {
                Assert.True(_rig.Results(backEnd, id).Count == 1, id + " has " + _rig.Results(backEnd, id).Count + " results");
            }

            Assert.Equal(sent.Count, _rig.CommandResults(backEnd).Count);
        }

        [Fact]
        public void Forged_replayed_expired_wrong_pod_and_malformed_commands_are_refused_once_each_and_change_nothing()
        {
            BackEndClient backEnd = _rig.Client(Topics.CommandResult);
            _rig.StartPod(backEnd);

            // Replayed: a genuine unlock, relocked, then the same envelope again.
            (byte[] unlock, string unlockId) = Pod.SignCommand("{\"type\":\"unlock\",\"account\":\"tech-ana\"}");
            backEnd.Publish(Topics.Command, unlock);
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, unlockId)["code"]);
            string relock = _rig.Send(backEnd, "{\"type\":\"lock\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, relock)["code"]);
            _rig.StepUntil(() => Pod.Controller.Status.WheelLock == LockState.Locked && Pod.Controller.Status.CableLock == LockState.Locked, "both locks are locked again");

            backEnd.Publish(Topics.Command, unlock);
            AssertRefusedAndLocked(backEnd, unlockId, "replayed", 2);

            (byte[] forged, string forgedId) = Pod.SignCommand("{\"type\":\"unlock\",\"account\":\"tech-ana\"}");
            Forge(forged);
            backEnd.Publish(Topics.Command, forged);
            AssertRefusedAndLocked(backEnd, forgedId, "bad_signature", 1);

            long tenMinutesAgo = Pod.Controller.Utc.UtcSeconds(_rig.Pod.Clock.MonotonicMs) - 600;
            (byte[] expired, string expiredId) = Pod.SignCommand("{\"type\":\"unlock\",\"account\":\"tech-ana\",\"ts\":" + tenMinutesAgo + "}");
            backEnd.Publish(Topics.Command, expired);
            AssertRefusedAndLocked(backEnd, expiredId, "expired", 1);

            (byte[] wrongPod, string wrongPodId) = Pod.SignCommand("{\"type\":\"unlock\",\"account\":\"tech-ana\",\"pod\":\"pod-018\"}");
            backEnd.Publish(Topics.Command, wrongPod);
            AssertRefusedAndLocked(backEnd, wrongPodId, "wrong_pod", 1);

            backEnd.Publish(Topics.Command, Encoding.UTF8.GetBytes("unlock the pod, please"));
            _rig.StepUntil(() => Codes(backEnd).Contains("malformed"), "the malformed command is answered", backEnd);

            // A forged start with everything else in place for a session.
            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            (byte[] forgedStart, string forgedStartId) = Pod.SignCommand("{\"type\":\"start\",\"account\":\"acc-1\"}");
            Forge(forgedStart);
            backEnd.Publish(Topics.Command, forgedStart);
            Assert.Equal("bad_signature", (string)_rig.AwaitResult(backEnd, forgedStartId)["code"]);
            _rig.Pod.RunFor(2000);
            Assert.False(Pod.Relay.IsEnergised || Pod.Relay.ContactsClosed, "a forged start closes no relay");
            Assert.False(Pod.Controller.Status.RelayClosed);

            // Exactly one refusal each, and the malformed one once.
            backEnd.AwaitSubscriptions();
            Assert.Equal(new[] { "ok", "ok", "replayed", "bad_signature", "expired", "wrong_pod", "malformed", "bad_signature" }, Codes(backEnd));
            foreach (string id in new[] { forgedId, expiredId, wrongPodId, forgedStartId })
            {
                Assert.Single(_rig.Results(backEnd, id));
            }
        }

        private List<string> Codes(BackEndClient backEnd) =>
            _rig.CommandResults(backEnd).Select(j => (string)j["code"]).ToList();

        /// <summary>Flips the last hex digit of the envelope's signature (the envelope ends with <c>..."}</c>).</summary>
        private static void Forge(byte[] envelope)
        {
            int i = envelope.Length - 3;
            envelope[i] = envelope[i] == (byte)'0' ? (byte)'1' : (byte)'0';
        }

        private void AssertRefusedAndLocked(BackEndClient backEnd, string id, string code, int resultsForId)
        {
            _rig.StepUntil(() => _rig.Results(backEnd, id).Count >= resultsForId, "the " + code + " refusal of " + id, backEnd);
            JsonObject refusal = _rig.Results(backEnd, id).Last();
            Assert.Equal(code, (string)refusal["code"]);
            Assert.False((bool)refusal["ok"]);

            // Longer than a lock's travel: a release would have shown by now.
            _rig.Pod.RunFor(2 * SimulatedLock.DefaultTravelMs);
            Assert.False(Pod.WheelLock.IsEnergised, code + ": wheel lock released");
            Assert.False(Pod.CableLock.IsEnergised, code + ": cable lock released");
            Assert.True(Pod.WheelLock.IsAtLocked && Pod.CableLock.IsAtLocked, code + ": a lock left its locked position");
            Assert.Equal(LockState.Locked, Pod.Controller.Status.WheelLock);
            Assert.False(Pod.Controller.Locks.IsMoving, code + ": the pod is moving");
        }
    }
}
