using System;
using System.Threading;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The <see cref="IMqttLink"/> of both builds: every decision of an MQTT link, over a minimal
    /// <see cref="IMqttClientPort"/> (M2Mqtt on the board, libmosquitto on the host). It keeps the
    /// connection state, reconnects with backoff and jitter, resubscribes and re-sends the Last Will
    /// on every connect, queues publishes, maps the client's packet ids to its own message ids and
    /// queues what arrives. It is the coordinator: its state and data live in small parts
    /// (<see cref="MqttConnectionState"/>, <see cref="MqttOutboundQueue"/>, <see cref="MqttInboundQueue"/>,
    /// <see cref="MqttInFlightTable"/>, <see cref="MqttCompletionQueue"/>, <see cref="MqttAckQueue"/>,
    /// <see cref="MqttSubscriptionList"/>, <see cref="MqttConnectSchedule"/>), which it touches under its one lock
    /// or on its link thread only.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Threads: <see cref="Start"/> starts one link thread that runs <see cref="Run"/>: a loop of
    /// <see cref="RunOnce"/> (every client call is made there) and <see cref="IMqttClientPort.Idle"/>.
    /// Tests call <see cref="Open"/> instead and drive <see cref="RunOnce"/> themselves in virtual
    /// time. Callers (the messaging pump) only touch bounded array rings under one short lock, and
    /// no client call is ever made while it is held, so a stalled broker, socket or TLS handshake
    /// stalls only the link thread: <see cref="Publish"/> then fills the outbound queue and returns
    /// <c>false</c>. The client's reports (<see cref="OnMessageReceived"/>,
    /// <see cref="OnPublishCompleted"/>, <see cref="OnConnectionLost"/>) may come from any thread.
    /// </para>
    /// <para>
    /// Connecting: the first attempt is made at once. After a failed attempt the engine waits as
    /// <see cref="ReconnectBackoff"/> says (<see cref="MqttLinkOptions.ReconnectMinMs"/> doubling to
    /// <see cref="MqttLinkOptions.ReconnectMaxMs"/>, jittered into [delay/2, delay], never below the
    /// minimum; the minimum again after a connection the broker had accepted). It never gives up,
    /// whatever the failure (refused CONNACK, socket, TLS). Every CONNECT carries the Last Will; every
    /// accepted connect subscribes every topic again before <see cref="IsConnected"/> turns true, so
    /// nothing published after that can overtake the subscriptions.
    /// </para>
    /// <para>
    /// Every connection has a clean session and a new session number. The ids returned by
    /// <see cref="Publish"/> are the engine's own, increasing across reconnects; a client packet id
    /// is matched only within the session it was handed over in, so an id of an old connection is
    /// never acknowledged by a message of a new one. QoS 1 publishes that were not acknowledged when a
    /// connection dropped are not resent by the engine; their ids never come out of
    /// <see cref="TryTakeAck"/>, and the core decides what to resend. QoS 0 publishes get id 0.
    /// </para>
    /// <para>
    /// Stop: publishes nothing of its own. It hands over what is still queued, waits up to
    /// <see cref="StopFlushMs"/> for the acknowledgements of QoS 1 publishes in flight, then
    /// disconnects cleanly, which makes the broker discard the Will; a caller that wants subscribers
    /// to see "offline" publishes it before <see cref="Stop"/>. The engine is started once.
    /// </para>
    /// </remarks>
    public sealed class MqttLinkEngine : IMqttLink
    {
        /// <summary>Topics that <see cref="Subscribe"/> accepts.</summary>
        public const int MaxSubscriptions = 16;

        /// <summary>Longest wait of the link thread when nothing happens, in milliseconds; work wakes it earlier.</summary>
        public const int IdleMs = 1000;

        /// <summary>How long <see cref="Stop"/> lets QoS 1 publishes in flight be acknowledged, in milliseconds.</summary>
        public const int StopFlushMs = 2000;

        /// <summary>How long <see cref="Stop"/> waits for the link thread to end, in milliseconds.</summary>
        public const int StopJoinTimeoutMs = 8000;

        /// <summary>What <see cref="IMqttClientPort.Publish"/> returns when its client is busy: the message is offered again later.</summary>
        public const int PublishBusy = -1;

        /// <summary>
        /// The <see cref="InboundWaitMs"/> both links set, in milliseconds: a messaging pump that runs at least this often
        /// never loses a received message to a full queue.
        /// </summary>
        public const int DefaultInboundWaitMs = 1000;

        // A full queue's waiter looks for room this often (ms). A poll, not an event: the board's v1 library has no
        // portable signal (EventWaitHandle.Set) the host build also compiles to.
        private const int InboundWaitStepMs = 2;

        /// <summary>What <see cref="IMqttClientPort.Publish"/> returns when its client refuses this message for good (e.g. an invalid topic): the message is dropped, never acknowledged.</summary>
        public const int PublishRejected = -2;

        private const int StopPollMs = 20;

        // Taken with Monitor.Enter/Exit, not `lock`: the host compiler lowers `lock` to
        // Monitor.Enter(object, ref bool), which nanoFramework v1 lacks.
        private readonly object _sync = new object();
        private readonly IMqttClientPort _client;
        private readonly IClock _clock;
        private readonly IRandomSource _random;

        // ---- guarded by _sync ----
        private MqttLinkOptions _options;
        private Thread _thread;
        private readonly MqttConnectionState _state = new MqttConnectionState();
        private int _lastLinkId;
        private readonly MqttInboundQueue _inbound;
        private int _inboundWaitMs;
        private int _inboundWaits;
        private bool _readPaused;
        private int _readPauses;
        private readonly MqttOutboundQueue _outbound;
        private readonly MqttAckQueue _acks;
        private readonly MqttCompletionQueue _completions;
        private readonly MqttSubscriptionList _subscriptions = new MqttSubscriptionList(MaxSubscriptions);

        // ---- link thread only ----
        private MqttConnectSchedule _schedule;
        private bool _clientOpen;
        private long _stopDeadlineMs = -1;
        private readonly MqttInFlightTable _inFlight;

        /// <summary>
        /// Creates a stopped engine whose <see cref="InboundWaitMs"/> is <paramref name="inboundWaitMs"/> (the links pass
        /// <see cref="DefaultInboundWaitMs"/>); the other parameters as in the six-parameter constructor.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A capacity is below 1, or <paramref name="inboundWaitMs"/> below 0.</exception>
        public MqttLinkEngine(IMqttClientPort client, IClock clock, IRandomSource random, int inboundCapacity, int outboundCapacity, int ackCapacity, int inboundWaitMs)
            : this(client, clock, random, inboundCapacity, outboundCapacity, ackCapacity)
        {
            InboundWaitMs = inboundWaitMs;
        }

        /// <summary>Creates a stopped engine over <paramref name="client"/> and binds the client to it.</summary>
        /// <param name="client">The client library adapter; the engine is its only user.</param>
        /// <param name="clock">Monotonic time for the reconnect schedule and the stop flush.</param>
        /// <param name="random">Jitter source.</param>
        /// <param name="inboundCapacity">Received messages held until <see cref="TryTakeMessage"/>; a message that finds it full waits up to <see cref="InboundWaitMs"/>, then is dropped and counted.</param>
        /// <param name="outboundCapacity">Publishes queued for the link thread; <see cref="Publish"/> returns <c>false</c> when full.</param>
        /// <param name="ackCapacity">QoS 1 publishes in flight at once. Acknowledged ids are held until <see cref="TryTakeAck"/> for this plus <paramref name="outboundCapacity"/> (every publish not yet taken back), so a caller that takes them all before it publishes that many more never loses one; beyond that the oldest is dropped.</param>
        /// <exception cref="ArgumentNullException">A port is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A capacity is below 1.</exception>
        public MqttLinkEngine(IMqttClientPort client, IClock clock, IRandomSource random, int inboundCapacity, int outboundCapacity, int ackCapacity)
        {
            if (client == null)
            {
                throw new ArgumentNullException("client");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            if (inboundCapacity < 1 || outboundCapacity < 1 || ackCapacity < 1)
            {
                throw new ArgumentOutOfRangeException("inboundCapacity", "capacities must be at least 1");
            }

            _client = client;
            _clock = clock;
            _random = random;
            _inbound = new MqttInboundQueue(inboundCapacity);
            _outbound = new MqttOutboundQueue(outboundCapacity);
            // Every acknowledgement not yet taken belongs to a publish in flight or queued since the caller last took
            // them: a caller that takes them all each round never loses one (a lost id strands a stored record).
            _acks = new MqttAckQueue(ackCapacity + outboundCapacity);
            _inFlight = new MqttInFlightTable(ackCapacity);

            // every completion of one pass: at most the QoS 1 publishes in flight plus one queue of QoS 0
            _completions = new MqttCompletionQueue(ackCapacity + outboundCapacity);
            client.Bind(this);
        }

        // ------------------------------------------------------------------ IMqttLink

        /// <summary>Validates and copies <paramref name="options"/> (<see cref="Open"/>) and starts the link thread; returns at once.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">A setting is out of range or inconsistent (see <see cref="Open"/>).</exception>
        /// <exception cref="InvalidOperationException">The engine was started before.</exception>
        public void Start(MqttLinkOptions options)
        {
            Open(options);
            Thread thread = new Thread(new ThreadStart(Run));

            Monitor.Enter(_sync);
            try
            {
                _thread = thread;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            thread.Start();
        }

        /// <summary>
        /// Starts without a thread: validates and copies <paramref name="options"/> and lets the
        /// client prepare them; the caller then drives <see cref="RunOnce"/> (or <see cref="Run"/>).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">Host or client id empty, port or keep-alive out of range, reconnect delays below 1 ms or max below min, TLS without a CA, a client certificate without its key or without TLS.</exception>
        /// <exception cref="InvalidOperationException">The engine was started before.</exception>
        /// <exception cref="Exception">Whatever <see cref="IMqttClientPort.Prepare"/> throws (unreadable TLS material).</exception>
        public void Open(MqttLinkOptions options)
        {
            MqttLinkOptions copy = MqttLinkSettings.Validated(options);
            ThrowIfStarted();
            _client.Prepare(copy);
            ReconnectBackoff backoff = new ReconnectBackoff(copy.ReconnectMinMs, copy.ReconnectMaxMs, _random);

            Monitor.Enter(_sync);
            try
            {
                _state.Start();
                _schedule = new MqttConnectSchedule(backoff, _clock.MonotonicMs);
                _options = copy;
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        private void ThrowIfStarted()
        {
            Monitor.Enter(_sync);
            try
            {
                _state.ThrowIfStarted();
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        /// <summary>
        /// Stops the link: no more publishes are accepted, what is queued is handed over, QoS 1
        /// publishes in flight get up to <see cref="StopFlushMs"/> to be acknowledged, then a clean
        /// disconnect. With a link thread (<see cref="Start"/>) it blocks until the thread has ended
        /// (at most <see cref="StopJoinTimeoutMs"/>); without one the next <see cref="RunOnce"/> calls
        /// carry it out. Does nothing when not started or already stopping.
        /// </summary>
        public void Stop()
        {
            Thread thread;

            Monitor.Enter(_sync);
            try
            {
                if (!_state.RequestStop())
                {
                    return;
                }

                thread = _thread;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            _client.Wake();

            if (thread != null)
            {
                thread.Join(StopJoinTimeoutMs);
            }
        }

        /// <summary><c>true</c> from an accepted connect (after its resubscribe) until the connection is lost or stopped. Thread-safe.</summary>
        public bool IsConnected
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _state.IsConnected;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>
        /// Copies the payload into the outbound queue for the link thread. Returns <c>false</c>
        /// without queueing when the link is down or stopping, or the queue is full. Thread-safe.
        /// </summary>
        /// <param name="topic">Topic name, no wildcards.</param>
        /// <param name="payload">Buffer holding the payload in its first <paramref name="length"/> bytes; copied before return.</param>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="qos">0 or 1.</param>
        /// <param name="retain">Whether the broker keeps it as the topic's retained message.</param>
        /// <param name="messageId">For QoS 1 the id <see cref="TryTakeAck"/> reports once the broker acknowledged it (1 and up, increasing); 0 for QoS 0 or when not queued.</param>
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

            Monitor.Enter(_sync);
            try
            {
                if (!_state.AcceptsPublishes || _outbound.IsFull)
                {
                    return false;
                }

                byte[] copy = new byte[length];

                if (length > 0)
                {
                    Array.Copy(payload, 0, copy, 0, length);
                }

                int id = 0;

                if (qos == 1)
                {
                    _lastLinkId = _lastLinkId == int.MaxValue ? 1 : _lastLinkId + 1;
                    id = _lastLinkId;
                }

                _outbound.TryAdd(topic, copy, qos, retain, id);
                messageId = id;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            _client.Wake();
            return true;
        }

        /// <summary>
        /// Subscribes to <paramref name="topic"/> on the current connection (if any) and after every
        /// reconnect. Subscribing again to the same topic replaces its QoS. Thread-safe.
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

            Monitor.Enter(_sync);
            try
            {
                _subscriptions.Set(topic, qos);
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            _client.Wake();
        }

        /// <summary>
        /// Moves the oldest received message into <paramref name="into"/>: its topic, the payload
        /// array as received (handed over, not copied) and its length. Thread-safe.
        /// </summary>
        /// <returns><c>false</c> when none is waiting.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public bool TryTakeMessage(MqttInboundMessage into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            bool taken;
            bool resume = false;

            Monitor.Enter(_sync);
            try
            {
                taken = _inbound.TryTake(into);

                if (taken && _readPaused && HasReadRoom())
                {
                    _readPaused = false;
                    resume = true;
                }
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            if (resume)
            {
                // the link thread stopped reading for want of room; it reads again now, not after its idle wait
                _client.Wake();
            }

            return taken;
        }

        /// <summary>
        /// Whether the client should read more from the network now: <c>true</c> while the inbound queue is at most
        /// half full. A client port that controls its own socket reads (the host's) reads only while this is
        /// <c>true</c>, and keeps writing and keeping alive meanwhile: what the pod has no room for stays in the
        /// socket and on the broker, while the pod's own publishes go on. The other half of the queue takes what one
        /// read delivers. After a <c>false</c>, the <see cref="TryTakeMessage"/> that brings the
        /// queue back to half full wakes the link thread. Also <c>true</c> while the QoS 1 publishes in flight are at
        /// their bound: their acknowledgements wait behind the unread messages, and without them nothing more could be
        /// published, so the caller could not answer what it takes (a full queue then holds the client's thread, see
        /// <see cref="OnMessageReceived"/>). Link thread only.
        /// </summary>
        public bool WantsInbound
        {
            get
            {
                bool acksNeeded = _inFlight.IsFull;
                Monitor.Enter(_sync);
                try
                {
                    if (acksNeeded || HasReadRoom())
                    {
                        return true;
                    }

                    if (!_readPaused)
                    {
                        _readPaused = true;
                        _readPauses++;
                    }

                    return false;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>How often <see cref="WantsInbound"/> stopped the client's reads for want of room, since start. Thread-safe.</summary>
        public int ReadPauseCount
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _readPauses;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        // under _sync
        private bool HasReadRoom()
        {
            return _inbound.Count <= _inbound.Capacity / 2;
        }

        /// <summary>
        /// Longest time <see cref="OnMessageReceived"/> holds the client's thread waiting for room in a full inbound
        /// queue, in milliseconds; 0 (the default) drops at once. Set it before <see cref="Start"/>; the links set
        /// <see cref="DefaultInboundWaitMs"/>. Thread-safe.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Below 0.</exception>
        public int InboundWaitMs
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _inboundWaitMs;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }

            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value", "at least 0");
                }

                Monitor.Enter(_sync);
                try
                {
                    _inboundWaitMs = value;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>Received messages that found the inbound queue full and had to wait for room, since start. Thread-safe.</summary>
        public int InboundWaitCount
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _inboundWaits;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>Takes the id of one acknowledged QoS 1 publish, in the order the acknowledgements arrived. Thread-safe.</summary>
        /// <param name="messageId">The id <see cref="Publish"/> returned; 0 when none is waiting.</param>
        /// <returns><c>false</c> when none is waiting.</returns>
        public bool TryTakeAck(out int messageId)
        {
            Monitor.Enter(_sync);
            try
            {
                return _acks.TryTake(out messageId);
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        /// <summary>Received messages waiting for <see cref="TryTakeMessage"/> now. Thread-safe.</summary>
        public int InboundCount
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _inbound.Count;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>Received messages dropped because the inbound queue was full, since start. Thread-safe.</summary>
        public int DroppedInboundCount
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _inbound.DroppedCount;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>
        /// Why the link last failed to connect or lost its connection (the client's exception message,
        /// e.g. OpenSSL's "certificate verify failed", or the broker's refusal), or null when nothing
        /// failed yet. Not cleared by a later successful connect, so a flapping link still shows why. Thread-safe.
        /// </summary>
        public string LastError
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _state.LastError;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>
        /// The code of the last CONNACK: 0 accepted, 1 to 5 the MQTT 3.1.1 refusals (5 not authorised),
        /// -1 while none has arrived. Thread-safe.
        /// </summary>
        public int LastConnectResult
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _state.LastConnectResult;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary><c>true</c> once <see cref="Stop"/> was called; a client port checks it to abandon a connect in progress. Thread-safe.</summary>
        public bool StopRequested
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _state.IsStopRequested;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        /// <summary>The number of the current (or last) connection attempt, 0 before the first. Thread-safe.</summary>
        public int Session
        {
            get
            {
                Monitor.Enter(_sync);
                try
                {
                    return _state.Session;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        // ------------------------------------------------------------------ client reports (any thread)

        /// <summary>
        /// The client received a message. The engine keeps <paramref name="payload"/> (the whole array
        /// is the payload) until <see cref="TryTakeMessage"/> hands it on; when the inbound queue stays full
        /// (see remarks) the new message is dropped and counted, so what is queued keeps its order. Thread-safe.
        /// </summary>
        /// <remarks>
        /// Flow control: a client port that controls its reads stops reading while the queue is more than half full
        /// (<see cref="WantsInbound"/>), so a message normally finds room. One that finds the queue full (a read
        /// delivered more than the free half, or the client reads on its own thread regardless, as M2Mqtt does) waits
        /// up to <see cref="InboundWaitMs"/> for <see cref="TryTakeMessage"/> to make room, holding the client's thread,
        /// which reads nothing more meanwhile. Only when nobody takes anything for <see cref="InboundWaitMs"/>, or the
        /// link is stopping, is the message dropped and counted.
        /// </remarks>
        public void OnMessageReceived(string topic, byte[] payload)
        {
            long deadlineMs = 0;
            bool waiting = false;
            while (true)
            {
                int waitMs;
                Monitor.Enter(_sync);
                try
                {
                    if (_inbound.Count < _inbound.Capacity || _inboundWaitMs <= 0 || _state.IsStopRequested)
                    {
                        _inbound.TryAdd(topic, payload);
                        return;
                    }

                    long nowMs = _clock.MonotonicMs;
                    if (!waiting)
                    {
                        waiting = true;
                        _inboundWaits++;
                        deadlineMs = nowMs + _inboundWaitMs;
                    }

                    if (nowMs >= deadlineMs)
                    {
                        _inbound.TryAdd(topic, payload);
                        return;
                    }

                    long leftMs = deadlineMs - nowMs;
                    waitMs = leftMs < InboundWaitStepMs ? (int)leftMs : InboundWaitStepMs;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                Thread.Sleep(waitMs);
            }
        }

        /// <summary>
        /// The client finished a publish of connection <paramref name="session"/>: <paramref name="delivered"/>
        /// when the broker acknowledged it (QoS 1) or it was written (QoS 0), <c>false</c> when the client
        /// gave up. Matched on the link thread against the packet ids it handed over in that session;
        /// reports of other sessions are ignored. Thread-safe.
        /// </summary>
        public void OnPublishCompleted(int session, int packetId, bool delivered)
        {
            Monitor.Enter(_sync);
            try
            {
                if (!_state.IsCurrent(session) || !_completions.TryAdd(session, packetId, delivered))
                {
                    return;
                }
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            _client.Wake();
        }

        /// <summary>
        /// Connection <paramref name="session"/> is gone (<paramref name="reason"/> becomes <see cref="LastError"/>).
        /// <see cref="IsConnected"/> turns false at once; the link thread closes the client and schedules the
        /// next attempt. Reports of other sessions, and repeats, are ignored. Thread-safe.
        /// </summary>
        public void OnConnectionLost(int session, string reason)
        {
            Monitor.Enter(_sync);
            try
            {
                if (!_state.ReportLost(session, reason))
                {
                    return;
                }
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            _client.Wake();
        }

        // ------------------------------------------------------------------ link thread

        /// <summary>
        /// The link thread's loop: <see cref="RunOnce"/>, then <see cref="IMqttClientPort.Idle"/> for as
        /// long as it asked, until the engine has stopped. <see cref="Start"/> runs it on its own thread.
        /// </summary>
        public void Run()
        {
            while (true)
            {
                int waitMs;

                try
                {
                    waitMs = RunOnce();
                }
                catch (Exception ex)
                {
                    // a fault of the engine or the client: recorded, and the loop carries on
                    SetError(String.Concat("link step failed: ", ex.Message));
                    waitMs = IdleMs;
                }

                if (waitMs < 0)
                {
                    return;
                }

                try
                {
                    _client.Idle(waitMs);
                }
                catch (Exception ex)
                {
                    SetError(String.Concat("client idle failed: ", ex.Message));
                }
            }
        }

        /// <summary>
        /// One step of the link thread, at the clock's current time: resolves acknowledgements, notices a
        /// lost connection, connects when an attempt is due (resubscribing on success), subscribes new
        /// topics, hands queued publishes to the client, and carries out a requested stop. Returns how long
        /// to wait before the next step in milliseconds (work reported meanwhile wakes the thread earlier),
        /// or -1 once stopped (or before <see cref="Open"/>). Link thread only.
        /// </summary>
        public int RunOnce()
        {
            bool stop;
            bool lost;

            Monitor.Enter(_sync);
            try
            {
                if (!_state.IsStarted || _state.IsStopped)
                {
                    return -1;
                }

                stop = _state.IsStopRequested;
                lost = _state.IsLost;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            if (_clientOpen)
            {
                ResolveCompletions();

                if (lost)
                {
                    CloseClient();
                    _schedule.Reschedule(_clock.MonotonicMs, true);
                }
            }

            if (stop)
            {
                return StepStop();
            }

            if (!_clientOpen)
            {
                if (!_schedule.IsDue(_clock.MonotonicMs))
                {
                    return _schedule.WaitMs(_clock.MonotonicMs, IdleMs);
                }

                if (!TryConnect())
                {
                    return _schedule.WaitMs(_clock.MonotonicMs, IdleMs);
                }
            }

            if (SendSubscriptions())
            {
                PumpOutbound();
            }

            Monitor.Enter(_sync);
            try
            {
                // a broken connection is closed in the very next step
                return _state.IsLost ? 0 : IdleMs;
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        private bool TryConnect()
        {
            MqttLinkOptions options;
            int session;

            Monitor.Enter(_sync);
            try
            {
                session = _state.BeginAttempt();
                _completions.Clear();
                options = _options;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            int code;

            try
            {
                _clientOpen = true;
                code = _client.Connect(options, session);
            }
            catch (Exception ex)
            {
                // TLS failures (unknown CA, wrong host name), refused sockets and DNS land here
                SetError(String.Concat(String.Concat("connect to ", options.Host, ":", options.Port.ToString()), " failed: ", ex.Message));
                CloseClient();
                _schedule.Reschedule(_clock.MonotonicMs, false);
                return false;
            }

            // the code and the reason for a refusal are recorded together, so a reader never sees one without the other
            string refusal = code != 0 ? String.Concat("broker refused the connection: ", RefusalText(code)) : null;
            Monitor.Enter(_sync);
            try
            {
                _state.RecordConnack(code);
                if (refusal != null)
                {
                    _state.Fail(refusal);
                }
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            if (refusal != null)
            {
                CloseClient();
                _schedule.Reschedule(_clock.MonotonicMs, false);
                return false;
            }

            Monitor.Enter(_sync);
            try
            {
                _subscriptions.MarkAllUnsent();
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            // clean session: the broker knows none of our topics, so all are sent before anything else
            if (!SendSubscriptions())
            {
                return true;
            }

            Monitor.Enter(_sync);
            try
            {
                _state.Accept();
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            return true;
        }

        // Sends every topic not yet sent on this connection; false when the connection broke.
        private bool SendSubscriptions()
        {
            for (int i = 0; i < MaxSubscriptions; i++)
            {
                string topic;
                int qos;

                Monitor.Enter(_sync);
                try
                {
                    if (i >= _subscriptions.Count || _state.IsLost)
                    {
                        return !_state.IsLost;
                    }

                    if (_subscriptions.IsSent(i))
                    {
                        continue;
                    }

                    topic = _subscriptions.TopicAt(i);
                    qos = _subscriptions.QosAt(i);
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                try
                {
                    _client.Subscribe(topic, qos);
                }
                catch (Exception ex)
                {
                    MarkLost(String.Concat("subscribe failed: ", ex.Message));
                    return false;
                }

                Monitor.Enter(_sync);
                try
                {
                    // a Subscribe call in between may have changed the entry: then it is sent again
                    _subscriptions.MarkSent(i, topic, qos);
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }

            return true;
        }

        private void PumpOutbound()
        {
            while (true)
            {
                string topic;
                byte[] payload;
                int qos;
                bool retain;
                int linkId;

                Monitor.Enter(_sync);
                try
                {
                    if (_state.IsLost || !_outbound.TryPeek(out topic, out payload, out qos, out retain, out linkId))
                    {
                        return;
                    }

                    if (qos == 1 && _inFlight.IsFull)
                    {
                        // back-pressure: wait for acknowledgements before handing over more QoS 1
                        return;
                    }
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                int packetId;

                try
                {
                    packetId = _client.Publish(topic, payload, qos, retain);
                }
                catch (Exception ex)
                {
                    MarkLost(String.Concat("publish failed: ", ex.Message));
                    return;
                }

                if (packetId == PublishBusy)
                {
                    // the client's own queue is full: the message stays first in line
                    return;
                }

                Monitor.Enter(_sync);
                try
                {
                    _outbound.RemoveFirst();
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                if (packetId < 0)
                {
                    // rejected for good: offering it again would only block the queue behind it
                    SetError(String.Concat("publish on ", topic, " rejected by the client"));
                }
                else if (qos == 1)
                {
                    // registered before ResolveCompletions runs on this thread, so a report the client
                    // raised in the meantime still finds it
                    _inFlight.Add(packetId, linkId);
                }
            }
        }

        private void ResolveCompletions()
        {
            while (true)
            {
                int session;
                int packetId;
                bool delivered;

                Monitor.Enter(_sync);
                try
                {
                    if (!_completions.TryTake(out session, out packetId, out delivered))
                    {
                        return;
                    }

                    if (!_state.IsCurrent(session))
                    {
                        continue;
                    }
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                int linkId;

                // not found: a QoS 0 publish (clients report those too); found but not delivered: given up
                if (!_inFlight.TryRemove(packetId, out linkId) || !delivered)
                {
                    continue;
                }

                Monitor.Enter(_sync);
                try
                {
                    _acks.Add(linkId);
                }
                finally
                {
                    Monitor.Exit(_sync);
                }
            }
        }

        private int StepStop()
        {
            bool lost;

            Monitor.Enter(_sync);
            try
            {
                lost = _state.IsLost;
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            if (_clientOpen && !lost)
            {
                long now = _clock.MonotonicMs;

                if (_stopDeadlineMs < 0)
                {
                    _stopDeadlineMs = now + StopFlushMs;
                }

                PumpOutbound();
                bool drained;

                Monitor.Enter(_sync);
                try
                {
                    drained = _outbound.Count == 0 && !_state.IsLost;
                    lost = _state.IsLost;
                }
                finally
                {
                    Monitor.Exit(_sync);
                }

                if (!lost && (!drained || _inFlight.Count > 0) && now < _stopDeadlineMs)
                {
                    return StopPollMs;
                }
            }

            CloseClient();

            Monitor.Enter(_sync);
            try
            {
                _state.MarkStopped();
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            return -1;
        }

        private void CloseClient()
        {
            Monitor.Enter(_sync);
            try
            {
                // what the client reports while and after it closes is no longer news
                _state.Close();
            }
            finally
            {
                Monitor.Exit(_sync);
            }

            if (_clientOpen)
            {
                _clientOpen = false;

                try
                {
                    _client.Disconnect();
                }
                catch (Exception ex)
                {
                    SetError(String.Concat("disconnect failed: ", ex.Message));
                }
            }

            // QoS 1 messages in flight are not acknowledged by a later connection
            _inFlight.Clear();
        }

        private void MarkLost(string reason)
        {
            Monitor.Enter(_sync);
            try
            {
                _state.Lose(reason);
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        private void SetError(string message)
        {
            Monitor.Enter(_sync);
            try
            {
                _state.Fail(message);
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }

        /// <summary>Words for an MQTT 3.1.1 CONNACK refusal code, with the code.</summary>
        public static string RefusalText(int code)
        {
            string text;

            switch (code)
            {
                case 1:
                    text = "unacceptable protocol version";
                    break;
                case 2:
                    text = "identifier rejected";
                    break;
                case 3:
                    text = "server unavailable";
                    break;
                case 4:
                    text = "bad user name or password";
                    break;
                case 5:
                    text = "not authorised";
                    break;
                default:
                    text = "refused";
                    break;
            }

            return String.Concat(text, " (CONNACK ", code.ToString(), ")");
        }
    }
}
