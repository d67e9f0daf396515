using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// A private mosquitto broker for one test: its own config in a temp directory, listening only
    /// on 127.0.0.1 on a port picked free at construction, anonymous access, no persistence. The
    /// broker can be stopped and started again on the same port to simulate an outage.
    /// </summary>
    /// <remarks>Not thread-safe: drive it from the test thread.</remarks>
    public sealed class MosquittoBroker : IDisposable
    {
        /// <summary>How long <see cref="Start"/> waits for the listener to accept, in milliseconds.</summary>
        public const int StartTimeoutMs = 5000;

        private const int StderrKeepChars = 8000;

        private readonly string _directory;
        private readonly string _configPath;
        private readonly StringBuilder _stderr = new StringBuilder();
        private Process _process;

        /// <summary>Picks a free loopback port, writes the config and starts the broker.</summary>
        public MosquittoBroker()
        {
            Executable = FindExecutable("mosquitto", "/usr/sbin/mosquitto");
            Port = PickFreeLoopbackPort();
            _directory = Directory.CreateTempSubdirectory("pod-mosquitto-").FullName;
            _configPath = Path.Combine(_directory, "mosquitto.conf");
            File.WriteAllText(_configPath,
                "# Written by the PodFirmware host tests; deleted when the test ends.\n" +
                "listener " + Port + " 127.0.0.1\n" +
                "allow_anonymous true\n" +
                "persistence false\n" +
                "log_dest stderr\n" +
                "log_type error\n" +
                "log_type warning\n");
            Start();
        }

        /// <summary>TCP port the broker listens on at 127.0.0.1; the same for the broker's whole life.</summary>
        public int Port { get; }

        /// <summary>Path of the mosquitto executable used.</summary>
        public string Executable { get; }

        /// <summary>Whether the broker process is running.</summary>
        public bool IsRunning => _process != null && !_process.HasExited;

        /// <summary>
        /// Starts the broker on <see cref="Port"/> and returns once it accepts TCP connections.
        /// Does nothing when it is running.
        /// </summary>
        /// <exception cref="InvalidOperationException">It did not accept within <see cref="StartTimeoutMs"/>; the message carries mosquitto's stderr.</exception>
        public void Start()
        {
            if (IsRunning)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Clear();
            }

            var info = new ProcessStartInfo(Executable)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = false,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(_configPath);

            var process = new Process { StartInfo = info };
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            _process = process;

            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < StartTimeoutMs)
            {
                if (process.HasExited)
                {
                    process.WaitForExit();
                    throw new InvalidOperationException(
                        "mosquitto exited with code " + process.ExitCode + " before listening on 127.0.0.1:" + Port + ". stderr:\n" + Stderr);
                }

                if (Accepts())
                {
                    return;
                }

                Thread.Sleep(20);
            }

            Stop();
            throw new InvalidOperationException(
                "mosquitto did not accept on 127.0.0.1:" + Port + " within " + StartTimeoutMs + " ms. stderr:\n" + Stderr);
        }

        /// <summary>
        /// Kills the broker (SIGKILL: connected clients see their connection drop without a
        /// DISCONNECT) and waits until the process is gone. The port stays reserved for
        /// <see cref="Start"/> only by convention. Does nothing when it is not running.
        /// </summary>
        public void Stop()
        {
            Process process = _process;
            _process = null;
            if (process == null)
            {
                return;
            }

            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit();
            }
            finally
            {
                process.Dispose();
            }
        }

        /// <summary>What mosquitto wrote to stderr and stdout since the last <see cref="Start"/>.</summary>
        public string Stderr
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.ToString();
                }
            }
        }

        /// <summary>Kills the broker and deletes its temp directory.</summary>
        public void Dispose()
        {
            Stop();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>
        /// The first executable named <paramref name="name"/> on PATH (what <c>command -v</c>
        /// finds), else <paramref name="fallback"/> when it exists.
        /// </summary>
        /// <exception cref="InvalidOperationException">Neither exists.</exception>
        public static string FindExecutable(string name, string fallback)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            if (fallback != null && File.Exists(fallback))
            {
                return fallback;
            }

            throw new InvalidOperationException(
                "'" + name + "' was found neither on PATH nor at " + fallback + "; install the Debian packages mosquitto and mosquitto-clients.");
        }

        /// <summary>A loopback TCP port that was free a moment ago (bind port 0, read it, release it).</summary>
        public static int PickFreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }

        private bool Accepts()
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void Append(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_stderr)
            {
                if (_stderr.Length > StderrKeepChars)
                {
                    _stderr.Remove(0, _stderr.Length - StderrKeepChars / 2);
                }

                _stderr.AppendLine(line);
            }
        }
    }
}
