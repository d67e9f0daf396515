using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.PodConsole;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary>
    /// <c>./pod console</c> attached to the socket of a pod that <c>./pod run</c> runs with its live view: the real host
    /// program in a process, the client in this one; a detach and a second attach; no pod to attach to.
    /// </summary>
    public sealed class ConsoleAttachTests : IDisposable
    {
        private const int WaitMs = 30000;
        private readonly string _dir = Directory.CreateTempSubdirectory("pod-attach-").FullName;
        private readonly StringBuilder _output = new StringBuilder();
        private Process _pod;

        public void Dispose()
        {
            if (_pod != null && !_pod.HasExited)
            {
                _pod.Kill(true);
            }

            _pod?.Dispose();
            Directory.Delete(_dir, true);
        }

        private string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        // Attaches, types the lines, and returns every answer once the console detached at the end of the input.
        private static string Attach(string path, string lines)
        {
            var output = new MemoryStream();
            int code = ConsoleVerb.Run(path, new MemoryStream(Encoding.UTF8.GetBytes(lines)), output, TextWriter.Null);
            Assert.Equal(0, code);
            return Encoding.UTF8.GetString(output.ToArray());
        }

        [Fact]
        public void A_console_attaches_to_a_running_pod_answers_and_detaches_and_a_second_one_attaches()
        {
            // An id of this test run: the socket lives in the shared temporary directory.
            string podId = "pod-t" + Environment.ProcessId;
            string config = File.ReadAllText(Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json")).Replace("\"pod-017\"", "\"" + podId + "\"");
            string configPath = Path.Combine(_dir, "pod.json");
            string scenarioPath = Path.Combine(_dir, "scenario.txt");
            File.WriteAllText(configPath, config);
            File.WriteAllText(scenarioPath, "0 voltage_v 230\n");
            var info = new ProcessStartInfo(MosquittoBroker.FindExecutable("dotnet", "/usr/bin/dotnet"))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "pod-host.dll"), "run", "--config", configPath, "--scenario", scenarioPath, "--seconds", "120" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["POD_REPO"] = RepoPaths.Root;
            _pod = new Process { StartInfo = info };
            _pod.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _pod.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _pod.Start();
            _pod.BeginOutputReadLine();
            _pod.BeginErrorReadLine();
            Wait.Until(() => Output().Contains("its serial console: ./pod console --pod " + podId), WaitMs, "pod run names its console", Output);

            string path = ConsoleServer.DefaultPath(podId);
            // The reset goes to the tick; its answer comes after the input ended, before the console detaches.
            string first = Attach(path, "status\nreset-fault\n");
            Assert.Contains("pod " + podId + "  site site-a", first);
            Assert.Contains("reset-fault: refused, nothing_latched", first);

            string second = Attach(path, "log 32\n");
            Assert.Contains("console attached", second);
            Assert.Contains("console detached", second);
            Assert.Contains("console: reset-fault: refused", second);

            _pod.Kill(true);
            Assert.True(_pod.WaitForExit(WaitMs));
            File.Delete(path);
        }

        [Fact]
        public void Without_a_running_pod_the_console_says_so_and_exits_2()
        {
            var error = new StringWriter();
            int code = ConsoleVerb.Run(Path.Combine(_dir, "none.console"), new MemoryStream(), new MemoryStream(), error);
            Assert.Equal(2, code);
            Assert.Contains("pod console: no running pod serves ", error.ToString());
        }
    }
}
