using System;
using System.IO;
using System.Threading;
using PodFirmware.Core.Config;
using PodFirmware.Core.Scenarios;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Mqtt;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using PodFirmware.Host.Watch;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary><c>./pod watch --plain</c> against a real broker: three pods of a site, one of another site, an alarm on one.</summary>
    public sealed class WatchTests
    {
        private sealed class SyncWriter : StringWriter
        {
            public override void WriteLine(string value)
            {
                lock (this)
                {
                    base.WriteLine(value);
                }
            }

            public string Text()
            {
                lock (this)
                {
                    return ToString();
                }
            }
        }

        private static PodConfig Config(string pod, string site, int space)
        {
            PodConfig config = LivePodRig.LoadDemoConfig();
            config.PodId = pod;
            config.SiteId = site;
            config.ParkingSpace = space;
            return config;
        }

        [Fact]
        public void The_plain_view_shows_every_pod_of_the_site_and_the_alarm_of_the_one_that_tripped()
        {
            using var broker = new MosquittoBroker();
            var pods = new[]
            {
                new LivePod(Config("pod-017", "site-a", 17), "127.0.0.1", broker.Port),
                new LivePod(Config("pod-018", "site-a", 18), "127.0.0.1", broker.Port),
                new LivePod(Config("pod-019", "site-a", 19), "127.0.0.1", broker.Port),
                new LivePod(Config("pod-099", "site-b", 99), "127.0.0.1", broker.Port),
            };
            var output = new SyncWriter();
            using var stop = new CancellationTokenSource();
            int watchResult = -1;
            var watch = new Thread(() => watchResult = WatchVerb.Run("127.0.0.1:" + broker.Port, "site-a", true, output, TextWriter.Null, stop.Token)) { IsBackground = true };
            watch.Start();
            try
            {
                foreach (LivePod pod in pods)
                {
                    pod.Start();
                }

                void StepUntil(Func<bool> done, string what)
                {
                    Wait.Until(() =>
                    {
                        foreach (LivePod pod in pods)
                        {
                            pod.Step();
                        }

                        return done();
                    }, LivePodRig.SoonMs * 3, what, output.Text);
                }

                StepUntil(() => output.Text().Contains("pod-017") && output.Text().Contains("pod-018") && output.Text().Contains("pod-019") && output.Text().Contains("online"), "the watcher shows the three pods of site-a");
                StepUntil(() => output.Text().Contains("beat ok"), "the watcher hears the pods' heartbeat frames");
                pods[1].Pod.Apply(ScenarioParser.Parse("0 temp_c 170")[0]);
                StepUntil(() => output.Text().Contains("alarm ConnectorTemperatureCeiling"), "the watcher shows pod-018's alarm");

                string text = output.Text();
                Assert.DoesNotContain("pod-099", text);
                string alarmLine = Array.Find(text.Split('\n'), l => l.Contains("alarm ConnectorTemperatureCeiling", StringComparison.Ordinal));
                Assert.StartsWith("pod-018", alarmLine);
                Assert.Contains("space 18", alarmLine);
                Assert.Contains("space 17", text);
                Assert.Contains("space 19", text);
            }
            finally
            {
                stop.Cancel();
                Assert.True(watch.Join(LivePodRig.SoonMs), "the watcher stops when cancelled");
                Assert.Equal(0, watchResult);
                foreach (LivePod pod in pods)
                {
                    pod.Dispose();
                }
            }
        }

        [Fact]
        public void Pod_run_with_three_pods_shows_all_three_and_the_first_pods_trip_on_its_line_in_the_plain_watch()
        {
            string scenario = Path.Combine(Path.GetTempPath(), "pod-fleet-" + Guid.NewGuid().ToString("N") + ".txt");
            // Each pod plays it 7 s after the previous one: pod-017 trips at 4 s, pod-018 at 11 s, pod-019 at 18 s.
            File.WriteAllText(scenario, "0 temp_c 25\n0 voltage_v 230\n4000 temp_c 170\n");
            var output = new SyncWriter();
            using var stop = new CancellationTokenSource();
            using var run = new PodHostProcess("run", "--pods", "3", "--scenario", scenario, "--seconds", "60");
            Thread watch = null;
            try
            {
                System.Text.RegularExpressions.Match port = null;
                Wait.Until(() => (port = System.Text.RegularExpressions.Regex.Match(run.Output(), @"--broker (127\.0\.0\.1:\d+) --site site-a")).Success, 30000, "pod run announces three pods and the watch line", run.Output);
                watch = new Thread(() => WatchVerb.Run(port.Groups[1].Value, "site-a", true, output, TextWriter.Null, stop.Token)) { IsBackground = true };
                watch.Start();
                Wait.Until(() => output.Text().Contains("pod-017") && output.Text().Contains("pod-018") && output.Text().Contains("pod-019"), 30000, "the watcher shows all three pods", output.Text);
                // pod-017's trip shows on its own line: as its latched fault from the retained status, and as its alarm
                // too when the watcher was already listening 4 s into the run
                Wait.Until(() => Array.Exists(output.Text().Split('\n'), l => l.StartsWith("pod-017 ", StringComparison.Ordinal) && l.Contains("fault ConnectorTemperatureCeiling", StringComparison.Ordinal)),
                    30000, "pod-017's line shows its latched fault", output.Text);
                // a live alarm is shown as it arrives: pod-017's, or pod-018's 11 s into the run on a slow machine
                Wait.Until(() => output.Text().Contains("alarm ConnectorTemperatureCeiling"), 30000, "the watcher shows an alarm", output.Text);
                string text = output.Text();
                Assert.Contains("space 18", text);
                Assert.Contains("space 19", text);
            }
            finally
            {
                stop.Cancel();
                watch?.Join(LivePodRig.SoonMs);
                File.Delete(scenario);
            }
        }

        [Theory]
        [InlineData("pod-017", 0, "pod-017")]
        [InlineData("pod-017", 2, "pod-019")]
        [InlineData("pod-099", 1, "pod-100")]
        [InlineData("pod", 1, "pod-2")]
        [InlineData("p7", 3, "p10")]
        public void Pods_of_a_run_are_numbered_on_from_the_config_s_id(string baseId, int index, string expected)
        {
            Assert.Equal(expected, RunVerb.NumberedId(baseId, index));
        }

        [Fact]
        public void A_broker_without_a_port_is_refused()
        {
            var error = new StringWriter();
            Assert.Equal(2, WatchVerb.Run("localhost", "site-a", true, TextWriter.Null, error, CancellationToken.None));
            Assert.Contains("--broker must be HOST:PORT", error.ToString());
        }

        [Fact]
        public void A_status_of_another_site_is_left_out_and_a_broken_payload_ignored()
        {
            var watch = new SiteWatch("site-a");
            Assert.Null(watch.Receive("pods/p-2/status", "{\"site\":\"site-b\",\"space\":2}", 0));
            Assert.Null(watch.Receive("pods/p-2/availability", "online", 0));
            Assert.Null(watch.Receive("pods/p-1/status", "{not json", 0));
            Assert.StartsWith("p-1", watch.Receive("pods/p-1/status", "{\"site\":\"site-a\",\"space\":1,\"connector\":\"Available\",\"fault\":null}", 0));
            Assert.Contains("alarm OverCurrent 0s ago", watch.Receive("site/site-a/alarm", "{\"pod\":\"p-1\",\"space\":1,\"code\":\"OverCurrent\"}", 1000));
            Assert.Contains("alarm OverCurrent 3s ago", SiteWatch.Line(watch.Pods[0], 4000));
            Assert.Single(watch.Pods);
        }
    }
}
