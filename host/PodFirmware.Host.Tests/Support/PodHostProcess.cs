using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using PodFirmware.Host.Mqtt;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// The real host program (<c>pod-host.dll</c>, what <c>./pod</c> runs) in a child process with the repository as
    /// <c>POD_REPO</c>: stdin open for typing, stdout and stderr gathered into one text as they arrive. Disposing kills
    /// the process tree if it still runs. Thread-safety: <see cref="Output"/> may be read while the process writes.
    /// </summary>
    public sealed class PodHostProcess : IDisposable
    {
        private readonly StringBuilder _output = new StringBuilder();

        /// <summary>Starts <c>pod-host.dll</c> with <paramref name="args"/> (the verb first).</summary>
        public PodHostProcess(params string[] args)
        {
            var info = new ProcessStartInfo(MosquittoBroker.FindExecutable("dotnet", "/usr/bin/dotnet"))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pod-host.dll"));
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["POD_REPO"] = RepoPaths.Root;
            Process = new Process { StartInfo = info };
            Process.OutputDataReceived += (_, e) => Append(e.Data);
            Process.ErrorDataReceived += (_, e) => Append(e.Data);
            Process.Start();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        /// <summary>The child process.</summary>
        public Process Process { get; }

        /// <summary>Everything the process printed so far, stdout and stderr interleaved by arrival.</summary>
        public string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> ms for the process to exit and then for its last output lines:
        /// <see cref="System.Diagnostics.Process.WaitForExit(int)"/> alone returns before the asynchronous readers
        /// have delivered them, so <see cref="Output"/> could still lack what the process printed just before it exited.
        /// </summary>
        /// <returns>Whether the process exited in time; only then is <see cref="Output"/> complete.</returns>
        public bool WaitForExit(int timeoutMs)
        {
            if (!Process.WaitForExit(timeoutMs))
            {
                return false;
            }

            // the process is gone: this overload returns once both redirected streams reached their end
            Process.WaitForExit();
            return true;
        }

        /// <summary>Types <paramref name="line"/> on the process's stdin.</summary>
        public void Type(string line)
        {
            Process.StandardInput.WriteLine(line);
            Process.StandardInput.Flush();
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(true);
            }

            Process.Dispose();
        }

        private void Append(string line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
