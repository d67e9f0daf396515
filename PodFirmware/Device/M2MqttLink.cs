using System;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt (MQTT 3.1.1). One link thread owns the
    /// <see cref="MqttClient"/>: it connects with the Last Will, reconnects with exponential backoff,
    /// resubscribes after every reconnect and hands queued publishes to the client. Callers only
    /// touch bounded array rings, so a stalled broker or socket never blocks them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Threads: the caller (the messaging pump), the link thread, and M2Mqtt's own dispatch thread,
    /// which raises the received, published and closed events. All shared state is guarded by one
    /// lock, and no M2Mqtt call is ever made while holding it, so an M2Mqtt callback can never wait
    /// on a caller that waits on M2Mqtt.
    /// </para>
    /// <para>
    /// The control tick never waits on this class: the tick does not call it at all, and the
    /// messaging pump that does only ever takes <c>_sync</c>, which is held for a few array
    /// writes and never across an M2Mqtt call, socket operation or TLS handshake. Connecting
    /// (TCP, TLS, CONNECT), subscribing and writing publishes all happen on the link thread, so a
    /// stalled or unreachable broker stalls only that thread; <see cref="Publish"/> then fills the
    /// bounded outbound queue and returns <c>false</c>. Only <see cref="Stop"/> waits (for the
    /// link thread, bounded).
    /// </para>
    /// <para>
    /// TLS (<see cref="MqttLinkOptions.UseTls"/>): TLS 1.2, the broker certificate validated
    /// against <see cref="MqttLinkOptions.CaCertificate"/> (PEM text); an optional client
    /// certificate and key (PEM text) are presented when given. The certificates are parsed once
    /// by <see cref="Start"/>, which throws on unusable ones; a broker that fails validation makes
    /// every attempt fail (reason in <see cref="LastError"/>) and is retried with backoff, never
    /// reached in plaintext. User name and password go in every CONNECT.
    /// </para>
    /// <para>
    /// Reconnect: after a failed attempt the link waits <see cref="MqttLinkOptions.ReconnectMinMs"/>,
    /// doubling per further failure up to <see cref="MqttLinkOptions.ReconnectMaxMs"/>, each wait
    /// jittered into [delay/2, delay] but never below the minimum. Every connect registers the
    /// Last Will again (it is part of CONNECT) and every accepted connect resubscribes all topics.
    /// </para>
    /// <para>
    /// Every connection is a new <see cref="MqttClient"/> with a clean session: the broker keeps no
    /// state for the pod between connections, which is why the link resubscribes itself. QoS 1
    /// publishes that were not acknowledged when a connection dropped are not resent by the link;
    /// their ids simply never come out of <see cref="TryTakeAck"/>, and the core decides what to resend.
    /// </para>
    /// <para>
    /// Ids returned by <see cref="Publish"/> are the link's own, increasing across reconnects, so
    /// an id from an old connection can never be acknowledged by a message of a new one (M2Mqtt's
    /// packet ids restart with every client). QoS 0 publishes return id 0 and are never acknowledged.
    /// </para>
    /// <para>
    /// Bounds: <see cref="InboundCapacity"/> received messages (what overflows is dropped and counted
    /// in <see cref="DroppedInboundCount"/>), <see cref="OutboundCapacity"/> queued publishes
    /// (<see cref="Publish"/> returns <c>false</c> when full), <see cref="AckCapacity"/> acknowledged
    /// ids (the oldest is dropped when the core does not collect them), <see cref="MaxSubscriptions"/>
    /// topics. The link is started once; after <see cref="Stop"/> it cannot be started again.
    /// </para>
    /// </remarks>
    public sealed class M2MqttLink : IMqttLink
    {
        /// <summary>Received messages held until <see cref="TryTakeMessage"/>.</summary>
        public const int InboundCapacity = 16;

        /// <summary>Publishes held until the link thread hands them to M2Mqtt.</summary>
        public const int OutboundCapacity = 16;

        /// <summary>Acknowledged QoS 1 ids held until <see cref="TryTakeAck"/>.</summary>
        public const int AckCapacity = 32;

        /// <summary>Topics that <see cref="Subscribe"/> accepts.</summary>
        public const int MaxSubscriptions = 16;

        // QoS 1 publishes handed to M2Mqtt and not yet answered; the link stops handing over
        // QoS 1 messages while this many are outstanding.
        private const int MaxPendingQos1 = 32;

        // Publish outcomes raised by M2Mqtt, waiting for the link thread to match them.
        private const int RawEventCapacity = 32;

        private const int IdleWaitMs = 200;
        private const int StopFlushWaitMs = 2000;
        private const int StopJoinTimeoutMs = 8000;

        private static readonly byte[] EmptyPayload = new byte[0];

        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly ManualResetEvent _stopEvent = new ManualResetEvent(false);
        private readonly Random _random = new Random();

        // ---- guarded by _sync ----
        private MqttLinkOptions _options;
        private Thread _thread;
        private bool _started;
        private bool _stopRequested;
        private MqttClient _client;
        private bool _connected;
        private string _lastError;
        private X509Certificate _caCertificate;
        private X509Certificate _clientCertificate;
        private int _lastLinkId;

        private readonly string[] _inTopic = new string[InboundCapacity];
        private readonly byte[][] _inPayload = new byte[InboundCapacity][];
        private int _inHead;
        private int _inCount;
        private int _droppedInbound;

        private readonly string[] _outTopic = new string[OutboundCapacity];
        private readonly byte[][] _outPayload = new byte[OutboundCapacity][];
        private readonly int[] _outQos = new int[OutboundCapacity];
        private readonly bool[] _outRetain = new bool[OutboundCapacity];
        private readonly int[] _outLinkId = new int[OutboundCapacity];
        private int _outHead;
        private int _outCount;

        private readonly int[] _ackIds = new int[AckCapacity];
        private int _ackHead;
        private int _ackCount;

        private readonly int[] _rawMqttId = new int[RawEventCapacity];
        private readonly bool[] _rawPublished = new bool[RawEventCapacity];
        private int _rawHead;
        private int _rawCount;

        private readonly string[] _subTopic = new string[MaxSubscriptions];
        private readonly int[] _subQos = new int[MaxSubscriptions];
        private readonly bool[] _subSent = new bool[MaxSubscriptions];
        private int _subCount;

        // ---- link thread only ----
        private readonly int[] _pendMqttId = new int[MaxPendingQos1];
        private readonly int[] _pendLinkId = new int[MaxPendingQos1];
        private int _pendCount;

        /// <summary>
        /// Validates <paramref name="options"/>, copies them and starts the link thread; returns at once.
        /// </summary>
        /// <param name="options">Broker, identity, Last Will, TLS and backoff settings; copied, so later changes have no effect.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is out of range, TLS is requested without a CA certificate, or a client certificate comes without its key (or without TLS).</exception>
        /// <exception cref="Exception">nanoFramework could not parse a PEM certificate or key (the exception type is the platform's).</exception>
        /// <exception cref="InvalidOperationException">The link was started before.</exception>
        public void Start(MqttLinkOptions options)
        {
            MqttLinkOptions copy = Validate(options);
            X509Certificate caCertificate = null;
            X509Certificate clientCertificate = null;

            if (copy.UseTls)
            {
                // Parsed once: a certificate that cannot be read is a config error, not something
                // to retry, and the objects are reused by every connection.
                caCertificate = new X509Certificate(copy.CaCertificate);

                if (copy.ClientCertificate.Length > 0)
                {
                    clientCertificate = new X509Certificate2(copy.ClientCertificate, copy.ClientKey, null);
                }
            }

            lock (_sync)
            {
                if (_started)
                {
                    throw new InvalidOperationException("MQTT link already started");
                }

                _started = true;
                _options = copy;
                _caCertificate = caCertificate;
                _clientCertificate = clientCertificate;
                _thread = new Thread(new ThreadStart(Run));
            }

            _thread.Start();
        }

        /// <summary>
        /// Sends what is still queued, publishes the Last Will's payload itself (a clean disconnect
        /// discards the will at the broker), disconnects and stops the link thread. Blocks up to
        /// about 8 s; does nothing when the link is not running.
        /// </summary>
        public void Stop()
        {
            Thread thread;

            lock (_sync)
            {
                if (!_started || _stopRequested)
                {
                    return;
                }

                _stopRequested = true;
                thread = _thread;
            }

            _stopEvent.Set();
            _wake.Set();

            if (!thread.Join(StopJoinTimeoutMs))
            {
                Log("link thread did not stop in time");
            }
        }

        /// <summary><c>true</c> while the broker has accepted the current connection.</summary>
        public bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return _connected;
                }
            }
        }

        /// <summary>
        /// Copies the payload into the outbound queue for the link thread. Returns <c>false</c>
        /// without queueing when the link is down or stopping, or the queue is full.
        /// </summary>
        /// <param name="topic">Topic name, no wildcards.</param>
        /// <param name="payload">Buffer holding the payload in its first <paramref name="length"/> bytes; copied before return.</param>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="qos">0 or 1.</param>
        /// <param name="retain">Whether the broker keeps it as the topic's retained message.</param>
        /// <param name="messageId">For QoS 1, the id <see cref="TryTakeAck"/> reports once the broker acknowledged it; 0 for QoS 0 or when not queued.</param>
        /// <returns><c>true</c> when queued.</returns>
        /// <exception cref="ArgumentException">The topic is empty.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null while <paramref name="length"/> is positive.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The length or QoS is out of range.</exception>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
        {
            messageId = 0;

            if (topic == null || topic.Length == 0)
            {
                throw new ArgumentException("topic is empty", "topic");
            }

            if (length > 0 && payload == null)
            {
                throw new ArgumentNullException("payload");
            }

            if (length < 0 || (length > 0 && length > payload.Length))
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (qos != 0 && qos != 1)
            {
                throw new ArgumentOutOfRangeException("qos");
            }

            lock (_sync)
            {
                if (!_connected || _stopRequested || _outCount == OutboundCapacity)
                {
                    return false;
                }

                byte[] copy = EmptyPayload;

                if (length > 0)
                {
                    copy = new byte[length];
                    Array.Copy(payload, 0, copy, 0, length);
                }

                int id = 0;

                if (qos == 1)
                {
                    _lastLinkId = _lastLinkId == int.MaxValue ? 1 : _lastLinkId + 1;
                    id = _lastLinkId;
                }

                int slot = (_outHead + _outCount) % OutboundCapacity;
                _outTopic[slot] = topic;
                _outPayload[slot] = copy;
                _outQos[slot] = qos;
                _outRetain[slot] = retain;
                _outLinkId[slot] = id;
                _outCount++;
                messageId = id;
            }

            _wake.Set();
            return true;
        }

        /// <summary>
        /// Subscribes to <paramref name="topic"/> now if connected and after every reconnect.
        /// Subscribing again to the same topic replaces its QoS.
        /// </summary>
        /// <param name="topic">Topic filter; wildcards allowed.</param>
        /// <param name="qos">0 or 1.</param>
        /// <exception cref="ArgumentException">The topic is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The QoS is not 0 or 1.</exception>
        /// <exception cref="InvalidOperationException"><see cref="MaxSubscriptions"/> topics are already subscribed.</exception>
        public void Subscribe(string topic, int qos)
        {
            if (topic == null || topic.Length == 0)
            {
                throw new ArgumentException("topic is empty", "topic");
            }

            if (qos != 0 && qos != 1)
            {
                throw new ArgumentOutOfRangeException("qos");
            }

            lock (_sync)
            {
                int index = -1;

                for (int i = 0; i < _subCount; i++)
                {
                    if (_subTopic[i] == topic)
                    {
                        index = i;
                        break;
                    }
                }

                if (index < 0)
                {
                    if (_subCount == MaxSubscriptions)
                    {
                        throw new InvalidOperationException("too many MQTT subscriptions");
                    }

                    index = _subCount;
                    _subCount++;
                    _subTopic[index] = topic;
                }

                _subQos[index] = qos;
                _subSent[index] = false;
            }

            _wake.Set();
        }

        /// <summary>
        /// Moves the oldest received message into <paramref name="into"/>: its topic, the payload
        /// array as received (handed over, not copied) and its length.
        /// </summary>
        /// <param name="into">The reader's reusable message.</param>
        /// <returns><c>false</c> when none is waiting.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public bool TryTakeMessage(MqttInboundMessage into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            lock (_sync)
            {
                if (_inCount == 0)
                {
                    return false;
                }

                byte[] payload = _inPayload[_inHead];
                into.Topic = _inTopic[_inHead];
                into.Payload = payload;
                into.Length = payload.Length;
                _inTopic[_inHead] = null;
                _inPayload[_inHead] = null;
                _inHead = (_inHead + 1) % InboundCapacity;
                _inCount--;
                return true;
            }
        }

        /// <summary>Takes the id of one QoS 1 publish the broker acknowledged, oldest first.</summary>
        /// <param name="messageId">The id <see cref="Publish"/> returned; 0 when none is waiting.</param>
        /// <returns><c>false</c> when none is waiting.</returns>
        public bool TryTakeAck(out int messageId)
        {
            lock (_sync)
            {
                if (_ackCount == 0)
                {
                    messageId = 0;
                    return false;
                }

                messageId = _ackIds[_ackHead];
                _ackHead = (_ackHead + 1) % AckCapacity;
                _ackCount--;
                return true;
            }
        }

        /// <summary>
        /// Why the link last failed to connect or lost its connection (e.g. the TLS or socket
        /// exception's message, or the broker's refusal code), or null when nothing failed yet.
        /// Not cleared by a later successful connect. Thread-safe.
        /// </summary>
        public string LastError
        {
            get
            {
                lock (_sync)
                {
                    return _lastError;
                }
            }
        }

        /// <summary>Received messages dropped because the inbound queue was full, since start.</summary>
        public int DroppedInboundCount
        {
            get
            {
                lock (_sync)
                {
                    return _droppedInbound;
                }
            }
        }

        // ------------------------------------------------------------------ link thread

        private void Run()
        {
            MqttLinkOptions options = _options;
            int delayMs = 0;

            while (!IsStopRequested())
            {
                if (!IsClientUp())
                {
                    DropClient();

                    if (delayMs > 0 && _stopEvent.WaitOne(Jitter(delayMs, options.ReconnectMinMs), false))
                    {
                        break;
                    }

                    if (TryConnect(options))
                    {
                        // the next attempt, after a drop, waits the minimum first
                        delayMs = options.ReconnectMinMs;
                    }
                    else if (delayMs == 0)
                    {
                        delayMs = options.ReconnectMinMs;
                    }
                    else
                    {
                        delayMs = delayMs > options.ReconnectMaxMs / 2 ? options.ReconnectMaxMs : delayMs * 2;
                    }

                    continue;
                }

                SubscribePending();
                PumpOutbound();
                ResolvePublished();
                _wake.WaitOne(IdleWaitMs, false);
            }

            ShutDown(options);
        }

        private bool TryConnect(MqttLinkOptions options)
        {
            MqttClient client = null;

            try
            {
                X509Certificate caCertificate;
                X509Certificate clientCertificate;

                lock (_sync)
                {
                    caCertificate = _caCertificate;
                    clientCertificate = _clientCertificate;
                }

                client = new MqttClient(
                    options.Host,
                    options.Port,
                    options.UseTls,
                    caCertificate,
                    clientCertificate,
                    options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);

                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;

                if (options.UseTls)
                {
                    client.Settings.ValidateServerCertificate = true;
                }

                client.MqttMsgPublishReceived += OnPublishReceived;
                client.MqttMsgPublished += OnPublished;
                client.ConnectionClosed += OnConnectionClosed;

                lock (_sync)
                {
                    _client = client;
                }

                bool hasWill = options.WillTopic.Length > 0;

                MqttReasonCode code = client.Connect(
                    options.ClientId,
                    options.Username.Length > 0 ? options.Username : null,
                    options.Password.Length > 0 ? options.Password : null,
                    options.WillRetain,
                    MqttQoSLevel.AtLeastOnce,
                    hasWill,
                    hasWill ? options.WillTopic : null,
                    hasWill ? options.WillPayload : null,
                    true,
                    (ushort)options.KeepAliveS);

                if (code != MqttReasonCode.Success)
                {
                    Fail(String.Concat("broker refused the connection: ", code.ToString()));
                    return false;
                }

                lock (_sync)
                {
                    _connected = true;

                    for (int i = 0; i < _subCount; i++)
                    {
                        _subSent[i] = false;
                    }
                }

                Log(String.Concat("connected to ", options.Host, ":", options.Port.ToString()));
                return true;
            }
            catch (Exception ex)
            {
                // TLS failures (unknown CA, wrong host name, no common protocol) land here too
                Fail(String.Concat("connect to ", options.Host, ":", options.Port.ToString(), " failed: ", ex.Message));
                return false;
            }
        }

        private void SubscribePending()
        {
            MqttClient client = CurrentClient();

            for (int i = 0; i < MaxSubscriptions; i++)
            {
                string topic;
                int qos;

                lock (_sync)
                {
                    if (client == null || i >= _subCount)
                    {
                        return;
                    }

                    if (_subSent[i])
                    {
                        continue;
                    }

                    topic = _subTopic[i];
                    qos = _subQos[i];
                }

                try
                {
                    client.Subscribe(new string[] { topic }, new MqttQoSLevel[] { ToQos(qos) });
                }
                catch (Exception ex)
                {
                    Log(String.Concat("subscribe failed: ", ex.Message));
                    MarkDown();
                    return;
                }

                lock (_sync)
                {
                    // a Subscribe call in between may have changed the entry: send it again then
                    if (_subTopic[i] == topic && _subQos[i] == qos)
                    {
                        _subSent[i] = true;
                    }
                }
            }
        }

        private void PumpOutbound()
        {
            MqttClient client = CurrentClient();

            while (client != null)
            {
                string topic;
                byte[] payload;
                int qos;
                bool retain;
                int linkId;

                lock (_sync)
                {
                    if (_outCount == 0)
                    {
                        return;
                    }

                    qos = _outQos[_outHead];

                    if (qos == 1 && _pendCount == MaxPendingQos1)
                    {
                        // back-pressure: wait for answers before handing over more QoS 1 messages
                        return;
                    }

                    topic = _outTopic[_outHead];
                    payload = _outPayload[_outHead];
                    retain = _outRetain[_outHead];
                    linkId = _outLinkId[_outHead];
                }

                ushort mqttId;

                try
                {
                    mqttId = client.Publish(topic, payload, null, null, ToQos(qos), retain);
                }
                catch (MqttClientException)
                {
                    // M2Mqtt's in-flight queue is full: keep the message and try again later
                    return;
                }
                catch (Exception ex)
                {
                    Log(String.Concat("publish failed: ", ex.Message));
                    MarkDown();
                    return;
                }

                lock (_sync)
                {
                    _outTopic[_outHead] = null;
                    _outPayload[_outHead] = null;
                    _outHead = (_outHead + 1) % OutboundCapacity;
                    _outCount--;
                }

                if (qos == 1)
                {
                    // registered before ResolvePublished runs on this same thread, so an answer
                    // that M2Mqtt raised in the meantime still finds its id
                    _pendMqttId[_pendCount] = mqttId;
                    _pendLinkId[_pendCount] = linkId;
                    _pendCount++;
                }
            }
        }

        private void ResolvePublished()
        {
            while (true)
            {
                int mqttId;
                bool published;

                lock (_sync)
                {
                    if (_rawCount == 0)
                    {
                        return;
                    }

                    mqttId = _rawMqttId[_rawHead];
                    published = _rawPublished[_rawHead];
                    _rawHead = (_rawHead + 1) % RawEventCapacity;
                    _rawCount--;
                }

                int index = -1;

                for (int i = 0; i < _pendCount; i++)
                {
                    if (_pendMqttId[i] == mqttId)
                    {
                        index = i;
                        break;
                    }
                }

                if (index < 0)
                {
                    // a QoS 0 publish (M2Mqtt reports those too) or the Last Will sent by ShutDown
                    continue;
                }

                int linkId = _pendLinkId[index];
                _pendCount--;
                _pendMqttId[index] = _pendMqttId[_pendCount];
                _pendLinkId[index] = _pendLinkId[_pendCount];

                if (!published)
                {
                    // M2Mqtt gave up after its retries: no ack, the core decides
                    continue;
                }

                lock (_sync)
                {
                    if (_ackCount == AckCapacity)
                    {
                        _ackHead = (_ackHead + 1) % AckCapacity;
                        _ackCount--;
                    }

                    _ackIds[(_ackHead + _ackCount) % AckCapacity] = linkId;
                    _ackCount++;
                }
            }
        }

        private void ShutDown(MqttLinkOptions options)
        {
            MqttClient client = IsClientUp() ? CurrentClient() : null;

            if (client != null)
            {
                PumpOutbound();

                if (options.WillTopic.Length > 0)
                {
                    try
                    {
                        ushort willId = client.Publish(
                            options.WillTopic,
                            Encoding.UTF8.GetBytes(options.WillPayload),
                            null,
                            null,
                            MqttQoSLevel.AtLeastOnce,
                            options.WillRetain);

                        // QoS 1 and M2Mqtt's in-flight queue is first in, first out: once the
                        // will is acknowledged, everything queued before it has gone too
                        WaitForPublished(willId, StopFlushWaitMs);
                    }
                    catch (Exception ex)
                    {
                        Log(String.Concat("publishing the will on stop failed: ", ex.Message));
                    }
                }

                try
                {
                    client.Disconnect();
                }
                catch (Exception ex)
                {
                    Log(String.Concat("disconnect failed: ", ex.Message));
                }
            }

            DropClient();
            Log("stopped");
        }

        private void WaitForPublished(int mqttId, int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;

            while (Environment.TickCount64 < deadline)
            {
                lock (_sync)
                {
                    for (int n = 0; n < _rawCount; n++)
                    {
                        if (_rawMqttId[(_rawHead + n) % RawEventCapacity] == mqttId)
                        {
                            return;
                        }
                    }
                }

                _wake.WaitOne(100, false);
            }
        }

        private void DropClient()
        {
            MqttClient old;

            lock (_sync)
            {
                old = _client;
                _client = null;
                _connected = false;
                _rawCount = 0;
                _rawHead = 0;
            }

            _pendCount = 0;

            if (old == null)
            {
                return;
            }

            try
            {
                old.MqttMsgPublishReceived -= OnPublishReceived;
                old.MqttMsgPublished -= OnPublished;
                old.ConnectionClosed -= OnConnectionClosed;
                old.Close();
            }
            catch (Exception ex)
            {
                Log(String.Concat("closing the old client failed: ", ex.Message));
            }
        }

        private bool IsClientUp()
        {
            MqttClient client;

            lock (_sync)
            {
                if (!_connected || _client == null)
                {
                    return false;
                }

                client = _client;
            }

            return client.IsConnected;
        }

        private MqttClient CurrentClient()
        {
            lock (_sync)
            {
                return _client;
            }
        }

        private void MarkDown()
        {
            lock (_sync)
            {
                _connected = false;
            }
        }

        private bool IsStopRequested()
        {
            lock (_sync)
            {
                return _stopRequested;
            }
        }

        // Equal jitter: a random delay in [delayMs / 2, delayMs], never below the minimum, so the
        // pods of a site do not all reconnect in the same instant after a broker restart.
        private int Jitter(int delayMs, int minimumMs)
        {
            int half = delayMs / 2;
            int jittered = half + _random.Next(half + 1);
            return jittered < minimumMs ? minimumMs : jittered;
        }

        // ------------------------------------------------------------------ M2Mqtt callbacks (its dispatch thread)

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client)
                {
                    return;
                }

                if (_inCount == InboundCapacity)
                {
                    // the newest is dropped, so what is queued keeps its order
                    _droppedInbound++;
                    return;
                }

                int slot = (_inHead + _inCount) % InboundCapacity;
                _inTopic[slot] = e.Topic;
                _inPayload[slot] = e.Message == null ? EmptyPayload : e.Message;
                _inCount++;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client || _rawCount == RawEventCapacity)
                {
                    return;
                }

                int slot = (_rawHead + _rawCount) % RawEventCapacity;
                _rawMqttId[slot] = e.MessageId;
                _rawPublished[slot] = e.IsPublished;
                _rawCount++;
            }

            _wake.Set();
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client)
                {
                    return;
                }

                _connected = false;
            }

            Fail("connection closed");
            _wake.Set();
        }

        // ------------------------------------------------------------------ helpers

        private static MqttQoSLevel ToQos(int qos)
        {
            return qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }

        private static MqttLinkOptions Validate(MqttLinkOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (IsEmpty(options.Host))
            {
                throw new ArgumentException("Host is empty", "options");
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentException("Port is out of range", "options");
            }

            if (IsEmpty(options.ClientId))
            {
                throw new ArgumentException("ClientId is empty", "options");
            }

            if (options.KeepAliveS < 0 || options.KeepAliveS > 65535)
            {
                throw new ArgumentException("KeepAliveS is out of range", "options");
            }

            if (options.ReconnectMinMs < 1 || options.ReconnectMaxMs < options.ReconnectMinMs)
            {
                throw new ArgumentException("reconnect delays are out of range", "options");
            }

            if (options.UseTls && IsEmpty(options.CaCertificate))
            {
                // no silent fallback to an unauthenticated broker
                throw new ArgumentException("UseTls needs the CA certificate (PEM content)", "options");
            }

            if (IsEmpty(options.ClientCertificate) != IsEmpty(options.ClientKey))
            {
                throw new ArgumentException("ClientCertificate and ClientKey go together", "options");
            }

            if (!options.UseTls && !IsEmpty(options.ClientCertificate))
            {
                throw new ArgumentException("a client certificate is only used with UseTls", "options");
            }

            MqttLinkOptions copy = new MqttLinkOptions();
            copy.Host = options.Host;
            copy.Port = options.Port;
            copy.ClientId = options.ClientId;
            copy.Username = options.Username == null ? "" : options.Username;
            copy.Password = options.Password == null ? "" : options.Password;
            copy.KeepAliveS = options.KeepAliveS;
            copy.WillTopic = options.WillTopic == null ? "" : options.WillTopic;
            copy.WillPayload = options.WillPayload == null ? "" : options.WillPayload;
            copy.WillRetain = options.WillRetain;
            copy.UseTls = options.UseTls;
            copy.CaCertificate = options.CaCertificate == null ? "" : options.CaCertificate;
            copy.ClientCertificate = options.ClientCertificate == null ? "" : options.ClientCertificate;
            copy.ClientKey = options.ClientKey == null ? "" : options.ClientKey;
            copy.ReconnectMinMs = options.ReconnectMinMs;
            copy.ReconnectMaxMs = options.ReconnectMaxMs;
            return copy;
        }

        private static bool IsEmpty(string value)
        {
            return value == null || value.Length == 0;
        }

        // Records why the link is down for LastError, and logs it.
        private void Fail(string message)
        {
            lock (_sync)
            {
                _lastError = message;
            }

            Log(message);
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[mqtt] ", message));
        }
    }
}
