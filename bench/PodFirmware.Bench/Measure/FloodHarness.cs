using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Bench.Measure
{
    /// <summary>
    /// <c>./pod bench measure flood [--rate N] [--seconds N] [--valid-every N] [--broker-queue N]</c>: a back end publishes N commands a
    /// second (default 5,000) at one charging pod for some seconds (default 5) at QoS 1, one in every
    /// <c>--valid-every</c> (default 5) a validly signed <c>get_status</c>, the others forged, not JSON, binary or
    /// expired. The pod runs the board's two threads: the tick every <c>tickPeriodMs</c> on a drift-free schedule
    /// (its lateness is each tick's start minus its deadline) and <see cref="MessagingLoopCore"/> every 50 ms. Prints
    /// the worst tick lateness, the telemetry received during the flood, and the results per valid command (each
    /// must get exactly one: <c>ok</c> or <c>busy</c>). Exit code 1 when a valid command has no result or two.
    /// </summary>
    public static class FloodHarness
    {
        /// <summary>Runs the flood and prints the figures; returns the exit code.</summary>
        public static int Run(string[] args)
        {
            int rate = Stats.Option(args, "--rate", 5000);
            int seconds = Stats.Option(args, "--seconds", 5);
            int validEvery = Stats.Option(args, "--valid-every", 5);
            PodConfig config = ConfigFile.Load(Path.Combine(LatencyHarness.FindRoot(), "nf-device-config", "pods", "pod-demo.json"));
            // --broker-queue N: mosquitto's max_queued_messages for each client (its default, 1000, drops the rest of a
            // flood the pod has not taken yet; 0 is no limit).
            int brokerQueue = Stats.Option(args, "--broker-queue", 1000);
            using var broker = new MosquittoBroker(null, null, null, "max_queued_messages " + brokerQueue + "\n");
            var clock = new RealTimeClock();
            using var pod = new LivePod(config, "127.0.0.1", broker.Port, clock);
            var results = new ConcurrentDictionary<string, int>();
            var codes = new ConcurrentDictionary<string, int>();
            long refusedWithoutId = 0;
            long telemetry = 0;
            using var backEnd = new RawMqttClient(broker.Port, "back-end", (topic, payload, at) =>
            {
                if (topic == pod.Topics.Telemetry)
                {
                    Interlocked.Increment(ref telemetry);
                    return;
                }

                string text = Encoding.UTF8.GetString(payload);
                string id = HarnessProbes.Field(payload, "id");
                codes.AddOrUpdate(HarnessProbes.Field(payload, "code"), 1, (_, n) => n + 1);
                if (id.Length == 0)
                {
                    Interlocked.Increment(ref refusedWithoutId);
                }
                else
                {
                    results.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
            });
            backEnd.Subscribe(pod.Topics.CommandResult, 1);
            backEnd.Subscribe(pod.Topics.Telemetry, 0);

            // A charging pod: telemetry every telemetry.chargingPeriodMs while the flood runs.
            pod.Pod.Plug.Value = true;
            pod.Pod.DemandA = 16;
            pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"driver-1\"}");
            pod.Start();
            var lateness = new List<double>();
            bool stop = false;
            long tickPeriodTicks = config.TickPeriodMs * Stopwatch.Frequency / 1000;
            var tickThread = new Thread(() =>
            {
                long next = Stopwatch.GetTimestamp();
                while (!Volatile.Read(ref stop))
                {
                    long start = Stopwatch.GetTimestamp();
                    lock (lateness)
                    {
                        lateness.Add(Stats.Ms(next, start));
                    }

                    pod.Pod.Tick();
                    next += tickPeriodTicks;
                    long now = Stopwatch.GetTimestamp();
                    if (now - next >= tickPeriodTicks)
                    {
                        next = now; // a whole period late: re-base, as ControlLoopCore does
                    }

                    long waitMs = (next - now) * 1000 / Stopwatch.Frequency;
                    Thread.Sleep((int)Math.Max(0, waitMs));
                    while (Stopwatch.GetTimestamp() < next)
                    {
                        Thread.Yield();
                    }
                }
            }) { Priority = ThreadPriority.AboveNormal, IsBackground = true, Name = "tick" };
            var control = new ControlLoopCore(pod.Pod.Controller, clock, new SleepPause(), new SafeOutputs(null, null), null, config.TickPeriodMs);
            var messaging = new MessagingLoopCore(pod.Pump, pod.Link, pod.Pod.Controller, clock, null, control, new SleepPause());
            var messagingThread = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    messaging.RunOnce();
                }
            }) { IsBackground = true, Name = "messaging" };
            tickThread.Start();
            messagingThread.Start();

            // Wait for the pod's subscription: probes until one is answered.
            HarnessProbes.Until(() =>
            {
                if (pod.Link.IsConnected)
                {
                    backEnd.Publish(pod.Topics.Command, pod.Pod.SignCommand("{\"type\":\"get_status\",\"id\":\"probe-" + Environment.TickCount64 + "\"}").Envelope, 1);
                }

                Thread.Sleep(100);
                return results.Keys.Any(k => k.StartsWith("probe-", StringComparison.Ordinal)) && pod.Pod.Relay.ContactsClosed;
            }, 30000, "the pod answers a probe and charges");
            Thread.Sleep(1500);
            results.Clear();
            codes.Clear();
            Interlocked.Exchange(ref refusedWithoutId, 0);

            int total = rate * seconds;
            var envelopes = new byte[total][];
            var validIds = new List<string>();
            int invalid = 0;
            byte[] key = Core.Commands.Hex.TryDecode(config.Commands.KeyHex);
            long nowS = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            for (int i = 0; i < total; i++)
            {
                string id = "f-" + i;
                string json = "{\"pod\":\"" + config.PodId + "\",\"id\":\"" + id + "\",\"ts\":" + (nowS + (i / rate)) + ",\"nonce\":\"" + i.ToString("x16", CultureInfo.InvariantCulture) + "\",\"type\":\"get_status\"}";
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                if (i % validEvery == 0)
                {
                    envelopes[i] = CommandSigner.Sign(key, bytes, bytes.Length);
                    validIds.Add(id);
                    continue;
                }

                invalid++;
                switch (i % 4)
                {
                    case 0:
                        byte[] forged = CommandSigner.Sign(key, bytes, bytes.Length);
                        forged[forged.Length - 3] ^= 1;
                        envelopes[i] = forged;
                        break;
                    case 1:
                        envelopes[i] = Encoding.UTF8.GetBytes("not json " + i);
                        break;
                    case 2:
                        var binary = new byte[64];
                        new Random(i).NextBytes(binary);
                        envelopes[i] = binary;
                        break;
                    default:
                        byte[] old = Encoding.UTF8.GetBytes(json.Replace("\"ts\":" + (nowS + (i / rate)), "\"ts\":" + (nowS - 100000)));
                        envelopes[i] = CommandSigner.Sign(key, old, old.Length);
                        break;
                }
            }

            long telemetryBefore = Interlocked.Read(ref telemetry);
            int latenessFrom;
            lock (lateness)
            {
                latenessFrom = lateness.Count;
            }

            long rssBefore = HarnessProbes.RssKiB();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < total; i++)
            {
                // Paced in 10 ms slices of rate/100 commands.
                long due = (long)i * 1000 / rate;
                while (watch.ElapsedMilliseconds < due)
                {
                    Thread.Sleep(1);
                }

                backEnd.Publish(pod.Topics.Command, envelopes[i], 1);
            }

            double sendS = watch.Elapsed.TotalSeconds;
            long telemetryDuring = Interlocked.Read(ref telemetry) - telemetryBefore;
            int answered = 0;
            try
            {
                HarnessProbes.Until(() =>
                {
                    Thread.Sleep(100);
                    answered = validIds.Count(id => results.ContainsKey(id));
                    return answered == validIds.Count;
                }, Stats.Option(args, "--drain-seconds", 300) * 1000, "every valid command is answered");
            }
            catch (TimeoutException)
            {
            }

            double drainS = watch.Elapsed.TotalSeconds;
            Thread.Sleep(2000);
            Volatile.Write(ref stop, true);
            tickThread.Join();
            messagingThread.Join();
            double[] flooded;
            lock (lateness)
            {
                flooded = lateness.Skip(latenessFrom).ToArray();
            }

            int duplicates = validIds.Count(id => results.TryGetValue(id, out int n) && n > 1);
            int missing = validIds.Count - validIds.Count(id => results.ContainsKey(id));
            Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version);
            Console.WriteLine("broker max_queued_messages " + brokerQueue + "; pod intake at most " + MessagingPump.MaxInboundPerPump + " messages per pump, one pump every " + MessagingLoopCore.PumpPeriodMs + " ms");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "flood: {0} commands in {1:0.00} s ({2:0} per s), {3} valid get_status, {4} invalid (forged, not JSON, binary, expired)", total, sendS, total / sendS, validIds.Count, invalid));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "valid commands answered: {0} of {1} ({2} with no result, {3} with more than one); all answered {4:0.00} s after the flood began", answered, validIds.Count, missing, duplicates, drainS));
            Console.WriteLine("results by code: " + string.Join(", ", codes.OrderBy(c => c.Key).Select(c => (c.Key.Length == 0 ? "(none)" : c.Key) + " " + c.Value)) + "; refusals with no id: " + Interlocked.Read(ref refusedWithoutId));
            Console.WriteLine("tick lateness during the flood and its drain: " + Stats.Line(flooded) + " (" + flooded.Length + " ticks of " + config.TickPeriodMs + " ms)");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "telemetry received while flooding: {0} in {1:0.0} s (period {2} ms while charging)", telemetryDuring, sendS, config.Telemetry.ChargingPeriodMs));
            Console.WriteLine("relay still closed (charging): " + pod.Pod.Relay.ContactsClosed + "; process RSS " + rssBefore + " KiB before, " + HarnessProbes.RssKiB() + " KiB after; pod link inbound waits " + pod.Link.InboundWaitCount + ", dropped " + pod.Link.DroppedInboundCount);
            Console.WriteLine("pod counters: shed (busy, unverified, backlog above " + MessagingPump.ShedAboveWaiting + ") " + pod.Pump.ShedCount + ", busy unstored (shed or outbox full) " + pod.Pump.BusyUnstoredCount + ", link read pauses " + pod.Link.ReadPauseCount + ", results lost (outbox and link queue full) " + pod.Pump.LostResultCount
                + ", outbox overflow " + pod.Outbox.OverflowCount + ", unstored publishes " + pod.Publisher.UnstoredPublishCount + ", link connects " + pod.Link.ConnectAttempts + ", last error " + pod.Link.LastError);
            pod.StopCleanly();
            return missing == 0 && duplicates == 0 ? 0 : 1;
        }

        private sealed class SleepPause : IThreadPause
        {
            public void Pause(int milliseconds) => Thread.Sleep(milliseconds);
        }
    }
}
