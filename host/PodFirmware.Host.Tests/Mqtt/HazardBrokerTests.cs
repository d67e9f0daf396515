using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Against a real mosquitto on loopback: the pod's own heartbeat reaches a controller subscribed to the site's
    /// breath-frame topic, smoke at a charging pod reaches the site alarm topic as an alarm and a fire_risk with the
    /// catalogue's cause and remedy, and a network lost while moving arrives after the reconnect.
    /// </summary>
    public sealed class HazardBrokerTests : System.IDisposable
    {
        private readonly LivePodRig _rig = new LivePodRig();

        private VirtualPod Pod => _rig.Pod.Pod;

        private Topics Topics => _rig.Pod.Topics;

        public void Dispose() => _rig.Dispose();

        [Fact]
        public void The_controller_hears_every_pod_beat_on_the_site_topic_every_5_s()
        {
            BackEndClient controller = _rig.Client(Topics.PodBeat, Topics.CommandResult);
            Assert.Equal("site/site-a/heartbeat/pods", Topics.PodBeat);
            _rig.StartPod(controller);
            _rig.StepUntil(() => controller.On(Topics.PodBeat).Count >= 3, "three breath frames", controller, 30000);

            List<JsonObject> frames = controller.On(Topics.PodBeat).Select(m => m.Json).ToList();
            Assert.All(frames, f => Assert.Equal("pod-017", (string)f["pod"]));
            for (int i = 1; i < frames.Count; i++)
            {
                Assert.Equal((long)frames[i - 1]["seq"] + 1, (long)frames[i]["seq"]);
                Assert.Equal(5000, (long)frames[i]["uptimeMs"] - (long)frames[i - 1]["uptimeMs"]);
            }
        }

        [Fact]
        public void Smoke_at_a_charging_pod_opens_the_relay_and_reaches_the_site_as_alarm_and_fire_risk_with_cause_and_remedy()
        {
            _rig.Config.Sensors.Hazard.Type = HazardConfig.Analog;
            _rig.Config.Sensors.Hazard.WarmUpMs = 1000;
            _rig.RestartPod(null);
            BackEndClient backEnd = _rig.Client(Topics.SiteAlarm, Topics.CommandResult);
            _rig.StartPod(backEnd);
            Pod.Plug.Value = true;
            Pod.DemandA = 16;
            string start = _rig.Send(backEnd, "{\"type\":\"start\",\"account\":\"acc-1\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(backEnd, start)["code"]);
            _rig.StepUntil(() => Pod.Relay.ContactsClosed, "the relay closes");

            Pod.Hazard.SmokePpm = 3000;
            _rig.StepUntil(() => backEnd.On(Topics.SiteAlarm).Count >= 2, "alarm and fire_risk on the site topic", backEnd);
            Assert.False(Pod.Relay.IsEnergised);

            List<JsonObject> alarms = backEnd.On(Topics.SiteAlarm).Select(m => m.Json).ToList();
            Assert.Equal(new[] { "alarm", "fire_risk" }, alarms.Select(a => (string)a["level"]).ToArray());
            foreach (JsonObject alarm in alarms)
            {
                Assert.Equal("SmokeOrGasDetected", (string)alarm["code"]);
                Assert.Equal("pod-017", (string)alarm["pod"]);
                Assert.Equal(17, (int)alarm["space"]);
                Assert.StartsWith("Smoke or gas detector reported", (string)alarm["cause"]);
                Assert.StartsWith("Keep clear and alert the site", (string)alarm["remedy"]);
            }
        }

        [Fact]
        public void A_network_lost_while_moving_is_delivered_on_the_alarm_topic_after_the_reconnect()
        {
            BackEndClient control = _rig.Client(Topics.CommandResult);
            BackEndClient collector = _rig.Client(Topics.Alarm);
            _rig.StartPod(control);
            string unlock = _rig.Send(control, "{\"type\":\"unlock\",\"account\":\"tech-ana\"}");
            Assert.Equal("ok", (string)_rig.AwaitResult(control, unlock)["code"]);
            _rig.StepUntil(() => Pod.Controller.Locks.IsMoving, "the pod is released for the move");

            _rig.Broker.Stop();
            Wait.Until(() => !_rig.Pod.Link.IsConnected, LivePodRig.SoonMs, "the pod notices the broker is gone");
            _rig.Pod.RunFor(2000);
            Assert.True(Pod.Controller.Status.NetworkLostWhileMoving);

            _rig.Broker.Start();
            collector.AwaitSubscriptions();
            _rig.StepUntil(() => collector.On(Topics.Alarm).Count > 0, "the warning after the reconnect", collector, LivePodRig.ReconnectMs);
            JsonObject warning = collector.On(Topics.Alarm)[0].Json;
            Assert.Equal("warning", (string)warning["level"]);
            Assert.Equal("NetworkLostWhileMoving", (string)warning["code"]);
            Assert.True((bool)warning["active"]);
            Assert.Equal("Check Wi-Fi coverage along the route; the pod reconnects by itself.", (string)warning["remedy"]);
        }
    }
}
