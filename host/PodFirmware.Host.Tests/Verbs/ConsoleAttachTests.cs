using System;
using System.IO;
using System.Text;
using System.Threading;
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
        private PodHostProcess _pod;

        public void Dispose()
        {
            _pod?.Dispose();
            Directory.Delete(_dir, true);
        }

        private string Output() => _pod.Output();

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
            _pod = new PodHostProcess("run", "--config", configPath, "--scenario", scenarioPath, "--seconds", "120");
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

            _pod.Process.Kill(true);
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
