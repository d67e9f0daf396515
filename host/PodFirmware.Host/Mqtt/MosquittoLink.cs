using System;
using System.Threading;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// <see cref="IMqttLink"/> for the host build: the portable <see cref="MqttLinkEngine"/> (every
    /// decision: reconnect with backoff, resubscribe, Will on every CONNECT, bounded queues, ack
    /// mapping, clean stop) driving libmosquitto through <see cref="MosquittoClientPort"/>, on a
    /// background link thread owned by this class.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Behaviour is the engine's (see <see cref="MqttLinkEngine"/>): MQTT 3.1.1 with a clean session,
    /// never gives up reconnecting (also after TLS errors, which end libmosquitto's own loop thread),
    /// <see cref="Stop"/> publishes nothing itself and disconnects cleanly, which makes the broker
    /// discard the Will. Host specifics: <see cref="MqttLinkOptions.CaCertificate"/>,
    /// <see cref="MqttLinkOptions.ClientCertificate"/> and <see cref="MqttLinkOptions.ClientKey"/>
    /// are PEM file paths, checked by <see cref="Start"/>; TLS 1.2 with peer and host-name
    /// verification; the keep-alive is at least 5 s (libmosquitto's minimum).
    /// </para>
    /// <para>Thread-safety: every member may be called from any thread.</para>
    /// </remarks>
    public sealed class MosquittoLink : IMqttLink, IDisposable
    {
        /// <summary>
        /// Capacity of the receive queue, in messages. The link reads from the broker only while it is at most half
        /// full (<see cref="MqttLinkEngine.WantsInbound"/>), so the broker keeps what the caller has not made room for;
        /// a message that still finds it full holds the link thread until the caller takes one
        /// (<see cref="MqttLinkEngine.OnMessageReceived"/>), and is dropped and counted only after
        /// <see cref="MqttLinkEngine.DefaultInboundWaitMs"/> without room. Sized for a pod under a command flood: half of it
        /// is 200 ms at 10,000 messages a second, so reads pause only when the caller stalls, not when a pump is late
        /// (docs/performance.md, "Flood"). It holds references to the payloads received.
        /// </summary>
        public const int InboundCapacity = 4096;

        /// <summary>
        /// Publishes queued for the link thread; <see cref="Publish"/> returns <c>false</c> when full. Room for the
        /// <c>busy</c> answers of two shed pumps (MessagingPump.MaxShedPerPump each).
        /// </summary>
        public const int OutboundCapacity = 2048;

        /// <summary>QoS 1 publishes in flight; acknowledgement ids are kept for <see cref="TryTakeAck"/> for these plus the outbound queue.</summary>
        public const int AckCapacity = MosquittoClientPort.SendMaximum;

        /// <summary>QoS of the Last Will, fixed by the pod's topic contract.</summary>
        public const int WillQos = MosquittoClientPort.WillQos;

        private readonly object _lifecycle = new object();
        private readonly MosquittoClientPort _client = new MosquittoClientPort();
        private readonly MqttLinkEngine _engine;
        private Thread _thread;
        private bool _disposed;

        /// <summary>A stopped link; <see cref="Start"/> connects it.</summary>
        public MosquittoLink()
        {
            _engine = new MqttLinkEngine(_client, new RealTimeClock(), new RandomSource(), InboundCapacity, OutboundCapacity, AckCapacity);

            // libmosquitto calls back on the link thread inside its loop: held while the queue is full, it reads no more
            // from the socket, so the broker keeps what the pod has no room for (QoS 1: its in-flight window fills)
            _engine.InboundWaitMs = MqttLinkEngine.DefaultInboundWaitMs;
        }

        /// <inheritdoc />
        /// <remarks>Never waits for the broker: an unreachable broker is retried in the background. A link is started once.</remarks>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">The options cannot be used (see <see cref="MqttLinkEngine.Open"/>; with TLS, a CA file that does not exist).</exception>
        /// <exception cref="InvalidOperationException">Already started.</exception>
        /// <exception cref="ObjectDisposedException">The link was disposed.</exception>
        public void Start(MqttLinkOptions options)
        {
            lock (_lifecycle)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _engine.Open(options);
                _thread = new Thread(_engine.Run) { IsBackground = true, Name = "mqtt-link " + options.ClientId };
                _thread.Start();
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Hands over what is queued, waits up to <see cref="MqttLinkEngine.StopFlushMs"/> for
        /// acknowledgements in flight, sends DISCONNECT and joins the link thread. Messages and
        /// acknowledgements already received stay readable. Does nothing when not started.
        /// </remarks>
        public void Stop()
        {
            lock (_lifecycle)
            {
                Thread thread = _thread;
                if (thread == null)
                {
                    return;
                }

                _engine.Stop();
                if (thread.Join(MqttLinkEngine.StopJoinTimeoutMs))
                {
                    _thread = null;
                    _client.Release();
                }
            }
        }

        /// <summary>Stops the link (see <see cref="Stop"/>). Idempotent.</summary>
        public void Dispose()
        {
            Stop();
            _disposed = true;
        }

        /// <inheritdoc />
        public bool IsConnected => _engine.IsConnected;

        /// <inheritdoc />
        /// <remarks>Returns <c>false</c> (and <paramref name="messageId"/> 0) when not connected or the outbound queue is full; QoS 0 publishes get id 0.</remarks>
        /// <exception cref="ArgumentException">The topic is empty.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null while <paramref name="length"/> is positive.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> or <paramref name="qos"/> is out of range.</exception>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
            => _engine.Publish(topic, payload, length, qos, retain, out messageId);

        /// <inheritdoc />
        public void Subscribe(string topic, int qos) => _engine.Subscribe(topic, qos);

        /// <inheritdoc />
        /// <remarks>Hands over the received payload array (not copied); oldest first.</remarks>
        public bool TryTakeMessage(MqttInboundMessage into) => _engine.TryTakeMessage(into);

        /// <inheritdoc />
        public bool TryTakeAck(out int messageId) => _engine.TryTakeAck(out messageId);

        /// <inheritdoc />
        public int DroppedInboundCount => _engine.DroppedInboundCount;

        /// <inheritdoc />
        public int InboundCount => _engine.InboundCount;

        /// <summary>Received messages that found the receive queue full and held the link thread until there was room, since start (a read delivered more than the half queue kept free). Thread-safe.</summary>
        public int InboundWaitCount => _engine.InboundWaitCount;

        /// <summary>How often the link stopped reading because the receive queue was more than half full, since start; see <see cref="MqttLinkEngine.WantsInbound"/>. Thread-safe.</summary>
        public int ReadPauseCount => _engine.ReadPauseCount;

        /// <summary>Exceptions caught inside libmosquitto callbacks (each a bug in the client port; the event it belonged to was lost). Thread-safe.</summary>
        public int CallbackFaultCount => _client.CallbackFaultCount;

        /// <summary>Connection attempts made since <see cref="Start"/> (the engine's session number). Thread-safe.</summary>
        public int ConnectAttempts => _engine.Session;

        /// <summary>The code of the last CONNACK: 0 accepted, 1–5 the MQTT 3.1.1 refusals (5 not authorised), -1 while none arrived. Thread-safe.</summary>
        public int LastConnectResult => _engine.LastConnectResult;

        /// <summary>Why the link last failed to connect or lost its connection (OpenSSL's reason, the CONNACK refusal in words), or null; see <see cref="MqttLinkEngine.LastError"/>. Thread-safe.</summary>
        public string LastError => _engine.LastError;
    }
}
