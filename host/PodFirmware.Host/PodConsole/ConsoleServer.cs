using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using PodFirmware.Core.Console;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Host.PodConsole
{
    /// <summary>
    /// A running virtual pod's serial console on a Unix domain socket, for <c>./pod console</c> to attach to while
    /// <c>./pod run</c> shows its live view: one client at a time, each with a fresh <see cref="ConsoleInterpreter"/>
    /// from <c>newInterpreter</c> over the same controller and log ring, on the server's own thread (the console thread
    /// of the board). A client that ends its input detaches; the next one may attach.
    /// </summary>
    /// <remarks>Start once, dispose once (closes the listener and removes the socket file).</remarks>
    public sealed class ConsoleServer : IDisposable
    {
        private readonly Socket _listener;
        private readonly Func<IConsolePort, ConsoleInterpreter> _newInterpreter;
        private readonly LogRing _log;
        private volatile bool _disposed;

        /// <summary>The socket of pod <paramref name="podId"/> in the temporary directory, where <c>./pod console</c> looks by default.</summary>
        public static string DefaultPath(string podId) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pod-" + podId + ".console");

        /// <summary>
        /// Listens on <paramref name="path"/>. A stale socket file (nobody accepts on it) is replaced; a live one (another
        /// run serves the pod) throws <see cref="IOException"/>.
        /// </summary>
        public ConsoleServer(string path, Func<IConsolePort, ConsoleInterpreter> newInterpreter, LogRing log)
        {
            Path = path;
            _newInterpreter = newInterpreter;
            _log = log;
            if (File.Exists(path))
            {
                using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    probe.Connect(new UnixDomainSocketEndPoint(path));
                    throw new IOException("another run already serves a console on " + path);
                }
                catch (SocketException)
                {
                    File.Delete(path);
                }
            }

            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(path));
            _listener.Listen(1);
        }

        /// <summary>The socket file.</summary>
        public string Path { get; }

        /// <summary>Starts accepting clients on a background thread.</summary>
        public void Start()
        {
            new Thread(Serve) { IsBackground = true, Name = "console-socket" }.Start();
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _disposed = true;
            _listener.Dispose();
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
            }
        }

        private void Serve()
        {
            while (!_disposed)
            {
                Socket client;
                try
                {
                    client = _listener.Accept();
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }

                using var stream = new NetworkStream(client, true);
                using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
                var port = new StreamConsolePort(stream, writer);
                var loop = new ConsoleLoop(port, _newInterpreter(port), new LineAssembler(LineAssembler.DefaultMaxChars), new SleepPause());
                _log.Add("console attached");
                loop.Run();
                _log.Add("console detached");
            }
        }

        private sealed class SleepPause : IThreadPause
        {
            public void Pause(int milliseconds) => Thread.Sleep(milliseconds);
        }
    }
}
