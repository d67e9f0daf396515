using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using PodFirmware.Core.Config;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Bench.Measure
{
    /// <summary>
    /// <c>./pod bench measure latency [--trips N] [--stops N] [--flash tmpfs]</c>: end-to-end latencies on a private mosquitto on
    /// loopback, every timestamp from <see cref="Stopwatch.GetTimestamp"/> in this one process.
    /// <list type="bullet">
    /// <item>Alarm, site path: from the start of the tick that trips (a residual-current fault while charging, which
    /// trips in that tick; each trip ends a session started for it) to a subscriber of <c>site/{siteId}/alarm</c> reading the alarm.</item>
    /// <item>Alarm, relay path: the same alarm read by a phone subscribed to <c>users/{account}/alarm</c>, where a
    /// relay server (its own MQTT connection) subscribed to <c>pods/+/alarm</c> republishes it.</item>
    /// <item>Command: from the back end publishing a signed <c>stop</c> on <c>pods/{podId}/cmd</c> to the relay
    /// opening, and to its <c>cmd/result</c> arriving at the back end. The pod runs the board's schedule on one
    /// thread: a messaging pump every 50 ms, a tick every 100 ms (before that slot's pump).</item>
    /// </list>
    /// The pod is the demo config's <see cref="LivePod"/> on a <see cref="RealTimeClock"/>, its flash a temporary
    /// directory (the alarm is stored before it is published, as on the board).
    /// </summary>
    public static class LatencyHarness
    {
        private const string Account = "driver-1";

        /// <summary>Runs the measurement and prints the figures; returns the exit code.</summary>
        public static int Run(string[] args)
        {
            int trips = Stats.Option(args, "--trips", 1000);
            int stops = Stats.Option(args, "--stops", 100);
            PodConfig config = ConfigFile.Load(Path.Combine(FindRoot(), "nf-device-config", "pods", "pod-demo.json"));
            using var broker = new MosquittoBroker();
            // --flash tmpfs: the pod's flash directory in /dev/shm, where a flush to disk costs nothing, to show the path
            // without the store's write; the default is a temporary directory on the machine's disk.
            bool tmpfs = Array.IndexOf(args, "tmpfs") > 0 && Array.IndexOf(args, "--flash") >= 0;
            string flash = tmpfs ? Directory.CreateTempSubdirectory("pod-latency-").FullName.Replace(Path.GetTempPath(), "/dev/shm/") : null;
            if (flash != null)
            {
                Directory.CreateDirectory(flash);
            }

            using var pod = new LivePod(config, "127.0.0.1", broker.Port, new RealTimeClock(), flash);
            var site = new ConcurrentQueue<(string Id, long At)>();
            var phone = new ConcurrentQueue<(string Id, long At)>();
            var results = new ConcurrentDictionary<string, long>();
            using var siteSubscriber = new RawMqttClient(broker.Port, "site-subscriber", (t, p, at) => OnAlarm(p, at, site));
            siteSubscriber.Subscribe("site/" + config.SiteId + "/alarm", 1);
            using var phoneClient = new RawMqttClient(broker.Port, "phone", (t, p, at) => OnAlarm(p, at, phone));
            phoneClient.Subscribe("users/" + Account + "/alarm", 1);
            RawMqttClient relay = null;
            relay = new RawMqttClient(broker.Port, "relay-server", (t, p, at) => relay.Publish("users/" + Account + "/alarm", p, 1));
            relay.Subscribe("pods/+/alarm", 1);
            using var backEnd = new RawMqttClient(broker.Port, "back-end", (t, p, at) => results.TryAdd(HarnessProbes.Field(p, "id"), at));
            backEnd.Subscribe(pod.Topics.CommandResult, 1);

            pod.Start();
            HarnessProbes.Until(() =>
            {
                pod.Step();
                if (pod.Link.IsConnected)
                {
                    backEnd.Publish(pod.Topics.Command, pod.Pod.SignCommand("{\"type\":\"get_status\",\"id\":\"probe-" + Environment.TickCount64 + "\"}").Envelope, 1);
                }

                Thread.Sleep(50);
                return !results.IsEmpty;
            }, 20000, "the pod answers a probe");

            Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version);
            Console.WriteLine("alarm trips: " + trips + ", pod flash: " + (tmpfs ? "tmpfs (/dev/shm)" : "disk (" + Path.GetTempPath() + ")"));
            var sitePath = new List<double>();
            var relayPath = new List<double>();
            var stepMs = new List<double>();
            int resetRetries = 0;
            int startRetries = 0;
            pod.Pod.Plug.Value = true;
            pod.Pod.DemandA = 16;
            for (int i = 0; i < trips; i++)
            {
                // The monitor trips only while the relay is commanded closed: each trip ends a charging session.
                var sinceStart = Stopwatch.StartNew();
                pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"" + Account + "\"}");
                HarnessProbes.Until(() =>
                {
                    pod.Step();
                    Thread.Sleep(1);
                    if (!pod.Pod.Controller.Status.SessionActive && sinceStart.ElapsedMilliseconds > 1000)
                    {
                        // A start refused (a settling check after the reset): ask again.
                        startRetries++;
                        sinceStart.Restart();
                        pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"" + Account + "\"}");
                    }

                    return pod.Pod.Relay.ContactsClosed && pod.Outbox.Count == 0;
                }, 10000, "start " + i + " closes the relay", () => Describe(pod));
                pod.Pod.Rcd.Fault = RcdFault.Fault;
                long t0 = Stopwatch.GetTimestamp();
                pod.Step();
                stepMs.Add(Stats.Ms(t0, Stopwatch.GetTimestamp()));
                if (pod.Pod.Controller.Status.LatchedFault == FaultCode.None)
                {
                    throw new InvalidOperationException("trip " + i + ": the tick did not latch");
                }

                HarnessProbes.Until(() => site.Count > i && phone.Count > i, 10000, "alarm " + i + " reaches the site subscriber and the phone");
                (string siteId, long siteAt) = site.ToArray()[i];
                (string phoneId, long phoneAt) = phone.ToArray()[i];
                if (siteId != phoneId)
                {
                    throw new InvalidOperationException("alarm " + i + ": site got " + siteId + ", phone got " + phoneId);
                }

                sitePath.Add(Stats.Ms(t0, siteAt));
                relayPath.Add(Stats.Ms(t0, phoneAt));
                pod.Pod.Rcd.Fault = RcdFault.Ok;
                var sinceReset = Stopwatch.StartNew();
                pod.Pod.SendCommand("{\"type\":\"reset_fault\"}");
                HarnessProbes.Until(() =>
                {
                    pod.Step();
                    Thread.Sleep(1);
                    if (pod.Pod.Controller.Status.LatchedFault != FaultCode.None && sinceReset.ElapsedMilliseconds > 500)
                    {
                        // A reset refused (the next session's checks not settled yet): ask again.
                        resetRetries++;
                        sinceReset.Restart();
                        pod.Pod.SendCommand("{\"type\":\"reset_fault\"}");
                    }

                    return pod.Pod.Controller.Status.LatchedFault == FaultCode.None && pod.Outbox.Count == 0;
                }, 10000, "reset " + i + " clears the latch and the outbox empties", () => Describe(pod));
            }

            Console.WriteLine("alarm, site path (tick -> site/{siteId}/alarm subscriber): " + Stats.Line(sitePath));
            Console.WriteLine("alarm, relay path (tick -> pods/{podId}/alarm -> server -> users/{account}/alarm): " + Stats.Line(relayPath));
            Console.WriteLine("resets asked again: " + resetRetries + ", starts asked again: " + startRetries);
            Console.WriteLine("of which the tripping step (tick, then the pump storing the alarm and handing it to the link): " + Stats.Line(stepMs));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "ratio relay/site: p50 {0:0.00}, p99 {1:0.00}",
                Stats.Percentile(relayPath, 50) / Stats.Percentile(sitePath, 50), Stats.Percentile(relayPath, 99) / Stats.Percentile(sitePath, 99)));

            MeasureStops(pod, backEnd, results, stops);
            relay.Dispose();
            pod.StopCleanly();
            if (flash != null)
            {
                Directory.Delete(flash, true);
            }

            return 0;
        }

        private static void MeasureStops(LivePod pod, RawMqttClient backEnd, ConcurrentDictionary<string, long> results, int stops)
        {
            var toRelay = new List<double>();
            var toResult = new List<double>();
            var random = new Random(7);
            pod.Pod.Plug.Value = true;
            pod.Pod.DemandA = 16;
            long slot = 0;
            var clock = Stopwatch.StartNew();

            // One 50 ms slot of the board's schedule: the tick every other slot, then the pump.
            void Slot()
            {
                long due = slot * 50;
                long wait = due - clock.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)wait);
                }

                if (slot % 2 == 0)
                {
                    pod.Pod.Controller.NetworkUp = pod.Link.IsConnected;
                    pod.Pod.Tick();
                }

                pod.Pump.Pump(pod.Clock.MonotonicMs);
                slot++;
            }

            for (int i = 0; i < stops; i++)
            {
                pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"" + Account + "\"}");
                HarnessProbes.Until(() =>
                {
                    Slot();
                    return pod.Pod.Relay.ContactsClosed;
                }, 20000, "start " + i + " closes the relay");

                // Publish at a random point of the schedule, as a back end would.
                Thread.Sleep(random.Next(100));
                (byte[] envelope, string id) = pod.Pod.SignCommand("{\"type\":\"stop\"}");
                long t0 = Stopwatch.GetTimestamp();
                backEnd.Publish(pod.Topics.Command, envelope, 1);
                long opened = 0;
                HarnessProbes.Until(() =>
                {
                    Slot();
                    if (opened == 0 && !pod.Pod.Relay.ContactsClosed)
                    {
                        opened = Stopwatch.GetTimestamp();
                    }

                    return opened != 0 && results.ContainsKey(id);
                }, 20000, "stop " + i + " opens the relay and is answered");
                toRelay.Add(Stats.Ms(t0, opened));
                toResult.Add(Stats.Ms(t0, results[id]));
                HarnessProbes.Until(() =>
                {
                    Slot();
                    return !pod.Pod.Controller.Status.SessionActive && pod.Outbox.Count == 0;
                }, 20000, "session " + i + " ends and its record is delivered");
            }

            Console.WriteLine("command stops: " + stops + " (pump every 50 ms, tick every 100 ms)");
            Console.WriteLine("stop, published -> relay open: " + Stats.Line(toRelay));
            Console.WriteLine("stop, published -> cmd/result at the back end: " + Stats.Line(toResult));
        }

        private static string Describe(LivePod pod)
        {
            var s = pod.Pod.Controller.Status;
            return "latched " + s.LatchedFault + ", self-test " + s.SelfTestFailure + ", session " + s.SessionActive + ", connector " + s.Connector + ", rcd " + s.Rcd
                + ", relay closed " + pod.Pod.Relay.ContactsClosed + ", outbox " + pod.Outbox.Count + ", connected " + pod.Link.IsConnected;
        }

        private static void OnAlarm(byte[] payload, long at, ConcurrentQueue<(string, long)> into)
        {
            if (HarnessProbes.Field(payload, "event") == "alarm")
            {
                into.Enqueue((HarnessProbes.Field(payload, "id"), at));
            }
        }

        /// <summary>The repository root (the folder holding <c>pod</c>), searched upwards from the working directory.</summary>
        internal static string FindRoot()
        {
            string dir = Directory.GetCurrentDirectory();
            while (dir != null && !File.Exists(Path.Combine(dir, "pod")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("run from inside the repository");
        }
    }
}
