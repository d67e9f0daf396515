using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Verbs;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// The soak of a virtual site, behind <c>./pod bench measure soak [--seconds N] [--pods N] [--seed N]</c> and, in a
    /// short form, <c>SiteSoakTests</c>: a virtual site (default 20 demo pods, each a
    /// <see cref="LivePod"/> on a real-time clock, stepped every 100 ms on one thread) for N seconds (default 60; 1800 for
    /// the full soak) while, at random: the broker is killed (SIGKILL; about once a minute, and at least once, a third of the way in; never within 1 s of a command) and restarted after 1 to 5 s, a pod's controller
    /// heartbeat stops and comes back, sessions start and stop, a pod trips (residual current while charging) and is
    /// reset. A back end (a reconnecting <see cref="MosquittoLink"/>) reads every pod's alarms, session records and
    /// command results. At the end, with the broker up: every pod's outbox has emptied (each record acknowledged by the
    /// broker), and the results read are counted per id (duplicates are allowed by the at-least-once contract and
    /// counted). Every 10 s it prints the process's RSS and thread count.
    /// </summary>
    public static class SiteSoak
    {
        // How long a pod's connection must have been up before commands are sent to it: its SUBSCRIBE goes out with the
        // connect, but the back end's publish travels on another connection and can reach the broker first.
        private const long SubscribeSettleMs = 1000;

        // A kill comes at least this long after the last command: a broker killed while it holds a command or its result
        // that it has already acknowledged loses it (nothing survives a SIGKILL), which no pod can prevent, and a result
        // resent after the restart can reach the broker before the back end's new subscription does.
        private const long KillAfterCommandMs = 1000;

        // Through the broker, as the back end sends them; only while both links are up and the pod's connection has
        // settled (a command published while the pod is away, or before its subscription is in place, is not kept for
        // it: its session is clean). The id waits in pending until the broker acknowledges the publish (TakeAcks): a
        // publish the back end's link loses with a killed broker never reached any pod.
        private static bool Send(LivePod pod, MosquittoLink backEnd, string json, Dictionary<int, string> pending, Dictionary<LivePod, (int Connection, long UpSinceMs)> links, long nowMs)
        {
            if (!pod.Link.IsConnected || !backEnd.IsConnected || !links.TryGetValue(pod, out var link) || link.UpSinceMs < 0 || nowMs - link.UpSinceMs < SubscribeSettleMs)
            {
                return false;
            }

            (byte[] envelope, string id) = pod.Pod.SignCommand(json);
            if (!backEnd.Publish(pod.Topics.Command, envelope, envelope.Length, 1, false, out int messageId))
            {
                return false;
            }

            pending[messageId] = pod.Topics.CommandResult + " " + id;
            return true;
        }

        // Moves each command the broker acknowledged from pending to the ids every one of which must get a result.
        private static void TakeAcks(MosquittoLink backEnd, Dictionary<int, string> pending, List<string> ids)
        {
            while (backEnd.TryTakeAck(out int messageId))
            {
                if (pending.Remove(messageId, out string key))
                {
                    ids.Add(key);
                }
            }
        }

        /// <summary>Runs the soak and writes the figures to <paramref name="output"/>; returns 0 when every outbox emptied and every command id was answered, else 1.</summary>
        /// <param name="configPath">The pod config every pod starts from (ids and spaces numbered on).</param>
        /// <param name="seconds">Length of the soak, in real seconds.</param>
        /// <param name="podCount">Pods of the site.</param>
        /// <param name="seed">Seed of the random events.</param>
        /// <param name="output">Where the figures go.</param>
        public static int Run(string configPath, int seconds, int podCount, int seed, TextWriter output)
        {
            var random = new Random(seed);
            using var broker = new MosquittoBroker();
            var clock = new RealTimeClock();
            var pods = new List<LivePod>();
            for (int i = 0; i < podCount; i++)
            {
                PodConfig config = ConfigFile.Load(configPath);
                config.PodId = RunVerb.NumberedId(config.PodId, i);
                config.ParkingSpace = Math.Min(9999, config.ParkingSpace + i);
                var pod = new LivePod(config, "127.0.0.1", broker.Port, clock);
                pod.Pod.Plug.Value = true;
                pod.Pod.DemandA = 16;
                pod.Start();
                pods.Add(pod);
            }

            var received = new ConcurrentDictionary<string, int>();
            using var backEnd = new MosquittoLink();
            backEnd.Subscribe("pods/+/alarm", 1);
            backEnd.Subscribe("pods/+/session", 1);
            backEnd.Subscribe("pods/+/cmd/result", 1);
            backEnd.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "soak-back-end", KeepAliveS = 5, ReconnectMinMs = 100, ReconnectMaxMs = 500 });
            var inbound = new MqttInboundMessage();
            var commandIds = new List<string>();
            var pending = new Dictionary<int, string>();
            var links = new Dictionary<LivePod, (int Connection, long UpSinceMs)>();
            int restarts = 0, heartbeatLosses = 0, starts = 0, stops = 0, trips = 0, resets = 0;
            var samples = new List<string>();
            var watch = Stopwatch.StartNew();
            long nextStepMs = 0, nextSampleMs = 0, brokerBackAtMs = -1, lastSendMs = long.MinValue / 2;
            long rssFirst = 0;

            // One step of every pod, then the back end's side: the acknowledged commands and every message read, by id.
            void StepAndRead()
            {
                foreach (LivePod p in pods)
                {
                    p.Step();
                }

                TakeAcks(backEnd, pending, commandIds);
                while (backEnd.TryTakeMessage(inbound))
                {
                    string id = HarnessProbes.Field(inbound.Payload.AsSpan(0, inbound.Length).ToArray(), "id");
                    received.AddOrUpdate(inbound.Topic + " " + id, 1, (_, n) => n + 1);
                }
            }

            while (watch.ElapsedMilliseconds < seconds * 1000L)
            {
                long now = watch.ElapsedMilliseconds;
                if (now >= nextSampleMs)
                {
                    long rss = HarnessProbes.RssKiB();
                    rssFirst = rssFirst == 0 ? rss : rssFirst;
                    samples.Add(string.Format(CultureInfo.InvariantCulture, "{0,5} s  RSS {1,7} KiB  threads {2,3}", now / 1000, rss, Process.GetCurrentProcess().Threads.Count));
                    nextSampleMs += 10000;
                }

                if (brokerBackAtMs >= 0 && now >= brokerBackAtMs)
                {
                    broker.Start();
                    brokerBackAtMs = -1;
                }
                else if (brokerBackAtMs < 0 && now - lastSendMs > KillAfterCommandMs && (random.Next(600) == 0 || (restarts == 0 && now > seconds * 1000L / 3)))
                {
                    broker.Stop();
                    restarts++;
                    brokerBackAtMs = now + 1000 + random.Next(4000);
                }

                foreach (LivePod p in pods)
                {
                    // up since when, in this connection (a new connect attempt number is a new connection, even between steps)
                    int connection = p.Link.ConnectAttempts;
                    if (!p.Link.IsConnected || !links.TryGetValue(p, out var known) || known.Connection != connection)
                    {
                        links[p] = p.Link.IsConnected ? (connection, now) : (-1, -1);
                    }
                }

                LivePod pod = pods[random.Next(pods.Count)];
                switch (random.Next(40))
                {
                    case 0:
                        pod.Pod.ControllerUp = !pod.Pod.ControllerUp;
                        heartbeatLosses += pod.Pod.ControllerUp ? 0 : 1;
                        break;
                    case 1:
                        lastSendMs = Send(pod, backEnd, "{\"type\":\"start\",\"account\":\"driver-1\"}", pending, links, now) ? now : lastSendMs;
                        starts++;
                        break;
                    case 2:
                        lastSendMs = Send(pod, backEnd, "{\"type\":\"stop\"}", pending, links, now) ? now : lastSendMs;
                        stops++;
                        break;
                    case 3:
                        if (pod.Pod.Relay.ContactsClosed)
                        {
                            pod.Pod.Rcd.Fault = RcdFault.Fault;
                            trips++;
                        }

                        break;
                    case 4:
                        if (pod.Pod.Rcd.Fault == RcdFault.Fault)
                        {
                            pod.Pod.Rcd.Fault = RcdFault.Ok;
                            lastSendMs = Send(pod, backEnd, "{\"type\":\"reset_fault\"}", pending, links, now) ? now : lastSendMs;
                            resets++;
                        }

                        break;
                }

                StepAndRead();
                nextStepMs += 100;
                long wait = nextStepMs - watch.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)wait);
                }
            }

            // Settle with the broker up and every heartbeat back: outboxes empty, every command answered.
            if (brokerBackAtMs >= 0)
            {
                broker.Start();
            }

            foreach (LivePod p in pods)
            {
                p.Pod.ControllerUp = true;
            }

            bool settled = true;
            try
            {
                HarnessProbes.Until(() =>
                {
                    StepAndRead();
                    Thread.Sleep(100);
                    return pods.All(p => p.Outbox.Count == 0) && commandIds.All(key => received.ContainsKey(key));
                }, 60000, "outboxes empty and every command answered");
            }
            catch (TimeoutException e)
            {
                settled = false;
                output.WriteLine(e.Message);
            }

            long rssLast = HarnessProbes.RssKiB();
            int unanswered = commandIds.Count(key => !received.ContainsKey(key));
            output.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version + ", load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            output.WriteLine(podCount + " pods, " + seconds + " s: broker killed and restarted " + restarts + " times, heartbeat lost " + heartbeatLosses + " times, " + starts + " starts, " + stops + " stops, " + trips + " trips, " + resets + " resets");
            output.WriteLine("received: " + received.Count(k => k.Key.Contains("/alarm ", StringComparison.Ordinal)) + " alarms, " + received.Count(k => k.Key.Contains("/session ", StringComparison.Ordinal)) + " session records, "
                + received.Count(k => k.Key.Contains("/cmd/result ", StringComparison.Ordinal)) + " command results (distinct ids); delivered more than once: " + received.Count(k => k.Value > 1));
            output.WriteLine("commands answered: " + (commandIds.Count - unanswered) + " of " + commandIds.Count + " the broker acknowledged (" + pending.Count + " more lost before the broker took them); outboxes empty: " + pods.All(p => p.Outbox.Count == 0)
                + "; records damaged or discarded: " + pods.Sum(p => p.Outbox.DamagedCount + p.Outbox.DiscardedCorruptCount) + "; outbox overflow: " + pods.Sum(p => p.Outbox.OverflowCount));
            output.WriteLine("RSS " + rssFirst + " KiB at the start, " + rssLast + " KiB at the end; samples:");
            foreach (string sample in samples)
            {
                output.WriteLine("  " + sample);
            }

            foreach (LivePod p in pods)
            {
                p.Dispose();
            }

            return settled && unanswered == 0 ? 0 : 1;
        }
    }
}
