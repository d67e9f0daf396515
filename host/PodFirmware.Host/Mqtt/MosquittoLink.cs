using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// <see cref="IMqttLink"/> for the host build, on libmosquitto (see <see cref="LibMosquitto"/>).
    /// A network thread owned by this class drives libmosquitto's loop: it connects (optionally
    /// over TLS with a password), keeps alive, reconnects with backoff and receives the callbacks,
    /// which this class turns into the polled queues the port asks for.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Protocol: MQTT 3.1.1, clean session. Subscriptions are therefore re-sent by this class on
    /// every accepted (re)connect. The Last Will, when configured, is registered once before the
    /// first connect and libmosquitto repeats it in every CONNECT, always with QoS 1.
    /// </para>
    /// <para>
    /// Stop publishes nothing: it disconnects cleanly, and a clean DISCONNECT tells the broker to
    /// DISCARD the Will. A caller that wants subscribers to see the Will's "offline" payload after
    /// a planned shutdown publishes it itself (retained, like the Will) before calling
    /// <see cref="Stop"/>; that publish is written before the DISCONNECT, as <see cref="IMqttLink.Stop"/> asks of callers.
    /// </para>
    /// <para>
    /// Reconnect: after a lost or failed connection the thread waits as
    /// <see cref="ReconnectBackoff"/> says: <see cref="MqttLinkOptions.ReconnectMinMs"/>, doubling
    /// per further failure up to <see cref="MqttLinkOptions.ReconnectMaxMs"/>, jittered, and back
    /// to the minimum once a CONNACK accepted a connection. It never gives up. libmosquitto's own <c>mosquitto_loop_start</c> thread is not used because
    /// it stops for good on a TLS error, which is what a TLS broker killed mid-session causes
    /// ("unexpected eof while reading"), and on a host-lookup failure.
    /// </para>
    /// <para>
    /// TLS (<see cref="MqttLinkOptions.UseTls"/>): the broker certificate must chain to
    /// <see cref="MqttLinkOptions.CaCertificate"/> (a PEM file) and name the host connected to;
    /// TLS 1.2 is required (libmosquitto 2.0.x offers exactly 1.2, later releases 1.2 or newer);
    /// an optional client certificate and key are presented when given. A missing CA file is
    /// refused by <see cref="Start"/>; a CA that does not verify the broker makes every attempt
    /// fail, with OpenSSL's reason in <see cref="LastError"/>. There is no plaintext fallback.
    /// </para>
    /// <para>
    /// Thread-safety: every member may be called from any thread. Start, Stop, Publish and
    /// Subscribe are serialised against each other (so the native client is never used after it
    /// is destroyed); the receive queue, the acknowledgement queue and the counters are guarded by
    /// one lock shared with the callbacks, which run on the link's network thread. No native call is
    /// made while that lock is held. No exception escapes a callback; faults are counted in
    /// <see cref="CallbackFaultCount"/>.
    /// </para>
    /// <para>
    /// While started, the native client holds a strong handle to this object; call
    /// <see cref="Stop"/> or <see cref="Dispose"/> to release it.
    /// </para>
    /// </remarks>
    public sealed unsafe class MosquittoLink : IMqttLink, IDisposable
    {
        /// <summary>Capacity of the receive queue, in messages; what arrives while it is full is dropped and counted.</summary>
        public const int InboundCapacity = 64;

        /// <summary>Most acknowledgement ids kept for <see cref="TryTakeAck"/>; older ones are discarded when it overflows.</summary>
        public const int AckCapacity = 256;

        /// <summary>QoS of the Last Will, fixed by the pod's topic contract.</summary>
        public const int WillQos = 1;

        /// <summary>Shortest keep-alive libmosquitto accepts, in seconds.</summary>
        private const int MinKeepAliveS = 5;

        /// <summary>Longest wait of one libmosquitto loop pass for socket activity, in milliseconds; a publish from another thread wakes it at once.</summary>
        private const int LoopTimeoutMs = 100;

        /// <summary>How long Stop lets the network thread write the DISCONNECT, in milliseconds.</summary>
        private const int StopFlushMs = 2000;

        /// <summary>Serialises Start/Stop/Publish/Subscribe, the callers of native functions.</summary>
        private readonly object _lifecycle = new object();

        /// <summary>Guards the queues, the subscription list and the counters; taken by callbacks.</summary>
        private readonly object _gate = new object();

        private readonly Queue<Inbound> _inbound = new Queue<Inbound>(InboundCapacity);
        private readonly Queue<int> _acks = new Queue<int>();
        private readonly List<Subscription> _subscriptions = new List<Subscription>();

        /// <summary>QoS by message id of publishes libmosquitto has not yet reported sent.</summary>
        private readonly Dictionary<int, int> _unconfirmed = new Dictionary<int, int>();

        /// <summary>Ids reported sent before <see cref="Publish"/> had registered them (a fast PUBACK race).</summary>
        private readonly HashSet<int> _confirmedEarly = new HashSet<int>();

        /// <summary>Wakes the network thread out of its reconnect delay when <see cref="Stop"/> is called.</summary>
        private readonly ManualResetEventSlim _stopSignal = new ManualResetEventSlim(false);

        private IntPtr _mosq;
        private GCHandle _self;
        private Thread _thread;
        private volatile bool _stopping;
        private volatile bool _connected;

        /// <summary>
        /// Under <see cref="_gate"/>: true from the moment OnConnect has taken its snapshot of
        /// <see cref="_subscriptions"/> until the next disconnect. A topic added while it is true
        /// was not in the snapshot and is subscribed by <see cref="Subscribe"/> itself.
        /// </summary>
        private bool _sessionUp;

        /// <summary>Under <see cref="_gate"/>: a CONNACK accepted the current connection attempt (resets the backoff).</summary>
        private bool _sessionSeen;
        private int _dropped;
        private int _callbackFaults;
        private int _lastConnectResult = -1;

        /// <summary>Under <see cref="_gate"/>: what <see cref="LastError"/> reports.</summary>
        private string _lastError;


        /// <summary>Under <see cref="_gate"/>: the last error libmosquitto logged since the last accepted connect (OpenSSL's reason, for instance).</summary>
        private string _lastLogError;
        private bool _disposed;

        /// <inheritdoc />
        /// <remarks>
        /// Validates <paramref name="options"/>, creates the client, registers credentials, Will
        /// and TLS, and starts the link's network thread, which connects.
        /// Never waits for the broker: an unreachable broker is retried in the background.
        /// Resets <see cref="DroppedInboundCount"/> and empties both queues.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">The options cannot be used (e.g. TLS without a readable CA file).</exception>
        /// <exception cref="InvalidOperationException">Already started, or libmosquitto refused the settings.</exception>
        /// <exception cref="ObjectDisposedException">The link was disposed.</exception>
        public void Start(MqttLinkOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (string.IsNullOrEmpty(options.Host))
            {
                throw new ArgumentException("Broker host is empty.", nameof(options));
            }

            if (options.Port <= 0 || options.Port > 65535)
            {
                throw new ArgumentException("Broker port " + options.Port + " is out of range.", nameof(options));
            }

            ValidateTls(options);

            lock (_lifecycle)
            {
                if (_mosq != IntPtr.Zero)
                {
                    throw new InvalidOperationException("The link is already started.");
                }

                LibMosquitto.EnsureInitialized();
                lock (_gate)
                {
                    _inbound.Clear();
                    _acks.Clear();
                    _unconfirmed.Clear();
                    _confirmedEarly.Clear();
                    _dropped = 0;
                    _lastConnectResult = -1;
                    _lastError = null;
                    _lastLogError = null;
                    _sessionUp = false;
                }

                _self = GCHandle.Alloc(this);
                string clientId = string.IsNullOrEmpty(options.ClientId) ? null : options.ClientId;
                IntPtr mosq = LibMosquitto.mosquitto_new(clientId, true, GCHandle.ToIntPtr(_self));
                if (mosq == IntPtr.Zero)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    _self.Free();
                    throw new InvalidOperationException("mosquitto_new failed (errno " + errno + ").");
                }

                try
                {
                    Configure(mosq, options);
                }
                catch
                {
                    LibMosquitto.mosquitto_destroy(mosq);
                    _self.Free();
                    throw;
                }

                _mosq = mosq;
                _stopping = false;
                var plan = new ConnectPlan(options.Host, options.Port, Math.Max(MinKeepAliveS, options.KeepAliveS),
                    Math.Max(1, options.ReconnectMinMs), Math.Max(Math.Max(1, options.ReconnectMinMs), options.ReconnectMaxMs));
                _thread = new Thread(() => Run(mosq, plan))
                {
                    IsBackground = true,
                    Name = "mqtt-link " + (clientId ?? "(random id)"),
                };
                _thread.Start();
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Publishes nothing (see the class remarks): sends DISCONNECT when connected, which makes
        /// the broker discard the Will, joins the link's network thread and frees the client. Messages
        /// and acknowledgements already queued stay readable. Blocks until the thread has ended:
        /// milliseconds, also while it waits to reconnect; at most about 2 s when the broker does
        /// not take the DISCONNECT, longer only while a host-name lookup is under way. Does
        /// nothing when not started.
        /// </remarks>
        public void Stop()
        {
            lock (_lifecycle)
            {
                IntPtr mosq = _mosq;
                if (mosq == IntPtr.Zero)
                {
                    return;
                }

                // DISCONNECT is queued and written by the network thread, which ends once the
                // socket is closed (or after StopFlushMs when the broker does not take it).
                _stopping = true;
                LibMosquitto.mosquitto_disconnect(mosq);
                _stopSignal.Set();
                _thread.Join();
                _thread = null;
                _stopSignal.Reset();
                LibMosquitto.mosquitto_destroy(mosq);
                _mosq = IntPtr.Zero;
                _connected = false;
                _self.Free();
            }
        }

        /// <summary>Stops the link (see <see cref="Stop"/>). Idempotent.</summary>
        public void Dispose()
        {
            Stop();
            _disposed = true;
        }

        /// <inheritdoc />
        /// <remarks>Set by the network thread on CONNACK accepted and cleared on any disconnect; reading is lock-free.</remarks>
        public bool IsConnected => _connected;

        /// <inheritdoc />
        /// <remarks>
        /// Returns <c>false</c> (and <paramref name="messageId"/> 0) when not started, not
        /// connected, or libmosquitto rejects the message. libmosquitto itself would queue a QoS 1
        /// message while offline; this link refuses it instead so the caller keeps control of what
        /// is resent. QoS 2 is not offered: <paramref name="qos"/> other than 0 or 1 is an error.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="topic"/> or <paramref name="payload"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> or <paramref name="qos"/> is out of range.</exception>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
        {
            ArgumentNullException.ThrowIfNull(topic);
            ArgumentNullException.ThrowIfNull(payload);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(length, payload.Length);
            if (qos != 0 && qos != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS must be 0 or 1.");
            }

            messageId = 0;
            lock (_lifecycle)
            {
                if (_mosq == IntPtr.Zero || !_connected)
                {
                    return false;
                }

                int rc;
                int mid;
                fixed (byte* p = payload)
                {
                    rc = LibMosquitto.mosquitto_publish(_mosq, out mid, topic, length, p, qos, retain);
                }

                if (rc != LibMosquitto.MOSQ_ERR_SUCCESS)
                {
                    return false;
                }

                lock (_gate)
                {
                    if (_confirmedEarly.Remove(mid))
                    {
                        if (qos == 1)
                        {
                            EnqueueAck(mid);
                        }
                    }
                    else
                    {
                        _unconfirmed[mid] = qos;
                    }
                }

                messageId = mid;
                return true;
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Remembered for the life of this object (a second call for the same topic replaces its
        /// QoS) and sent on every accepted connect; sent at once as well when connected now. A
        /// subscribe that races a reconnect may be sent twice, which MQTT treats as one
        /// subscription but which can deliver a retained message twice.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="topic"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="qos"/> is not 0 or 1.</exception>
        public void Subscribe(string topic, int qos)
        {
            ArgumentNullException.ThrowIfNull(topic);
            if (qos != 0 && qos != 1)
            {
                throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS must be 0 or 1.");
            }

            lock (_lifecycle)
            {
                bool sendNow;
                lock (_gate)
                {
                    int index = _subscriptions.FindIndex(s => s.Topic == topic);
                    if (index >= 0)
                    {
                        _subscriptions[index] = new Subscription(topic, qos);
                    }
                    else
                    {
                        _subscriptions.Add(new Subscription(topic, qos));
                    }

                    sendNow = _sessionUp;
                }

                // When the connection drops meanwhile this fails with MOSQ_ERR_NO_CONN, and the
                // next connect's snapshot includes the topic.
                if (sendNow && _mosq != IntPtr.Zero)
                {
                    LibMosquitto.mosquitto_subscribe(_mosq, out _, topic, qos);
                }
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Reuses <paramref name="into"/>'s payload buffer when it is large enough, otherwise gives
        /// it a new one of exactly the message's length. Oldest first; when the queue was full the
        /// newest arrivals were the ones dropped.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public bool TryTakeMessage(MqttInboundMessage into)
        {
            ArgumentNullException.ThrowIfNull(into);
            Inbound message;
            lock (_gate)
            {
                if (_inbound.Count == 0)
                {
                    return false;
                }

                message = _inbound.Dequeue();
            }

            int length = message.Payload.Length;
            if (into.Payload == null || into.Payload.Length < length)
            {
                into.Payload = new byte[length];
            }

            Buffer.BlockCopy(message.Payload, 0, into.Payload, 0, length);
            into.Topic = message.Topic;
            into.Length = length;
            return true;
        }

        /// <inheritdoc />
        /// <remarks>
        /// Reports only QoS 1 publishes made through <see cref="Publish"/>, once libmosquitto has
        /// received their PUBACK, in the order the acknowledgements arrived. A QoS 1 message in
        /// flight when the connection drops is resent by libmosquitto after reconnecting and
        /// reported when that copy is acknowledged.
        /// </remarks>
        public bool TryTakeAck(out int messageId)
        {
            lock (_gate)
            {
                if (_acks.Count == 0)
                {
                    messageId = 0;
                    return false;
                }

                messageId = _acks.Dequeue();
                return true;
            }
        }

        /// <inheritdoc />
        public int DroppedInboundCount
        {
            get
            {
                lock (_gate)
                {
                    return _dropped;
                }
            }
        }

        /// <summary>
        /// Exceptions caught inside libmosquitto callbacks since this object was created (each is
        /// a bug in this class; the event it belonged to was lost). Thread-safe.
        /// </summary>
        public int CallbackFaultCount => Volatile.Read(ref _callbackFaults);

        /// <summary>
        /// The return code of the last CONNACK: 0 accepted, 1–5 the MQTT 3.1.1 refusal codes
        /// (e.g. 5 not authorised), -1 when none arrived since <see cref="Start"/>. Thread-safe.
        /// </summary>
        public int LastConnectResult
        {
            get
            {
                lock (_gate)
                {
                    return _lastConnectResult;
                }
            }
        }

        /// <summary>
        /// Why the link last failed to connect or lost its connection, in words (e.g. OpenSSL's
        /// "certificate verify failed", "Connection Refused: not authorised."), or null when
        /// nothing failed since <see cref="Start"/>. A successful connect does not clear it, so a
        /// flapping link still shows why it flapped. Thread-safe.
        /// </summary>
        public string LastError
        {
            get
            {
                lock (_gate)
                {
                    return _lastError;
                }
            }
        }

        /// <summary>
        /// Checks the TLS options before anything native is created: with <see cref="MqttLinkOptions.UseTls"/>
        /// the CA file must exist (a missing file must not turn into a plaintext connection), a
        /// client certificate needs its key and both files must exist; without TLS no client
        /// certificate may be given (it would silently not be used).
        /// </summary>
        private static void ValidateTls(MqttLinkOptions options)
        {
            bool hasCertificate = !string.IsNullOrEmpty(options.ClientCertificate);
            bool hasKey = !string.IsNullOrEmpty(options.ClientKey);
            if (!options.UseTls)
            {
                if (hasCertificate || hasKey)
                {
                    throw new ArgumentException("ClientCertificate/ClientKey are only used over TLS; set UseTls.", nameof(options));
                }

                return;
            }

            if (!System.IO.File.Exists(options.CaCertificate))
            {
                throw new ArgumentException("UseTls needs CaCertificate to name a readable PEM file on the host; got '" + options.CaCertificate + "'.", nameof(options));
            }

            if (hasCertificate != hasKey)
            {
                throw new ArgumentException("ClientCertificate and ClientKey must be given together.", nameof(options));
            }

            if (hasCertificate && !System.IO.File.Exists(options.ClientCertificate))
            {
                throw new ArgumentException("ClientCertificate names no readable file: '" + options.ClientCertificate + "'.", nameof(options));
            }

            if (hasKey && !System.IO.File.Exists(options.ClientKey))
            {
                throw new ArgumentException("ClientKey names no readable file: '" + options.ClientKey + "'.", nameof(options));
            }
        }

        private static void Configure(IntPtr mosq, MqttLinkOptions options)
        {
            Check(LibMosquitto.mosquitto_int_option(mosq, LibMosquitto.MOSQ_OPT_PROTOCOL_VERSION, LibMosquitto.MQTT_PROTOCOL_V311), "protocol version");

            if (!string.IsNullOrEmpty(options.Username))
            {
                string password = string.IsNullOrEmpty(options.Password) ? null : options.Password;
                Check(LibMosquitto.mosquitto_username_pw_set(mosq, options.Username, password), "mosquitto_username_pw_set");
            }

            if (!string.IsNullOrEmpty(options.WillTopic))
            {
                byte[] will = Encoding.UTF8.GetBytes(options.WillPayload ?? "");
                fixed (byte* p = will)
                {
                    Check(LibMosquitto.mosquitto_will_set(mosq, options.WillTopic, will.Length, p, WillQos, options.WillRetain), "mosquitto_will_set");
                }
            }

            if (options.UseTls)
            {
                string certificate = string.IsNullOrEmpty(options.ClientCertificate) ? null : options.ClientCertificate;
                string key = string.IsNullOrEmpty(options.ClientKey) ? null : options.ClientKey;
                Check(LibMosquitto.mosquitto_tls_set(mosq, options.CaCertificate, null, certificate, key, IntPtr.Zero), "mosquitto_tls_set");

                // Peer verification against the CA and the host-name check are libmosquitto's
                // defaults too; they are set explicitly so that no default can ever weaken them.
                Check(LibMosquitto.mosquitto_tls_opts_set(mosq, LibMosquitto.SSL_VERIFY_PEER, LibMosquitto.TlsVersion12, null), "mosquitto_tls_opts_set");
                Check(LibMosquitto.mosquitto_tls_insecure_set(mosq, false), "mosquitto_tls_insecure_set");
            }

            // The network loop runs on this class's own thread (see Run), not libmosquitto's.
            Check(LibMosquitto.mosquitto_threaded_set(mosq, true), "mosquitto_threaded_set");

            LibMosquitto.mosquitto_connect_callback_set(mosq, &OnConnect);
            LibMosquitto.mosquitto_disconnect_callback_set(mosq, &OnDisconnect);
            LibMosquitto.mosquitto_publish_callback_set(mosq, &OnPublish);
            LibMosquitto.mosquitto_message_callback_set(mosq, &OnMessage);
            LibMosquitto.mosquitto_log_callback_set(mosq, &OnLog);
        }

        /// <summary>
        /// The network thread: connects, runs libmosquitto's loop (socket I/O, keep-alive, TLS
        /// handshake, callbacks) until the connection ends for any reason, waits the backoff and
        /// connects again, until <see cref="Stop"/>. Unlike <c>mosquitto_loop_forever</c>, it
        /// never gives up: libmosquitto's own loop treats a TLS error (such as the
        /// "unexpected eof" a killed TLS broker causes) or a host-lookup failure as fatal and
        /// would never reconnect.
        /// </summary>
        private void Run(IntPtr mosq, ConnectPlan plan)
        {
            var backoff = new ReconnectBackoff(plan.MinDelayMs, plan.MaxDelayMs, new Random());
            while (!_stopping)
            {
                lock (_gate)
                {
                    _sessionSeen = false;
                    _lastLogError = null;
                }

                int rc = LibMosquitto.mosquitto_connect_async(mosq, plan.Host, plan.Port, plan.KeepAliveS);
                if (rc == LibMosquitto.MOSQ_ERR_SUCCESS)
                {
                    do
                    {
                        rc = LibMosquitto.mosquitto_loop(mosq, LoopTimeoutMs, 1);
                    }
                    while (rc == LibMosquitto.MOSQ_ERR_SUCCESS && !_stopping);
                }

                if (rc != LibMosquitto.MOSQ_ERR_SUCCESS && rc != LibMosquitto.MOSQ_ERR_NO_CONN && !_stopping)
                {
                    lock (_gate)
                    {
                        _lastError = "connection to " + plan.Host + ":" + plan.Port + " ended: " + LibMosquitto.ErrorText(rc)
                            + (_lastLogError == null ? "" : "; " + _lastLogError);
                    }
                }

                if (_stopping)
                {
                    break;
                }

                bool wasUp;
                lock (_gate)
                {
                    wasUp = _sessionSeen;
                }

                _stopSignal.Wait(backoff.NextWaitMs(wasUp));
            }

            // Flush the DISCONNECT that Stop queued: a clean disconnect makes the broker discard
            // the Will. The loop returns an error once the socket is closed.
            long deadline = Environment.TickCount64 + StopFlushMs;
            while (Environment.TickCount64 < deadline
                && LibMosquitto.mosquitto_loop(mosq, LoopTimeoutMs, 1) == LibMosquitto.MOSQ_ERR_SUCCESS)
            {
            }
        }

        private static void Check(int rc, string what)
        {
            if (rc != LibMosquitto.MOSQ_ERR_SUCCESS)
            {
                throw new InvalidOperationException(what + " failed: " + LibMosquitto.ErrorText(rc));
            }
        }

        /// <summary>Called under <see cref="_gate"/>.</summary>
        private void EnqueueAck(int mid)
        {
            if (_acks.Count >= AckCapacity)
            {
                _acks.Dequeue();
            }

            _acks.Enqueue(mid);
        }

        private static MosquittoLink FromUserData(IntPtr obj)
        {
            return obj == IntPtr.Zero ? null : GCHandle.FromIntPtr(obj).Target as MosquittoLink;
        }

        private void SetLastError(string text)
        {
            lock (_gate)
            {
                _lastError = text;
            }
        }

        private void Fault()
        {
            Interlocked.Increment(ref _callbackFaults);
        }

        // ---- Callbacks: run on the link's network thread (inside mosquitto_loop). Nothing may throw out of them. ----

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnConnect(IntPtr mosq, IntPtr obj, int rc)
        {
            MosquittoLink link = null;
            try
            {
                link = FromUserData(obj);
                if (link == null)
                {
                    return;
                }

                Subscription[] resubscribe;
                lock (link._gate)
                {
                    link._lastConnectResult = rc;
                    if (rc != 0)
                    {
                        link._lastError = "broker refused the connection: " + LibMosquitto.ConnackText(rc);
                        link._lastLogError = link._lastError;
                        return;
                    }

                    link._lastLogError = null;
                    link._sessionSeen = true;

                    resubscribe = link._subscriptions.ToArray();
                    link._sessionUp = true;
                }

                // Queued by libmosquitto (we are inside a callback) and written right after the
                // callback returns, before anything published once IsConnected turns true.
                foreach (Subscription s in resubscribe)
                {
                    LibMosquitto.mosquitto_subscribe(mosq, out _, s.Topic, s.Qos);
                }

                link._connected = true;
            }
            catch (Exception)
            {
                link?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnDisconnect(IntPtr mosq, IntPtr obj, int rc)
        {
            MosquittoLink link = null;
            try
            {
                link = FromUserData(obj);
                if (link == null)
                {
                    return;
                }

                link._connected = false;
                lock (link._gate)
                {
                    link._sessionUp = false;
                    if (rc != 0)
                    {
                        // rc is a MOSQ_ERR_* code: a lost connection or a failed (TLS) connect.
                        link._lastError = "disconnected: " + LibMosquitto.ErrorText(rc)
                            + (link._lastLogError == null ? "" : "; " + link._lastLogError);
                    }

                    // QoS 0 packets still unwritten are discarded with the connection and will
                    // never be reported; QoS 1 ones are resent after reconnecting and stay.
                    List<int> lost = null;
                    foreach (KeyValuePair<int, int> entry in link._unconfirmed)
                    {
                        if (entry.Value == 0)
                        {
                            (lost ??= new List<int>()).Add(entry.Key);
                        }
                    }

                    if (lost != null)
                    {
                        foreach (int mid in lost)
                        {
                            link._unconfirmed.Remove(mid);
                        }
                    }
                }
            }
            catch (Exception)
            {
                link?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnPublish(IntPtr mosq, IntPtr obj, int mid)
        {
            MosquittoLink link = null;
            try
            {
                link = FromUserData(obj);
                if (link == null)
                {
                    return;
                }

                lock (link._gate)
                {
                    if (link._unconfirmed.Remove(mid, out int qos))
                    {
                        if (qos == 1)
                        {
                            link.EnqueueAck(mid);
                        }
                    }
                    else
                    {
                        // The PUBACK beat Publish's bookkeeping; Publish resolves it.
                        link._confirmedEarly.Add(mid);
                    }
                }
            }
            catch (Exception)
            {
                link?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnMessage(IntPtr mosq, IntPtr obj, LibMosquitto.MosquittoMessage* message)
        {
            MosquittoLink link = null;
            try
            {
                link = FromUserData(obj);
                if (link == null || message == null)
                {
                    return;
                }

                lock (link._gate)
                {
                    if (link._inbound.Count >= InboundCapacity)
                    {
                        link._dropped++;
                        return;
                    }
                }

                // Copied outside the lock: libmosquitto frees the message when we return.
                string topic = Marshal.PtrToStringUTF8(message->Topic) ?? "";
                int length = Math.Max(0, message->PayloadLen);
                byte[] payload = new byte[length];
                if (length > 0 && message->Payload != IntPtr.Zero)
                {
                    Marshal.Copy(message->Payload, payload, 0, length);
                }

                lock (link._gate)
                {
                    // Only this thread adds, so the count can only have fallen since the check.
                    link._inbound.Enqueue(new Inbound(topic, payload));
                }
            }
            catch (Exception)
            {
                link?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnLog(IntPtr mosq, IntPtr obj, int level, IntPtr text)
        {
            MosquittoLink link = null;
            try
            {
                link = FromUserData(obj);
                if ((level & (LibMosquitto.MOSQ_LOG_ERR | LibMosquitto.MOSQ_LOG_WARNING)) == 0)
                {
                    return;
                }

                if (link == null)
                {
                    return;
                }

                string line = text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text) ?? "";
                lock (link._gate)
                {
                    // OpenSSL's reasons ("certificate verify failed") arrive here, before the
                    // disconnect callback that reports only MOSQ_ERR_TLS.
                    link._lastLogError = line;
                    link._lastError = line;
                }
            }
            catch (Exception)
            {
                link?.Fault();
            }
        }

        private readonly struct Inbound
        {
            public readonly string Topic;
            public readonly byte[] Payload;

            public Inbound(string topic, byte[] payload)
            {
                Topic = topic;
                Payload = payload;
            }
        }

        private sealed class ConnectPlan
        {
            public readonly string Host;
            public readonly int Port;
            public readonly int KeepAliveS;
            public readonly int MinDelayMs;
            public readonly int MaxDelayMs;

            public ConnectPlan(string host, int port, int keepAliveS, int minDelayMs, int maxDelayMs)
            {
                Host = host;
                Port = port;
                KeepAliveS = keepAliveS;
                MinDelayMs = minDelayMs;
                MaxDelayMs = maxDelayMs;
            }
        }

        private readonly struct Subscription
        {
            public readonly string Topic;
            public readonly int Qos;

            public Subscription(string topic, int qos)
            {
                Topic = topic;
                Qos = qos;
            }
        }
    }
}
