using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using PodFirmware.Host.Mqtt;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// A <c>mosquitto_sub</c> process that registers a Last Will ("offline", QoS 1) and is then killed with SIGKILL, so no
    /// DISCONNECT reaches the broker and the broker must publish the Will. Used by the plain and the TLS link tests.
    /// </summary>
    public sealed class WillVictim : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();

        /// <summary>
        /// Starts <c>mosquitto_sub -d</c> with <paramref name="connectionArgs"/> (host, port, credentials, TLS), subscribed to
        /// <paramref name="subscribeTopic"/>, with the Will "offline" on <paramref name="willTopic"/>.
        /// </summary>
        public WillVictim(IEnumerable<string> connectionArgs, string subscribeTopic, string willTopic)
        {
            var info = new ProcessStartInfo(MosquittoBroker.FindExecutable("mosquitto_sub", "/usr/bin/mosquitto_sub"))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in connectionArgs)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (string arg in new[] { "-d", "-t", subscribeTopic, "--will-topic", willTopic, "--will-payload", "offline", "--will-qos", "1" })
            {
                info.ArgumentList.Add(arg);
            }

            _process = new Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>What the process printed so far (stdout and stderr).</summary>
        public string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        /// <summary>
        /// Waits until the process has received a message: mosquitto_sub's stdout is block-buffered into a pipe and
        /// flushed only when it prints one, so <paramref name="publishProbe"/> is offered again, every
        /// <see cref="Wait.ProbeIntervalMs"/>. Receiving it proves the CONNECT, and with it the Will, was accepted.
        /// </summary>
        public void AwaitSubscribed(Action publishProbe, int timeoutMs, string what)
        {
            Wait.UntilProbing(publishProbe, () => Output().Contains("received PUBLISH"), timeoutMs, what, () => "mosquitto_sub: " + Output());
        }

        /// <summary>SIGKILL: no DISCONNECT reaches the broker.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        /// <summary>Kills the process if it still runs.</summary>
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
