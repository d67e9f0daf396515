using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// A loopback TCP relay between a client and a broker. <see cref="Sever"/> closes every relayed
    /// connection abruptly, which the broker sees as a client vanishing without DISCONNECT (so it
    /// publishes that client's Last Will), while the client itself keeps running.
    /// </summary>
    /// <remarks>Thread-safe.</remarks>
    public sealed class TcpRelay : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly int _targetPort;
        private readonly List<Socket> _sockets = new List<Socket>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private bool _refusing;

        /// <summary>Starts relaying 127.0.0.1:<see cref="Port"/> to 127.0.0.1:<paramref name="targetPort"/>.</summary>
        public TcpRelay(int targetPort)
        {
            _targetPort = targetPort;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoop();
        }

        /// <summary>Loopback port clients connect to.</summary>
        public int Port { get; }

        /// <summary>
        /// Resets every relayed connection on both sides and, from now on, closes new ones at
        /// once, so the client cannot get back to the broker through the relay.
        /// </summary>
        public void Sever()
        {
            lock (_sockets)
            {
                _refusing = true;
                foreach (Socket socket in _sockets)
                {
                    Abort(socket);
                }

                _sockets.Clear();
            }
        }

        /// <summary>Relays new connections again after <see cref="Sever"/>, as a repaired network path would.</summary>
        public void Heal()
        {
            lock (_sockets)
            {
                _refusing = false;
            }
        }

        /// <summary>Stops listening and closes every connection.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            Sever();
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                _ = Relay(client);
            }
        }

        private async Task Relay(Socket client)
        {
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            lock (_sockets)
            {
                if (_refusing)
                {
                    Abort(client);
                    upstream.Dispose();
                    return;
                }

                _sockets.Add(client);
                _sockets.Add(upstream);
            }

            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort);
                await Task.WhenAny(Pump(client, upstream), Pump(upstream, client));
            }
            catch (Exception)
            {
            }
            finally
            {
                Abort(client);
                Abort(upstream);
            }
        }

        private static async Task Pump(Socket from, Socket to)
        {
            var buffer = new byte[4096];
            while (true)
            {
                int n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None);
            }
        }

        private static void Abort(Socket socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception)
            {
            }

            socket.Dispose();
        }
    }
}
