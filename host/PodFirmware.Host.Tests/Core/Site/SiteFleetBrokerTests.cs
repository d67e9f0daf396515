using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Mqtt;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Core.Site
{
    /// <summary>
    /// A site of 20 virtual pods with <c>site.enabled</c> on a private mosquitto, driven as <c>./pod run --pods 20</c> drives
    /// them (the same <see cref="LivePod"/> wiring, one shared real-time clock, a tick every <c>tickPeriodMs</c>, a second
    /// client playing the site controller and the back end), in one test process. Every pod charges, then the controller's
    /// heartbeat steps <c>capacityA</c> down; what the pods publish on <c>site/{siteId}/load</c>, read through the broker,
    /// must sum under the new capacity within one sharing period plus the EV's 5 s, and stay under.
    /// </summary>
    public sealed class SiteFleetBrokerTests
    {
        private readonly ITestOutputHelper _output;

        /// <summary>Takes xunit's output, where the test writes what it measured.</summary>
        public SiteFleetBrokerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private const int Pods = 20;
        private const int CapacityBeforeA = 800;
        private const int CapacityAfterA = 160;
        private const int EvAllowanceMs = 5000;

        // Upper bound, real ms, for the pods to connect, join the site and start charging (a loaded machine included).
        private const int SetupBoundMs = 90000;

        // What the fleet mode's scenario does for each pod before the start command: a healthy pod, an EV that charges.
        private const string ChargingScenario = "0 temp_c 25\n0 voltage_v 230\n0 ev connect\n0 ev charge\n";

        // The last load message heard from one pod.
        private sealed class Load
        {
            public int State;
            public int AllowedDa;
            public int DrawDa;
        }

        [Fact]
        public void Twenty_pods_through_the_broker_keep_their_sum_under_a_capacity_step_from_the_controller()
        {
            var clock = new RealTimeClock();
            using var broker = new MosquittoBroker();
            var pods = new LivePod[Pods];
            using var controller = new MosquittoLink();
            try
            {
                PodConfig first = LivePodRig.LoadDemoConfig();
                for (int i = 0; i < Pods; i++)
                {
                    PodConfig config = LivePodRig.LoadDemoConfig();
                    config.PodId = RunVerb.NumberedId(first.PodId, i);
                    config.ParkingSpace = first.ParkingSpace + i;
                    config.Site.Enabled = true;
                    pods[i] = new LivePod(config, "127.0.0.1", broker.Port, clock);
                    foreach (ScenarioStep step in ScenarioParser.Parse(ChargingScenario))
                    {
                        pods[i].Pod.Apply(step);
                    }
                }

                Topics topics = pods[0].Topics;
                int periodMs = first.Site.PeriodMs;
                controller.Subscribe(topics.SiteLoad, 0);
                controller.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "site-controller", KeepAliveS = 5 });
                foreach (LivePod pod in pods)
                {
                    pod.Start();
                }

                var loads = new Dictionary<string, Load>();
                var inbound = new MqttInboundMessage();
                int capacityA = CapacityBeforeA;
                long beatSeq = 0;
                long nextBeatMs = 0;
                long nextTickMs = 0;
                int sumDa = 0;
                bool over = false;
                long underAtMs = -1;
                long stepMs = -1;
                int malformed = 0;

                // One pass of the fleet loop: the controller's heartbeat when due, a tick of every pod when due, then what
                // the broker delivered, stamped with the shared clock. Sleeps only pace the loop; nothing asserts on them.
                void Step()
                {
                    long now = clock.MonotonicMs;
                    if (now >= nextBeatMs)
                    {
                        byte[] beat = Encoding.UTF8.GetBytes("{\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"seq\":" + ++beatSeq +
                            ",\"capacityA\":" + capacityA + "}");
                        controller.Publish(topics.Heartbeat, beat, beat.Length, 0, false, out _);
                        nextBeatMs = now + first.Heartbeat.PeriodMs;
                    }

                    if (now >= nextTickMs)
                    {
                        foreach (LivePod pod in pods)
                        {
                            pod.Step();
                        }

                        nextTickMs = Math.Max(nextTickMs + first.TickPeriodMs, now);
                    }

                    while (controller.TryTakeMessage(inbound))
                    {
                        JsonNode json = JsonNode.Parse(Encoding.UTF8.GetString(inbound.Payload, 0, inbound.Length));
                        string id = (string)json?["id"];
                        if (id == null)
                        {
                            malformed++;
                            continue;
                        }

                        loads[id] = new Load
                        {
                            State = (int)json["s"],
                            AllowedDa = Deciamps(json["allowedA"]),
                            DrawDa = Deciamps(json["drawA"]),
                        };
                        sumDa = 0;
                        foreach (Load load in loads.Values)
                        {
                            sumDa += load.AllowedDa;
                        }

                        if (stepMs >= 0 && sumDa > capacityA * 10)
                        {
                            over = true;
                        }
                        else if (over)
                        {
                            // The time the message that brought the sum back under arrived: the end of an overshoot.
                            over = false;
                            underAtMs = clock.MonotonicMs;
                        }
                    }

                    Thread.Sleep(5);
                }

                string Detail() => "at " + clock.MonotonicMs + " ms, sum " + sumDa + " dA, " + loads.Count + " pods heard: " + Describe(loads);

                // Every pod connected, hearing the controller (its command subscription is live) and past its join view.
                Wait.Until(() =>
                {
                    Step();
                    foreach (LivePod pod in pods)
                    {
                        if (!pod.Link.IsConnected || pod.Pod.Controller.Heartbeat.BeatCount == 0 || !StartAllowed(pod))
                        {
                            return false;
                        }
                    }

                    return true;
                }, SetupBoundMs, "all " + Pods + " pods join the site", Detail);

                // The back end starts a session on each, signed and through the broker, as the fleet mode's scenario does.
                foreach (LivePod pod in pods)
                {
                    byte[] envelope = pod.Pod.SignCommand("{\"type\":\"start\",\"account\":\"driver-1\"}").Envelope;
                    Assert.True(controller.Publish(pod.Topics.Command, envelope, envelope.Length, 1, false, out _), "start for " + pod.Config.PodId);
                }

                Wait.Until(() =>
                {
                    Step();
                    if (loads.Count < Pods)
                    {
                        return false;
                    }

                    foreach (Load load in loads.Values)
                    {
                        if (load.State != 1 || load.AllowedDa < 60 || load.DrawDa <= 0)
                        {
                            return false;
                        }
                    }

                    return true;
                }, SetupBoundMs, "every pod says on the load topic that its EV charges", Detail);
                Assert.True(sumDa <= CapacityBeforeA * 10, "before the step: " + Detail());
                Assert.Equal(0, malformed);

                // The step: the controller's next heartbeat (sent at once) carries the lower capacity.
                int before = sumDa;
                capacityA = CapacityAfterA;
                stepMs = clock.MonotonicMs;
                nextBeatMs = stepMs;
                long boundMs = stepMs + periodMs + EvAllowanceMs;
                long endMs = boundMs + 2 * periodMs;
                over = sumDa > capacityA * 10;
                Wait.Until(() =>
                {
                    Step();
                    return clock.MonotonicMs >= endMs;
                }, (int)(endMs - stepMs) + SetupBoundMs, "the pods run two periods past the bound", Detail);

                _output.WriteLine("sum before the step " + before + " dA; under " + CapacityAfterA + " A " + (underAtMs < 0 ? 0 : underAtMs - stepMs) +
                    " ms after the step; sum at the end " + sumDa + " dA (" + Describe(loads) + ")");
                Assert.False(over, "the sum is still over " + CapacityAfterA + " A; " + Detail());
                Assert.True(underAtMs <= boundMs,
                    "the sum was over " + CapacityAfterA + " A until " + (underAtMs - stepMs) + " ms after the step (bound " + (periodMs + EvAllowanceMs) + " ms); " + Detail());
                Assert.Equal(Pods, loads.Count);
                foreach (KeyValuePair<string, Load> pod in loads)
                {
                    // Still charging, on a fair share that keeps the 6 A floor (160 A over 20 sessions: 8 A each).
                    Assert.True(pod.Value.State == 1 && pod.Value.AllowedDa >= 60, pod.Key + ": " + Detail());
                }

                Assert.Equal(0, malformed);
            }
            finally
            {
                foreach (LivePod pod in pods)
                {
                    pod?.Dispose();
                }
            }
        }

        private static bool StartAllowed(LivePod pod)
        {
            var share = pod.Pod.Controller.Site;
            Monitor.Enter(share);
            try
            {
                return share.StartAllowed;
            }
            finally
            {
                Monitor.Exit(share);
            }
        }

        private static int Deciamps(JsonNode value) => (int)Math.Round((double)value * 10);

        private static string Describe(Dictionary<string, Load> loads)
        {
            var text = new StringBuilder();
            foreach (KeyValuePair<string, Load> pod in loads)
            {
                text.Append(pod.Key).Append(" s").Append(pod.Value.State).Append(' ')
                    .Append((pod.Value.AllowedDa / 10.0).ToString(CultureInfo.InvariantCulture)).Append("A; ");
            }

            return text.ToString();
        }
    }
}
