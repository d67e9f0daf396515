using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PodFirmware.Core.Config;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Verbs;

namespace PodFirmware.Bench.Measure
{
    /// <summary>
    /// <c>./pod bench measure scale [--pods N] [--processes M] [--seconds N] [--phones N] [--alarms N]</c>: N virtual pods of one site
    /// in this process (each a <see cref="LivePod"/> with its own libmosquitto link, all charging, so each publishes
    /// telemetry every second and its status on change) against one private mosquitto, stepped every
    /// <c>tickPeriodMs</c> on one thread. Over the measured window: the process's CPU time and resident memory per pod,
    /// the broker's messages received and sent per second (its <c>$SYS</c> counters), how many steps of all pods a
    /// second the thread achieved; then alarms published on <c>site/{siteId}/alarm</c> (QoS 1) and the time until
    /// each of N pod-side subscriptions plus the phones (raw subscribers, one connection each) has it: p50 and p99
    /// over all receivers, and the time until the last one. <c>--processes M</c> runs the pods in M child processes.
    /// </summary>
    public static class ScaleHarness
    {
        /// <summary>Runs the measurement and prints the figures; returns the exit code.</summary>
        public static int Run(string[] args)
        {
            int podCount = Stats.Option(args, "--pods", 100);
            int seconds = Stats.Option(args, "--seconds", 20);
            int phones = Stats.Option(args, "--phones", 100);
            int alarms = Stats.Option(args, "--alarms", 20);
            string configPath = Path.Combine(LatencyHarness.FindRoot(), "nf-device-config", "pods", "pod-demo.json");
            int processes = Stats.Option(args, "--processes", 1);
            if (Array.IndexOf(args, "--pods-only") >= 0)
            {
                return RunPods(configPath, Stats.Option(args, "--broker-port", 0), Stats.Option(args, "--first-index", 0), podCount, seconds);
            }

            if (processes > 1)
            {
                return RunSplit(configPath, podCount, processes, seconds, phones, alarms);
            }

            using var broker = new MosquittoBroker(null, null, null, "sys_interval 1\nmax_connections -1\n");
            long rssStart = HarnessProbes.RssKiB();
            var clock = new RealTimeClock();
            var pods = new List<LivePod>();
            string site = null;
            for (int i = 0; i < podCount; i++)
            {
                PodConfig config = ConfigFile.Load(configPath);
                config.PodId = RunVerb.NumberedId(config.PodId, i);
                config.ParkingSpace = Math.Min(9999, config.ParkingSpace + i);
                site = config.SiteId;
                var pod = new LivePod(config, "127.0.0.1", broker.Port, clock);
                pod.Pod.Plug.Value = true;
                pod.Pod.DemandA = 16;
                pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"driver-" + i + "\"}");
                pod.Start();
                pods.Add(pod);
            }

            using var sys = new BrokerMessageCounters(broker.Port);

            int period = pods[0].Config.TickPeriodMs;
            bool stop = false;
            long steps = 0;
            var stepper = new Thread(() => StepAll(pods, ref stop, ref steps)) { IsBackground = true, Name = "pods" };
            stepper.Start();
            var started = Stopwatch.StartNew();
            HarnessProbes.Until(() =>
            {
                Thread.Sleep(200);
                return pods.All(p => p.Link.IsConnected && p.Pod.Relay.ContactsClosed);
            }, 300000, "every pod connects and charges", () =>
            {
                LivePod first = pods.FirstOrDefault(p => !p.Link.IsConnected);
                return pods.Count(p => p.Link.IsConnected) + " connected, " + pods.Count(p => p.Pod.Relay.ContactsClosed) + " charging"
                    + (first == null ? "" : "; " + first.Config.PodId + ": " + first.Link.ConnectAttempts + " attempts, last error " + first.Link.LastError)
                    + "; broker: " + broker.Stderr;
            });
            var connectedAfter = started.Elapsed;
            Thread.Sleep(3000);

            var process = Process.GetCurrentProcess();
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long received0 = sys.Received, sent0 = sys.Sent, steps0 = Interlocked.Read(ref steps);
            var window = Stopwatch.StartNew();
            Thread.Sleep(seconds * 1000);
            process.Refresh();
            double wall = window.Elapsed.TotalSeconds;
            double cpuS = (process.TotalProcessorTime - cpu0).TotalSeconds;
            double received = (sys.Received - received0) / wall;
            double sent = (sys.Sent - sent0) / wall;
            double stepRate = (Interlocked.Read(ref steps) - steps0) / wall;
            long rss = HarnessProbes.RssKiB();

            // Fan-out of one site alarm: a subscription per pod and the phones.
            var arrivals = new long[podCount + phones];
            var receivers = new List<RawMqttClient>();
            long published = 0;
            int got = 0;
            for (int i = 0; i < podCount + phones; i++)
            {
                int index = i;
                var client = new RawMqttClient(broker.Port, (i < podCount ? "pod-sub-" : "phone-") + i, (topic, payload, at) =>
                {
                    arrivals[index] = at;
                    Interlocked.Increment(ref got);
                });
                client.Subscribe("site/" + site + "/alarm", 1);
                receivers.Add(client);
            }

            using var alarmSource = new RawMqttClient(broker.Port, "alarm-source", null);
            var all = new List<double>();
            var last = new List<double>();
            byte[] alarm = Encoding.UTF8.GetBytes("{\"id\":\"scale-1\",\"event\":\"alarm\",\"level\":\"alarm\",\"code\":\"GroundFailure\"}");
            for (int a = 0; a < alarms; a++)
            {
                Array.Clear(arrivals);
                Interlocked.Exchange(ref got, 0);
                published = Stopwatch.GetTimestamp();
                alarmSource.Publish("site/" + site + "/alarm", alarm, 1);
                HarnessProbes.Until(() => Volatile.Read(ref got) >= podCount + phones, 30000, "alarm " + a + " reaches every receiver", () => got + " of " + (podCount + phones));
                double[] ms = arrivals.Select(t => Stats.Ms(published, t)).ToArray();
                all.AddRange(ms);
                last.Add(ms.Max());
                Thread.Sleep(200);
            }

            Volatile.Write(ref stop, true);
            stepper.Join();
            Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version + ", load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "all {0} pods connected and charging {1:0.0} s after the start", podCount, connectedAfter.TotalSeconds));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "pods: {0}, all charging; window {1:0.0} s; steps of all pods: {2:0.0} per s (target {3:0.0})", podCount, wall, stepRate, 1000.0 / period));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "CPU: {0:0.00} cores for the process, {1:0.000} ms of CPU per pod per second", cpuS / wall, cpuS / wall / podCount * 1000));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "memory: RSS {0} KiB before the pods, {1} KiB with them: {2:0} KiB per pod", rssStart, rss, (rss - rssStart) / (double)podCount));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "broker: {0:0} messages received per s, {1:0} sent per s", received, sent));
            Console.WriteLine("site alarm to " + podCount + " pod subscriptions + " + phones + " phones, " + alarms + " alarms: every receiver " + Stats.Line(all) + "; the last receiver of each alarm " + Stats.Line(last));
            foreach (RawMqttClient client in receivers)
            {
                client.Dispose();
            }

            foreach (LivePod pod in pods)
            {
                pod.Dispose();
            }

            return 0;
        }
            // One child of --processes: pods [first, first + count) against the parent's broker; prints "ready" once all
        // charge, then after the window one line with its CPU and memory per pod.
        private static int RunPods(string configPath, int port, int first, int count, int seconds)
        {
            long rssStart = HarnessProbes.RssKiB();
            var clock = new RealTimeClock();
            var pods = new List<LivePod>();
            for (int i = first; i < first + count; i++)
            {
                PodConfig config = ConfigFile.Load(configPath);
                config.PodId = RunVerb.NumberedId(config.PodId, i);
                config.ParkingSpace = Math.Min(9999, config.ParkingSpace + i);
                var pod = new LivePod(config, "127.0.0.1", port, clock);
                pod.Pod.Plug.Value = true;
                pod.Pod.DemandA = 16;
                pod.Pod.SendCommand("{\"type\":\"start\",\"account\":\"driver-" + i + "\"}");
                pod.Start();
                pods.Add(pod);
            }

            bool stop = false;
            long steps = 0;
            var stepper = new Thread(() => StepAll(pods, ref stop, ref steps)) { IsBackground = true };
            stepper.Start();
            HarnessProbes.Until(() =>
            {
                Thread.Sleep(200);
                return pods.All(p => p.Link.IsConnected && p.Pod.Relay.ContactsClosed);
            }, 300000, "every pod connects and charges");
            Console.WriteLine("ready");
            Console.Out.Flush();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long steps0 = Interlocked.Read(ref steps);
            var window = Stopwatch.StartNew();
            Thread.Sleep(seconds * 1000);
            process.Refresh();
            double wall = window.Elapsed.TotalSeconds;
            double cpuS = (process.TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "child {0} {1:0.000} {2:0} {3:0.0}", count, cpuS / wall / count * 1000, (HarnessProbes.RssKiB() - rssStart) / (double)count, (Interlocked.Read(ref steps) - steps0) / wall));
            Console.Out.Flush();
            Volatile.Write(ref stop, true);
            stepper.Join();
            foreach (LivePod pod in pods)
            {
                pod.Dispose();
            }

            return 0;
        }

        private static void StepAll(List<LivePod> pods, ref bool stop, ref long steps)
        {
            int period = pods[0].Config.TickPeriodMs;
            var watch = Stopwatch.StartNew();
            long next = 0;
            while (!Volatile.Read(ref stop))
            {
                foreach (LivePod pod in pods)
                {
                    pod.Step();
                }

                Interlocked.Increment(ref steps);
                next += period;
                long wait = next - watch.ElapsedMilliseconds;
                if (wait > 0)
                {
                    Thread.Sleep((int)wait);
                }
                else if (-wait > period)
                {
                    next = watch.ElapsedMilliseconds;
                }
            }
        }

        // --processes M: the pods split over M child processes (one host process holds about 230 libmosquitto links:
        // mosquitto_loop's select() refuses descriptors from 1024 on); the broker, $SYS counters and the alarm fan-out here.
        private static int RunSplit(string configPath, int podCount, int processes, int seconds, int phones, int alarms)
        {
            using var broker = new MosquittoBroker(null, null, null, "sys_interval 1\nmax_connections -1\n");
            string site = ConfigFile.Load(configPath).SiteId;
            var children = new List<Process>();
            var lines = new List<string>();
            int ready = 0;
            int per = (podCount + processes - 1) / processes;
            for (int c = 0; c < processes; c++)
            {
                int count = Math.Min(per, podCount - (c * per));
                var start = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                foreach (string a in new[] { typeof(ScaleHarness).Assembly.Location, "measure", "scale", "--pods-only", "--broker-port", broker.Port.ToString(CultureInfo.InvariantCulture),
                    "--first-index", (c * per).ToString(CultureInfo.InvariantCulture), "--pods", count.ToString(CultureInfo.InvariantCulture), "--seconds", (seconds + 10).ToString(CultureInfo.InvariantCulture) })
                {
                    start.ArgumentList.Add(a);
                }

                Process child = Process.Start(start);
                child.OutputDataReceived += (_, e) =>
                {
                    if (e.Data == "ready")
                    {
                        Interlocked.Increment(ref ready);
                    }
                    else if (e.Data != null && e.Data.StartsWith("child ", StringComparison.Ordinal))
                    {
                        lock (lines)
                        {
                            lines.Add(e.Data);
                        }
                    }
                };
                child.BeginOutputReadLine();
                children.Add(child);
            }

            HarnessProbes.Until(() =>
            {
                Thread.Sleep(200);
                return Volatile.Read(ref ready) == processes;
            }, 600000, "every child's pods charge");
            Thread.Sleep(3000);
            using var sys = new BrokerMessageCounters(broker.Port);
            Thread.Sleep(2000);
            long received0 = sys.Received, sent0 = sys.Sent;
            var window = Stopwatch.StartNew();
            Thread.Sleep(Math.Max(5, seconds / 2) * 1000);
            double wall = window.Elapsed.TotalSeconds;
            double received = (sys.Received - received0) / wall;
            double sent = (sys.Sent - sent0) / wall;
            (List<double> all, List<double> last) = FanOut(broker.Port, site, podCount, phones, alarms);
            foreach (Process child in children)
            {
                // without the second wait the asynchronous reader may not have delivered the child's last lines yet
                if (child.WaitForExit(120000))
                {
                    child.WaitForExit();
                }
            }

            Console.WriteLine("machine: " + Environment.ProcessorCount + " cores, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET " + Environment.Version + ", load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0]);
            Console.WriteLine("pods: " + podCount + " in " + processes + " processes, all charging; per process (pods, CPU ms per pod per s, RSS KiB per pod, steps per s): " + string.Join(" | ", lines.Select(l => l.Substring(6))));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "broker: {0:0} messages received per s, {1:0} sent per s", received, sent));
            Console.WriteLine("site alarm to " + podCount + " pod subscriptions + " + phones + " phones, " + alarms + " alarms: every receiver " + Stats.Line(all) + "; the last receiver of each alarm " + Stats.Line(last));
            return 0;
        }

        private static (List<double> All, List<double> Last) FanOut(int port, string site, int podCount, int phones, int alarms)
        {
            var arrivals = new long[podCount + phones];
            var receivers = new List<RawMqttClient>();
            int got = 0;
            for (int i = 0; i < podCount + phones; i++)
            {
                int index = i;
                var client = new RawMqttClient(port, (i < podCount ? "pod-sub-" : "phone-") + i, (topic, payload, at) =>
                {
                    arrivals[index] = at;
                    Interlocked.Increment(ref got);
                });
                client.Subscribe("site/" + site + "/alarm", 1);
                receivers.Add(client);
            }

            using var alarmSource = new RawMqttClient(port, "alarm-source", null);
            var all = new List<double>();
            var last = new List<double>();
            byte[] alarm = Encoding.UTF8.GetBytes("{\"id\":\"scale-1\",\"event\":\"alarm\",\"level\":\"alarm\",\"code\":\"GroundFailure\"}");
            for (int a = 0; a < alarms; a++)
            {
                Array.Clear(arrivals);
                Interlocked.Exchange(ref got, 0);
                long published = Stopwatch.GetTimestamp();
                alarmSource.Publish("site/" + site + "/alarm", alarm, 1);
                HarnessProbes.Until(() => Volatile.Read(ref got) >= podCount + phones, 30000, "alarm " + a + " reaches every receiver", () => got + " of " + (podCount + phones));
                double[] ms = arrivals.Select(t => Stats.Ms(published, t)).ToArray();
                all.AddRange(ms);
                last.Add(ms.Max());
                Thread.Sleep(200);
            }

            foreach (RawMqttClient client in receivers)
            {
                client.Dispose();
            }

            return (all, last);
        }
    }
}
