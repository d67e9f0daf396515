using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Issue #5: the pod's own Last Will after kill -9. The pod is a real process, <c>pod-host run</c> (the live wiring
    /// of RunVerb: VirtualPod, outbox, pump and MosquittoLink with the Will), on the private broker it starts itself;
    /// this test subscribes late, then SIGKILLs the pod process and expects the broker to publish the retained "offline".
    /// </summary>
    public sealed class PodProcessLastWillTests
    {
        private const int StartupMs = 30000;

        [Fact]
        public void After_the_pod_process_is_killed_with_SIGKILL_the_broker_publishes_its_retained_offline_will()
        {
            string scenario = Path.Combine(Path.GetTempPath(), "pod-will-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(scenario, "0 plug in\n");
            var info = new ProcessStartInfo(MosquittoBroker.FindExecutable("dotnet", "/usr/bin/dotnet"))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "pod-host.dll"), "run", "--config", LivePodRig.DemoConfigPath, "--scenario", scenario, "--seconds", "60" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["POD_REPO"] = RepoPaths.Root;
            var output = new StringBuilder();
            using var pod = new Process { StartInfo = info };
            pod.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            pod.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            int brokerPid = 0;
            BackEndClient late = null;
            try
            {
                pod.Start();
                pod.BeginOutputReadLine();
                pod.BeginErrorReadLine();
                string Output()
                {
                    lock (output)
                    {
                        return output.ToString();
                    }
                }

                Match port = null;
                Wait.Until(() => (port = Regex.Match(Output(), @"private broker on 127\.0\.0\.1:(\d+)")).Success, StartupMs, "pod-host announces its broker", Output);
                brokerPid = ChildMosquittoPid(pod.Id);
                Assert.True(brokerPid > 0, "the pod's broker is a child mosquitto process");

                // The live pod prints the watcher's view: once it shows the plugged-in connector, status is retained.
                Wait.Until(() => Output().Contains("Preparing", StringComparison.Ordinal), StartupMs, "the pod reports Preparing", Output);
                late = new BackEndClient(int.Parse(port.Groups[1].Value), "late-subscriber", "pods/pod-017/status", "pods/pod-017/availability");
                Wait.Until(() => late.On("pods/pod-017/availability").Count > 0 && late.On("pods/pod-017/status").Count > 0, LivePodRig.SoonMs, "retained status and availability arrive");
                Assert.Equal("online", late.On("pods/pod-017/availability").Last().Text);
                // The live demo moves on while we subscribe (plugged, then charging), so the retained document may be any
                // of those; what matters is that a late subscriber gets a whole status of this pod at once.
                JsonObject status = late.On("pods/pod-017/status")[0].Json;
                Assert.Equal("pod-017", (string)status["pod"]);
                Assert.Contains((string)status["connector"], new[] { "Available", "Preparing", "Charging", "SuspendedEV" });
                Assert.Contains((string)status["relay"], new[] { "open", "closed" });
                Assert.Null(status["fault"]);

                pod.Kill(); // SIGKILL to the pod process only: no DISCONNECT; its broker keeps running.
                pod.WaitForExit();

                Wait.Until(() => late.On("pods/pod-017/availability").Any(m => m.Text == "offline"), LivePodRig.SoonMs, "the Will says offline");
                Assert.Equal("offline", late.On("pods/pod-017/availability").Last().Text);
                using var later = new BackEndClient(int.Parse(port.Groups[1].Value), "later-subscriber", "pods/pod-017/availability");
                Wait.Until(() => later.On("pods/pod-017/availability").Count > 0, LivePodRig.SoonMs, "the retained Will reaches a later subscriber");
                Assert.Equal("offline", later.On("pods/pod-017/availability")[0].Text);
            }
            finally
            {
                late?.Dispose();
                if (!pod.HasExited)
                {
                    pod.Kill(true);
                }

                if (brokerPid > 0)
                {
                    try
                    {
                        using Process broker = Process.GetProcessById(brokerPid);
                        broker.Kill();
                        broker.WaitForExit();
                    }
                    catch (ArgumentException)
                    {
                    }
                }

                File.Delete(scenario);
            }
        }

        /// <summary>The pid of the mosquitto process whose parent is <paramref name="parentPid"/>, or 0.</summary>
        private static int ChildMosquittoPid(int parentPid)
        {
            foreach (string dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int pid))
                {
                    continue;
                }

                try
                {
                    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                    string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    int close = stat.LastIndexOf(')');
                    string comm = stat.Substring(stat.IndexOf('(') + 1, close - stat.IndexOf('(') - 1);
                    string[] rest = stat.Substring(close + 2).Split(' ');
                    if (comm == "mosquitto" && int.Parse(rest[1]) == parentPid)
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                }
            }

            return 0;
        }
    }
}
