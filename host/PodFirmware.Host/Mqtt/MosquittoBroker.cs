using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// A private mosquitto broker for one test: its own config in a temp directory, listening only
    /// on 127.0.0.1 on a port picked free at construction, no persistence. By default plaintext
    /// with anonymous access; optionally a TLS listener (<see cref="MosquittoBrokerTls"/>) and one
    /// user with a password (then anonymous clients are refused). The broker can be stopped and
    /// started again on the same port to simulate an outage.
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

        /// <summary>Picks a free loopback port, writes the config and starts a plaintext, anonymous broker.</summary>
        public MosquittoBroker()
            : this(null, null, null)
        {
        }

        /// <summary>Picks a free loopback port, writes the config and starts the broker.</summary>
        /// <param name="tls">TLS settings of the listener, or null for plaintext.</param>
        /// <param name="username">The one user allowed in, or null for anonymous access.</param>
        /// <param name="password">That user's password; written to a mosquitto password file as a PBKDF2-SHA512 hash.</param>
        public MosquittoBroker(MosquittoBrokerTls tls, string username, string password)
            : this(tls, username, password, "")
        {
        }

        /// <summary>Picks a free loopback port, writes the config with <paramref name="extraConfig"/> appended and starts the broker.</summary>
        /// <param name="tls">TLS settings of the listener, or null for plaintext.</param>
        /// <param name="username">The one user allowed in, or null for anonymous access.</param>
        /// <param name="password">That user's password; written to a mosquitto password file as a PBKDF2-SHA512 hash.</param>
        /// <param name="extraConfig">More mosquitto.conf lines (e.g. <c>max_queued_messages 100000\n</c>); empty for none.</param>
        public MosquittoBroker(MosquittoBrokerTls tls, string username, string password, string extraConfig)
        {
            Executable = FindExecutable("mosquitto", "/usr/sbin/mosquitto");
            Port = PickFreeLoopbackPort();
            _directory = Directory.CreateTempSubdirectory("pod-mosquitto-").FullName;
            _configPath = Path.Combine(_directory, "mosquitto.conf");
            var config = new StringBuilder();
            config.Append("# Written by the PodFirmware host tests; deleted when the test ends.\n");
            if (Environment.IsPrivilegedProcess)
            {
                // Started as root, mosquitto switches to the "mosquitto" user before it reads the
                // password file and the certificates, which live in this process's 0700 temp dirs.
                config.Append("user root\n");
            }

            config.Append("listener " + Port + " 127.0.0.1\n");

            // Without it the broker's small packets to each client wait for Nagle's algorithm (docs/performance.md).
            config.Append("set_tcp_nodelay true\n");
            if (tls != null)
            {
                config.Append("cafile " + tls.CaFile + "\n");
                config.Append("certfile " + tls.CertificateFile + "\n");
                config.Append("keyfile " + tls.KeyFile + "\n");
                config.Append("tls_version tlsv1.2\n");
                config.Append("require_certificate " + (tls.RequireClientCertificate ? "true" : "false") + "\n");
            }

            if (username != null)
            {
                string passwordFile = Path.Combine(_directory, "passwd");
                File.WriteAllText(passwordFile, PasswordFileLine(username, password ?? "") + "\n");
                config.Append("allow_anonymous false\n");
                config.Append("password_file " + passwordFile + "\n");
            }
            else
            {
                config.Append("allow_anonymous true\n");
            }

            config.Append("persistence false\n");
            config.Append("log_dest stderr\n");
            config.Append("log_type error\n");
            config.Append("log_type warning\n");
            config.Append(extraConfig ?? "");
            File.WriteAllText(_configPath, config.ToString());
            Start();
        }

        /// <summary>
        /// One line of a mosquitto 2.x password file, as <c>mosquitto_passwd</c> writes it:
        /// <c>user:$7$iterations$salt$hash</c>, PBKDF2-HMAC-SHA512 with a 12-byte random salt,
        /// 101 iterations and a 64-byte hash, both base64.
        /// </summary>
        public static string PasswordFileLine(string username, string password)
        {
            const int iterations = 101;
            byte[] salt = RandomNumberGenerator.GetBytes(12);
            byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, 64);
            return username + ":$7$" + iterations + "$" + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(hash);
        }

        /// <summary>TCP port the broker listens on at 127.0.0.1; the same for the broker's whole life.</summary>
        public int Port { get; }

        /// <summary>Path of the mosquitto executable used.</summary>
        public string Executable { get; }

        /// <summary>The broker's temp directory (config, password file); deleted on <see cref="Dispose"/>.</summary>
        public string WorkingDirectory => _directory;

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
        /// DISCONNECT) and waits until the process is gone. Nothing holds the port meanwhile, but it lies below
        /// the kernel's ephemeral range (<see cref="PickFreeLoopbackPort"/>), so no outgoing connection takes it
        /// before <see cref="Start"/>. Does nothing when it is not running.
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

        /// <summary>Lowest port <see cref="PickFreeLoopbackPort"/> hands out.</summary>
        public const int LowestPickedPort = 10000;

        private const string EphemeralRangePath = "/proc/sys/net/ipv4/ip_local_port_range";

        // Where the next pick starts: a random point per process, so two processes rarely probe the same ports,
        // then rising, so one process never hands out a port twice while a stopped broker still counts on it.
        private static int s_nextCandidate = -1;

        /// <summary>
        /// A loopback TCP port that was free a moment ago, below the kernel's ephemeral range (Linux's
        /// <c>ip_local_port_range</c>, 32768 to 60999 by default) and not below <see cref="LowestPickedPort"/>.
        /// The kernel gives the ports of that range to outgoing connections: a broker port from it could be taken
        /// while the broker is down between <see cref="Stop"/> and <see cref="Start"/>, by another connection or by a
        /// client reconnecting to it (a TCP connect to a closed local port in that range can connect to itself),
        /// and the restart would then fail. Successive calls in one process never return the same port until
        /// the range is used up.
        /// </summary>
        /// <remarks>A kernel whose ephemeral range starts below port 10100 leaves no such room: then the kernel picks the port.</remarks>
        /// <exception cref="InvalidOperationException">No port of the range could be bound.</exception>
        public static int PickFreeLoopbackPort()
        {
            int highest = EphemeralLow(EphemeralRangePath) - 1;
            int count = highest - LowestPickedPort + 1;
            if (count < 100)
            {
                // an ephemeral range starting this low leaves no room below it: let the kernel pick
                var any = new TcpListener(IPAddress.Loopback, 0);
                any.Start();
                try
                {
                    return ((IPEndPoint)any.LocalEndpoint).Port;
                }
                finally
                {
                    any.Stop();
                }
            }

            if (Volatile.Read(ref s_nextCandidate) < 0)
            {
                Interlocked.CompareExchange(ref s_nextCandidate, Random.Shared.Next(count), -1);
            }

            for (int attempt = 0; attempt < count; attempt++)
            {
                int port = LowestPickedPort + (int)((uint)Interlocked.Increment(ref s_nextCandidate) % (uint)count);
                if (IsFreeOnLoopback(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("No loopback port between " + LowestPickedPort + " and " + highest + " is free.");
        }

        /// <summary>
        /// The first port of the kernel's ephemeral range as <paramref name="rangeFile"/> gives it ("low high");
        /// 32768, Linux's default, when the file is missing or unreadable.
        /// </summary>
        public static int EphemeralLow(string rangeFile)
        {
            const int linuxDefault = 32768;
            try
            {
                string[] parts = File.ReadAllText(rangeFile).Split(new[] { ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries);
                return parts.Length == 2 && int.TryParse(parts[0], out int low) && low > 0 && low <= 65535 ? low : linuxDefault;
            }
            catch (IOException)
            {
                return linuxDefault;
            }
            catch (UnauthorizedAccessException)
            {
                return linuxDefault;
            }
        }

        private static bool IsFreeOnLoopback(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
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
