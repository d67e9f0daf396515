using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// <see cref="IMqttClientPort"/> on libmosquitto (<see cref="LibMosquitto"/>): one
    /// <c>mosquitto</c> client per connection, its network loop run by the engine's link thread
    /// (<see cref="Connect"/> until the CONNACK, then <see cref="Idle"/>), its callbacks turned into
    /// reports to the <see cref="MqttLinkEngine"/>. It decides nothing: reconnecting, queues, ids and
    /// subscriptions are the engine's.
    /// </summary>
    /// <remarks>
    /// Threads: every member but <see cref="Wake"/> runs on the link thread, and libmosquitto calls
    /// back on that same thread (inside <c>mosquitto_loop</c>), so the client handle needs no lock.
    /// libmosquitto's own <c>mosquitto_loop_start</c> thread is not used: it stops for good after a TLS
    /// error (what a TLS broker killed mid-session causes) or a failed host lookup. No exception escapes
    /// a callback; faults are counted in <see cref="CallbackFaultCount"/>.
    /// </remarks>
    internal sealed unsafe class MosquittoClientPort : IMqttClientPort
    {
        /// <summary>QoS of the Last Will, fixed by the pod's topic contract.</summary>
        public const int WillQos = 1;

        /// <summary>
        /// QoS 1 publishes libmosquitto sends before it waits for the broker's acknowledgements: the link's whole
        /// in-flight bound (its default of 20 would hold the rest back). Under a command flood those acknowledgements
        /// queue behind commands the pod has not read yet, and the pod's answers should reach the back end meanwhile.
        /// </summary>
        public const int SendMaximum = 256;

        /// <summary>Shortest keep-alive libmosquitto accepts, in seconds.</summary>
        private const int MinKeepAliveS = 5;

        /// <summary>Longest wait of one loop pass for socket activity while connecting or disconnecting, in milliseconds.</summary>
        private const int LoopTimeoutMs = 20;

        private const short PollIn = 0x001;
        private const short PollOut = 0x004;
        private const int EfdNonBlock = 0x800;
        private const int EfdCloExec = 0x80000;

        /// <summary>Bound on TCP connect, TLS handshake and CONNACK, in milliseconds.</summary>
        private const int ConnectTimeoutMs = 15000;

        /// <summary>How long a clean disconnect may take to write the DISCONNECT, in milliseconds.</summary>
        private const int DisconnectFlushMs = 2000;

        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly object _wakeFdLock = new object();
        private int _wakeFd = -1;
        private MqttLinkEngine _engine;
        private GCHandle _self;
        private IntPtr _mosq;
        private int _session;
        private bool _up;
        private int _connack;
        private string _lastLog;
        private int _callbackFaults;

        /// <summary>A port with no client yet; its wake descriptor exists from here on, so no early <see cref="Wake"/> is lost.</summary>
        public MosquittoClientPort()
        {
            WakeFd();
        }

        /// <summary>Exceptions caught inside libmosquitto callbacks (each a bug here; its event was lost). Thread-safe.</summary>
        public int CallbackFaultCount => Volatile.Read(ref _callbackFaults);

        /// <summary>Whether a native client exists (it is destroyed by <see cref="Disconnect"/>).</summary>
        public bool HasClient => _mosq != IntPtr.Zero;

        /// <inheritdoc />
        public void Bind(MqttLinkEngine engine)
        {
            _engine = engine;
        }

        /// <inheritdoc />
        /// <remarks>
        /// With TLS the CA file must exist (a missing file must never turn into a plaintext
        /// connection), and a client certificate and key must exist as files.
        /// </remarks>
        public void Prepare(MqttLinkOptions options)
        {
            if (!options.UseTls)
            {
                return;
            }

            if (!File.Exists(options.CaCertificate))
            {
                throw new ArgumentException("UseTls needs CaCertificate to name a readable PEM file on the host; got '" + options.CaCertificate + "'.", nameof(options));
            }

            if (options.ClientCertificate.Length > 0 && !File.Exists(options.ClientCertificate))
            {
                throw new ArgumentException("ClientCertificate names no readable file: '" + options.ClientCertificate + "'.", nameof(options));
            }

            if (options.ClientKey.Length > 0 && !File.Exists(options.ClientKey))
            {
                throw new ArgumentException("ClientKey names no readable file: '" + options.ClientKey + "'.", nameof(options));
            }

            LibMosquitto.EnsureInitialized();
        }

        /// <inheritdoc />
        public int Connect(MqttLinkOptions options, int session)
        {
            Disconnect();
            LibMosquitto.EnsureInitialized();
            if (!_self.IsAllocated)
            {
                _self = GCHandle.Alloc(this);
            }

            IntPtr mosq = LibMosquitto.mosquitto_new(options.ClientId, true, GCHandle.ToIntPtr(_self));
            if (mosq == IntPtr.Zero)
            {
                throw new InvalidOperationException("mosquitto_new failed (errno " + Marshal.GetLastPInvokeError() + ").");
            }

            _mosq = mosq;
            _session = session;
            _connack = -1;
            _lastLog = null;
            Configure(mosq, options);

            int rc = LibMosquitto.mosquitto_connect_async(mosq, options.Host, options.Port, Math.Max(MinKeepAliveS, options.KeepAliveS));
            long deadline = Environment.TickCount64 + ConnectTimeoutMs;
            while (rc == LibMosquitto.MOSQ_ERR_SUCCESS && _connack < 0)
            {
                if (_engine.StopRequested)
                {
                    throw new OperationCanceledException("stop requested while connecting");
                }

                if (Environment.TickCount64 > deadline)
                {
                    throw new TimeoutException("no CONNACK within " + ConnectTimeoutMs + " ms");
                }

                rc = LibMosquitto.mosquitto_loop(mosq, LoopTimeoutMs, 1);
            }

            if (_connack < 0)
            {
                throw new IOException(Describe(rc));
            }

            _up = _connack == 0;
            return _connack;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            IntPtr mosq = _mosq;
            if (mosq == IntPtr.Zero)
            {
                return;
            }

            if (_up)
            {
                // DISCONNECT is queued, then written by the loop, which errors out once the socket closes
                _up = false;
                LibMosquitto.mosquitto_disconnect(mosq);
                long deadline = Environment.TickCount64 + DisconnectFlushMs;
                while (Environment.TickCount64 < deadline
                    && LibMosquitto.mosquitto_loop(mosq, LoopTimeoutMs, 1) == LibMosquitto.MOSQ_ERR_SUCCESS)
                {
                }
            }

            _mosq = IntPtr.Zero;
            LibMosquitto.mosquitto_destroy(mosq);
        }

        /// <summary>Frees the handle libmosquitto's callbacks use to find this object; only once no client exists.</summary>
        public void Release()
        {
            if (_mosq == IntPtr.Zero && _self.IsAllocated)
            {
                _self.Free();
            }

            lock (_wakeFdLock)
            {
                if (_wakeFd >= 0)
                {
                    Close(_wakeFd);
                    _wakeFd = -1;
                }
            }
        }

        /// <inheritdoc />
        public void Subscribe(string topic, int qos)
        {
            int rc = LibMosquitto.mosquitto_subscribe(_mosq, out _, topic, qos);
            if (rc != LibMosquitto.MOSQ_ERR_SUCCESS)
            {
                throw new IOException("mosquitto_subscribe: " + LibMosquitto.ErrorText(rc));
            }
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos, bool retain)
        {
            int rc;
            int mid;
            fixed (byte* p = payload)
            {
                rc = LibMosquitto.mosquitto_publish(_mosq, out mid, topic, payload.Length, p, qos, retain);
            }

            switch (rc)
            {
                case LibMosquitto.MOSQ_ERR_SUCCESS:
                    return mid;
                case LibMosquitto.MOSQ_ERR_NOMEM:
                    return MqttLinkEngine.PublishBusy;
                case LibMosquitto.MOSQ_ERR_NO_CONN:
                case LibMosquitto.MOSQ_ERR_CONN_LOST:
                    throw new IOException("mosquitto_publish: " + LibMosquitto.ErrorText(rc));
                default:
                    // invalid topic, oversize payload, malformed UTF-8: this message can never be sent
                    return MqttLinkEngine.PublishRejected;
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Connected: waits (poll) until the socket is readable (only while <see cref="MqttLinkEngine.WantsInbound"/>),
        /// or writable while libmosquitto has packets to write, or <see cref="Wake"/> is called, at most
        /// <paramref name="maxMs"/>; then reads (only while the engine wants more), writes and keeps alive, which runs
        /// the callbacks. So a publish queued from another thread goes out at once rather than after a fixed loop
        /// timeout, and a full receive queue stops only the reads: the pod's publishes, the broker's PUBACKs behind
        /// the unread messages and the keep-alive go on. Otherwise a wait that <see cref="Wake"/> ends.
        /// </remarks>
        public void Idle(int maxMs)
        {
            if (_mosq == IntPtr.Zero || !_up)
            {
                _wake.WaitOne(maxMs);
                return;
            }

            int socket = LibMosquitto.mosquitto_socket(_mosq);
            int wakeFd = WakeFd();
            bool read = _engine.WantsInbound;
            if (socket >= 0 && wakeFd >= 0)
            {
                PollFd* fds = stackalloc PollFd[2];
                short events = read ? PollIn : (short)0;
                if (LibMosquitto.mosquitto_want_write(_mosq))
                {
                    events |= PollOut;
                }

                fds[0].Fd = socket;
                fds[0].Events = events;
                fds[0].Revents = 0;
                fds[1].Fd = wakeFd;
                fds[1].Events = PollIn;
                fds[1].Revents = 0;
                Poll(fds, 2, maxMs);
                if ((fds[1].Revents & PollIn) != 0)
                {
                    ulong count;
                    Read(wakeFd, &count, (nuint)sizeof(ulong));
                }

                // a wake may have been a TryTakeMessage that made room
                read = _engine.WantsInbound;
            }
            else
            {
                _wake.WaitOne(Math.Min(maxMs, LoopTimeoutMs));
            }

            // Reading a socket with nothing in it is cheap and returns at once; reading even without POLLIN also
            // catches bytes TLS has already decrypted and buffered, which poll does not see.
            int rc = read ? LibMosquitto.mosquitto_loop_read(_mosq, 1) : LibMosquitto.MOSQ_ERR_SUCCESS;
            if (rc == LibMosquitto.MOSQ_ERR_SUCCESS && LibMosquitto.mosquitto_want_write(_mosq))
            {
                rc = LibMosquitto.mosquitto_loop_write(_mosq, 1);
            }

            if (rc == LibMosquitto.MOSQ_ERR_SUCCESS)
            {
                rc = LibMosquitto.mosquitto_loop_misc(_mosq);
            }

            if (rc != LibMosquitto.MOSQ_ERR_SUCCESS && _up)
            {
                _up = false;
                _engine.OnConnectionLost(_session, "connection ended: " + Describe(rc));
            }
        }

        /// <inheritdoc />
        public void Wake()
        {
            _wake.Set();
            lock (_wakeFdLock)
            {
                if (_wakeFd >= 0)
                {
                    ulong one = 1;
                    Write(_wakeFd, &one, (nuint)sizeof(ulong));
                }
            }
        }

        // The eventfd that Wake signals and Idle waits on beside the socket; -1 when it cannot be had (the
        // loop then falls back to short fixed waits).
        private int WakeFd()
        {
            lock (_wakeFdLock)
            {
                if (_wakeFd < 0)
                {
                    _wakeFd = EventFd(0, EfdNonBlock | EfdCloExec);
                }

                return _wakeFd;
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        [DllImport("libc", EntryPoint = "poll")]
        private static extern int Poll(PollFd* fds, nuint count, int timeoutMs);

        [DllImport("libc", EntryPoint = "eventfd")]
        private static extern int EventFd(uint initial, int flags);

        [DllImport("libc", EntryPoint = "read")]
        private static extern nint Read(int fd, void* buffer, nuint count);

        [DllImport("libc", EntryPoint = "write")]
        private static extern nint Write(int fd, void* buffer, nuint count);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);

        private string Describe(int rc)
        {
            return LibMosquitto.ErrorText(rc) + (_lastLog == null ? "" : "; " + _lastLog);
        }

        private static void Configure(IntPtr mosq, MqttLinkOptions options)
        {
            Check(LibMosquitto.mosquitto_int_option(mosq, LibMosquitto.MOSQ_OPT_PROTOCOL_VERSION, LibMosquitto.MQTT_PROTOCOL_V311), "protocol version");

            // Nagle's algorithm held a second small packet (the site alarm right after the pod's own alarm) until the
            // broker acknowledged the first: 40 ms on Linux with delayed ACKs (docs/performance.md).
            Check(LibMosquitto.mosquitto_int_option(mosq, LibMosquitto.MOSQ_OPT_TCP_NODELAY, 1), "TCP_NODELAY");
            Check(LibMosquitto.mosquitto_int_option(mosq, LibMosquitto.MOSQ_OPT_SEND_MAXIMUM, SendMaximum), "send maximum");

            if (options.Username.Length > 0)
            {
                Check(LibMosquitto.mosquitto_username_pw_set(mosq, options.Username, options.Password.Length > 0 ? options.Password : null), "mosquitto_username_pw_set");
            }

            if (options.WillTopic.Length > 0)
            {
                byte[] will = Encoding.UTF8.GetBytes(options.WillPayload);
                fixed (byte* p = will)
                {
                    Check(LibMosquitto.mosquitto_will_set(mosq, options.WillTopic, will.Length, p, WillQos, options.WillRetain), "mosquitto_will_set");
                }
            }

            if (options.UseTls)
            {
                Check(LibMosquitto.mosquitto_tls_set(mosq, options.CaCertificate, null, NullIfEmpty(options.ClientCertificate), NullIfEmpty(options.ClientKey), IntPtr.Zero), "mosquitto_tls_set");

                // Peer verification and the host-name check are libmosquitto's defaults too; set
                // explicitly so that no default can ever weaken them.
                Check(LibMosquitto.mosquitto_tls_opts_set(mosq, LibMosquitto.SSL_VERIFY_PEER, LibMosquitto.TlsVersion12, null), "mosquitto_tls_opts_set");
                Check(LibMosquitto.mosquitto_tls_insecure_set(mosq, false), "mosquitto_tls_insecure_set");
            }

            // the loop runs on the engine's link thread, not libmosquitto's
            Check(LibMosquitto.mosquitto_threaded_set(mosq, true), "mosquitto_threaded_set");
            LibMosquitto.mosquitto_connect_callback_set(mosq, &OnConnect);
            LibMosquitto.mosquitto_disconnect_callback_set(mosq, &OnDisconnect);
            LibMosquitto.mosquitto_publish_callback_set(mosq, &OnPublish);
            LibMosquitto.mosquitto_message_callback_set(mosq, &OnMessage);
            LibMosquitto.mosquitto_log_callback_set(mosq, &OnLog);
        }

        private static string NullIfEmpty(string value) => value.Length == 0 ? null : value;

        private static void Check(int rc, string what)
        {
            if (rc != LibMosquitto.MOSQ_ERR_SUCCESS)
            {
                throw new InvalidOperationException(what + " failed: " + LibMosquitto.ErrorText(rc));
            }
        }

        private static MosquittoClientPort Of(IntPtr mosq, IntPtr obj)
        {
            var port = obj == IntPtr.Zero ? null : GCHandle.FromIntPtr(obj).Target as MosquittoClientPort;
            return port != null && port._mosq == mosq ? port : null;
        }

        // ---- Callbacks: on the link thread, inside mosquitto_loop. Nothing may throw out of them. ----

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnConnect(IntPtr mosq, IntPtr obj, int rc)
        {
            MosquittoClientPort port = null;
            try
            {
                port = Of(mosq, obj);
                if (port != null)
                {
                    port._connack = rc;
                }
            }
            catch (Exception)
            {
                port?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnDisconnect(IntPtr mosq, IntPtr obj, int rc)
        {
            MosquittoClientPort port = null;
            try
            {
                port = Of(mosq, obj);
                if (port != null && port._up && rc != 0)
                {
                    // rc is a MOSQ_ERR_* code; 0 is the disconnect this port asked for
                    port._up = false;
                    port._engine.OnConnectionLost(port._session, "disconnected: " + port.Describe(rc));
                }
            }
            catch (Exception)
            {
                port?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnPublish(IntPtr mosq, IntPtr obj, int mid)
        {
            MosquittoClientPort port = null;
            try
            {
                port = Of(mosq, obj);
                port?._engine.OnPublishCompleted(port._session, mid, true);
            }
            catch (Exception)
            {
                port?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnMessage(IntPtr mosq, IntPtr obj, LibMosquitto.MosquittoMessage* message)
        {
            MosquittoClientPort port = null;
            try
            {
                port = Of(mosq, obj);
                if (port == null || message == null)
                {
                    return;
                }

                // copied now: libmosquitto frees the message when the callback returns
                string topic = Marshal.PtrToStringUTF8(message->Topic) ?? "";
                byte[] payload = new byte[Math.Max(0, message->PayloadLen)];
                if (payload.Length > 0 && message->Payload != IntPtr.Zero)
                {
                    Marshal.Copy(message->Payload, payload, 0, payload.Length);
                }

                port._engine.OnMessageReceived(topic, payload);
            }
            catch (Exception)
            {
                port?.Fault();
            }
        }

        [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
        private static void OnLog(IntPtr mosq, IntPtr obj, int level, IntPtr text)
        {
            MosquittoClientPort port = null;
            try
            {
                port = Of(mosq, obj);
                if (port != null && (level & (LibMosquitto.MOSQ_LOG_ERR | LibMosquitto.MOSQ_LOG_WARNING)) != 0)
                {
                    // OpenSSL's reasons ("certificate verify failed") arrive here, before the loop's error code
                    port._lastLog = text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text) ?? "";
                }
            }
            catch (Exception)
            {
                port?.Fault();
            }
        }

        private void Fault()
        {
            Interlocked.Increment(ref _callbackFaults);
        }
    }
}
