using System;
using System.Diagnostics;
using System.IO;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary>
    /// <c>./pod run --console</c> end to end: the real host program with a live pod on a private broker, driven through
    /// its stdin and read from its stdout, as a technician at the serial port would: every command, each refusal, an
    /// oversized line, a config set refused and one saved.
    /// </summary>
    public sealed class RunConsoleTests : IDisposable
    {
        private const int WaitMs = 30000;
        private readonly string _dir = Directory.CreateTempSubdirectory("pod-console-").FullName;
        private PodHostProcess _pod;

        public void Dispose()
        {
            _pod?.Dispose();
            Directory.Delete(_dir, true);
        }

        private string Output() => _pod.Output();

        private void Start(string config, string scenario)
        {
            string configPath = Path.Combine(_dir, "pod.json");
            string scenarioPath = Path.Combine(_dir, "scenario.txt");
            File.WriteAllText(configPath, config);
            File.WriteAllText(scenarioPath, scenario);
            _pod = new PodHostProcess("run", "--console", "--config", configPath, "--scenario", scenarioPath, "--seconds", "120");
        }

        // Types a line and waits for `expected` in what the console printed after it.
        private string Type(string line, string expected)
        {
            int from = Output().Length;
            _pod.Type(line);
            Wait.Until(() => Output().IndexOf(expected, from, StringComparison.Ordinal) >= 0, WaitMs, "the console answers '" + line + "' with '" + expected + "'", () => Output().Substring(from));
            string answer = Output().Substring(from);
            return answer;
        }

        // Re-types a line (at most every 200 ms) until the answer holds `expected`: for states the scenario reaches in real time.
        private void TypeUntil(string line, string expected)
        {
            int from = Output().Length;
            var last = Stopwatch.StartNew();
            _pod.Type(line);
            Wait.Until(() =>
            {
                if (Output().IndexOf(expected, from, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }

                if (last.ElapsedMilliseconds >= 200)
                {
                    last.Restart();
                    _pod.Type(line);
                }

                return false;
            }, WaitMs, "the console answers '" + line + "' with '" + expected + "'", () => Output().Substring(from));
        }

        private static string DemoConfig => File.ReadAllText(Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json"));

        [Fact]
        public void Every_command_answers_through_stdin_and_stdout_and_a_config_set_is_refused_or_saved()
        {
            // The connector overheats at once and cools after 8 s (past the 5 s tolerance): a fault to read and to reset locally.
            Start(DemoConfig, "0 temp_c 130\n0 voltage_v 230\n8000 temp_c 25\n");
            Wait.Until(() => Output().Contains("private broker on"), WaitMs, "pod-host starts", Output);

            string help = Type("help", "bench lock wheel|cable lock|unlock");
            foreach (string command in new[] { "status", "sensors", "faults", "config show", "config get KEY", "config set KEY VALUE", "reset-fault", "log [N]", "bench relay on|off" })
            {
                Assert.Contains(command, help);
            }

            Assert.Contains("line longer than 120 characters ignored; type help", Type(new string('z', 300), "ignored"));
            Assert.Contains("unknown command 'frob'; type help", Type("frob", "unknown command"));
            Assert.Contains("usage: config show | config get KEY | config set KEY VALUE", Type("config get", "usage: config"));
            Assert.Contains("usage: bench relay on|off", Type("bench relay", "usage: bench"));
            Assert.Contains("usage: log [N]", Type("log 1000", "usage: log"));

            Assert.Contains("pod pod-017  site site-a  space 17", Type("status", "bench mode off"));
            string sensors = Type("sensors", "inputs ");
            Assert.Contains("temperature  ", sensors);
            Assert.Contains(" raw ", sensors);
            Assert.Contains("voltage      ", sensors);

            TypeUntil("faults", "latched Connector");
            Assert.Contains("  remedy: ", Type("faults", "recent log:"));
            Assert.Contains("refused: not in bench mode", Type("bench relay on", "refused"));
            Assert.Contains("refused: not in bench mode", Type("bench lock wheel unlock", "refused"));

            TypeUntil("sensors", "temperature  25.0 C");
            Assert.Contains("reset-fault: done", Type("reset-fault", "reset-fault: "));
            Assert.Contains("no fault latched or active", Type("faults", "recent log:"));
            Assert.Contains("reset-fault: refused, nothing_latched: No fault is latched.", Type("reset-fault", "reset-fault: refused"));
            Assert.Contains("console: reset-fault requested locally", Type("log 20", "console: reset-fault: done"));

            string configPath = Path.Combine(_dir, "pod.json");
            Assert.Contains("mqtt.port = 1883", Type("config get mqtt.port", "mqtt.port"));
            Assert.Contains("\"podId\": \"pod-017\"", Type("config show", "keyHex"));
            string refused = Type("config set tickPeriodMs 5", "is 5 ms");
            Assert.Contains("refused, nothing saved:", refused);
            Assert.Contains("  tickPeriodMs: must be between 20 ms and 1000 ms, is 5 ms", refused);
            Assert.Contains("refused: benchMode cannot be set from the console", Type("config set benchMode true", "refused"));
            Assert.Equal(DemoConfig, File.ReadAllText(configPath));

            Assert.Contains("saved mqtt.port = 1884; reboot to apply", Type("config set mqtt.port 1884", "saved"));
            Assert.Contains("mqtt.port = 1884", Type("config get mqtt.port", "mqtt.port"));
            var saved = PodFirmware.Host.Configuration.ConfigFile.Load(configPath);
            Assert.Equal(1884, saved.Mqtt.Port);
            Assert.Equal("pod-017", saved.PodId);

            // The end of stdin ends the run cleanly.
            _pod.Process.StandardInput.Close();
            Assert.True(_pod.WaitForExit(WaitMs), "pod-host exits when stdin ends");
            Assert.Equal(0, _pod.Process.ExitCode);
            Assert.Contains("stopped: pod offline, broker down", Output());
        }
    }
}
