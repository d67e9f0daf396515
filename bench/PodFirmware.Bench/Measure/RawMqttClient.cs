using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace PodFirmware.Bench.Measure
{
    /// <summary>
    /// A minimal MQTT 3.1.1 client for the measurement harnesses: the back end, the phones and the relay server. Its
    /// reader thread blocks on the socket and stamps each PUBLISH with <see cref="Stopwatch.GetTimestamp"/> as soon as
    /// it is read, so a subscriber's arrival time costs no polling and shares the pod's clock. QoS 0 and 1 (PUBACK
    /// sent for every QoS 1 message); no keep-alive, no reconnect: a lost connection ends the harness.
    /// </summary>
    public sealed class RawMqttClient : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly object _writeLock = new object();
        private readonly Thread _reader;
        private readonly SemaphoreSlim _subAcks = new SemaphoreSlim(0);
        private int _packetId;
        private long _pubAcks;
        private volatile bool _closing;

        /// <summary>Connects (clean session, no keep-alive) and waits for the broker's CONNACK.</summary>
        /// <param name="port">Broker port on 127.0.0.1.</param>
        /// <param name="clientId">Client id.</param>
        /// <param name="onMessage">Called on the reader thread with topic, payload and arrival timestamp; may be null.</param>
        public RawMqttClient(int port, string clientId, Action<string, byte[], long> onMessage)
        {
            OnMessage = onMessage;
            _tcp = new TcpClient { NoDelay = true };
            _tcp.Connect("127.0.0.1", port);
            _stream = _tcp.GetStream();
            var body = new MemoryStream();
            WriteString(body, "MQTT");
            body.WriteByte(4);
            body.WriteByte(0x02);
            body.WriteByte(0);
            body.WriteByte(0);
            WriteString(body, clientId);
            Send(0x10, body.ToArray());
            byte[] connack = ReadPacket(out int type);
            if (type != 2 || connack.Length < 2 || connack[1] != 0)
            {
                throw new IOException("broker refused " + clientId);
            }

            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "mqtt-" + clientId };
            _reader.Start();
        }

        /// <summary>The message handler (reader thread).</summary>
        public Action<string, byte[], long> OnMessage { get; set; }

        /// <summary>PUBACKs received for this client's QoS 1 publishes.</summary>
        public long PubAcks => Interlocked.Read(ref _pubAcks);

        /// <summary>Messages received.</summary>
        public long Received;

        /// <summary>Subscribes to <paramref name="filter"/> and waits for the SUBACK (10 s).</summary>
        public void Subscribe(string filter, int qos)
        {
            var body = new MemoryStream();
            int id = NextId();
            body.WriteByte((byte)(id >> 8));
            body.WriteByte((byte)id);
            WriteString(body, filter);
            body.WriteByte((byte)qos);
            Send(0x82, body.ToArray());
            if (!_subAcks.Wait(10000))
            {
                throw new TimeoutException("no SUBACK for " + filter);
            }
        }

        /// <summary>Publishes (not retained); safe from any thread.</summary>
        public void Publish(string topic, byte[] payload, int qos)
        {
            byte[] t = Encoding.UTF8.GetBytes(topic);
            int length = 2 + t.Length + (qos > 0 ? 2 : 0) + payload.Length;
            var body = new byte[length];
            body[0] = (byte)(t.Length >> 8);
            body[1] = (byte)t.Length;
            Array.Copy(t, 0, body, 2, t.Length);
            int o = 2 + t.Length;
            if (qos > 0)
            {
                int id = NextId();
                body[o++] = (byte)(id >> 8);
                body[o++] = (byte)id;
            }

            Array.Copy(payload, 0, body, o, payload.Length);
            Send((byte)(0x30 | (qos << 1)), body);
        }

        /// <summary>Closes the connection (no DISCONNECT: the broker sees it drop).</summary>
        public void Dispose()
        {
            _closing = true;
            try
            {
                Send(0xE0, Array.Empty<byte>());
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _tcp.Dispose();
        }

        private int NextId()
        {
            int id = Interlocked.Increment(ref _packetId) & 0xFFFF;
            return id == 0 ? NextId() : id;
        }

        private void ReadLoop()
        {
            try
            {
                while (!_closing)
                {
                    byte[] body = ReadPacket(out int type, out byte flags);
                    long at = Stopwatch.GetTimestamp();
                    switch (type)
                    {
                        case 3:
                            int topicLength = (body[0] << 8) | body[1];
                            string topic = Encoding.UTF8.GetString(body, 2, topicLength);
                            int o = 2 + topicLength;
                            int qos = (flags >> 1) & 3;
                            if (qos > 0)
                            {
                                Send(0x40, new[] { body[o], body[o + 1] });
                                o += 2;
                            }

                            var payload = new byte[body.Length - o];
                            Array.Copy(body, o, payload, 0, payload.Length);
                            Interlocked.Increment(ref Received);
                            OnMessage?.Invoke(topic, payload, at);
                            break;
                        case 4:
                            Interlocked.Increment(ref _pubAcks);
                            break;
                        case 9:
                            _subAcks.Release();
                            break;
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private byte[] ReadPacket(out int type) => ReadPacket(out type, out _);

        private byte[] ReadPacket(out int type, out byte flags)
        {
            int header = _stream.ReadByte();
            if (header < 0)
            {
                throw new IOException("connection closed");
            }

            type = header >> 4;
            flags = (byte)(header & 0x0F);
            int length = 0;
            int shift = 0;
            int b;
            do
            {
                b = _stream.ReadByte();
                if (b < 0)
                {
                    throw new IOException("connection closed");
                }

                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            var body = new byte[length];
            _stream.ReadExactly(body, 0, length);
            return body;
        }

        private void Send(byte header, byte[] body)
        {
            var packet = new MemoryStream(body.Length + 5);
            packet.WriteByte(header);
            int length = body.Length;
            do
            {
                byte digit = (byte)(length % 128);
                length /= 128;
                packet.WriteByte(length > 0 ? (byte)(digit | 0x80) : digit);
            }
            while (length > 0);
            packet.Write(body, 0, body.Length);
            lock (_writeLock)
            {
                _stream.Write(packet.GetBuffer(), 0, (int)packet.Length);
            }
        }

        private static void WriteString(Stream stream, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            stream.WriteByte((byte)(bytes.Length >> 8));
            stream.WriteByte((byte)bytes.Length);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
