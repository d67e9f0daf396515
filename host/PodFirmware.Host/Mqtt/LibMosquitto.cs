using System;
using System.Runtime.InteropServices;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// Hand-written P/Invoke declarations for the parts of libmosquitto (the Eclipse Mosquitto C
    /// client, <c>libmosquitto.so.1</c>, Debian package <c>libmosquitto1</c>, 2.0.x) that
    /// <see cref="MosquittoClientPort"/> (under <see cref="MosquittoLink"/>) uses.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why hand-written: no maintained NuGet binding of libmosquitto is available to this project,
    /// and the project wants the host build to speak MQTT through the same C client the Wi-Fi AP
    /// module's broker ships, not through a second, managed MQTT implementation with its own
    /// reconnect and Will behaviour.
    /// </para>
    /// <para>
    /// Each signature is copied from the public <c>include/mosquitto.h</c>; the C prototype is
    /// quoted above every declaration. C <c>bool</c> is one byte (marshalled as
    /// <see cref="UnmanagedType.U1"/>), <c>const char*</c> is a NUL-terminated UTF-8 string, and
    /// callbacks are unmanaged <c>cdecl</c> function pointers. Callers pass pointers to
    /// <c>[UnmanagedCallersOnly]</c> static methods, which, unlike delegates, cannot be collected
    /// while the C library still holds them, so nothing needs rooting per client except the
    /// user-data <see cref="GCHandle"/> that <see cref="MosquittoClientPort"/> keeps until
    /// <see cref="mosquitto_destroy"/> has returned.
    /// </para>
    /// <para>
    /// Thread-safety: libmosquitto's own rules apply. <see cref="mosquitto_lib_init"/> is not
    /// thread safe (call it through <see cref="EnsureInitialized"/>); every other function may be
    /// called from any thread on a client whose network thread was started with
    /// <see cref="mosquitto_loop_start"/> or marked with <see cref="mosquitto_threaded_set"/>, but never after <see cref="mosquitto_destroy"/>.
    /// </para>
    /// </remarks>
    internal static unsafe partial class LibMosquitto
    {
        /// <summary>The shared object loaded: the SONAME of libmosquitto 1.x/2.x.</summary>
        public const string Library = "libmosquitto.so.1";

        /// <summary><c>MOSQ_ERR_SUCCESS</c>.</summary>
        public const int MOSQ_ERR_SUCCESS = 0;

        /// <summary><c>MOSQ_ERR_NOMEM</c>: out of memory.</summary>
        public const int MOSQ_ERR_NOMEM = 1;

        /// <summary><c>MOSQ_ERR_INVAL</c>: invalid input parameters.</summary>
        public const int MOSQ_ERR_INVAL = 3;

        /// <summary><c>MOSQ_ERR_NO_CONN</c>: the client is not connected to a broker.</summary>
        public const int MOSQ_ERR_NO_CONN = 4;

        /// <summary><c>MOSQ_ERR_CONN_LOST</c>: the connection to the broker was lost.</summary>
        public const int MOSQ_ERR_CONN_LOST = 7;

        /// <summary><c>MOSQ_ERR_TLS</c>: a TLS error (handshake, certificate verification).</summary>
        public const int MOSQ_ERR_TLS = 8;

        /// <summary><c>MOSQ_LOG_WARNING</c>: log level bit of warnings.</summary>
        public const int MOSQ_LOG_WARNING = 0x04;

        /// <summary><c>MOSQ_LOG_ERR</c>: log level bit of errors (TLS failures are logged at this level).</summary>
        public const int MOSQ_LOG_ERR = 0x08;

        /// <summary>OpenSSL's <c>SSL_VERIFY_PEER</c>, the <c>cert_reqs</c> value of <see cref="mosquitto_tls_opts_set"/> that makes the handshake fail unless the broker's certificate chains to the CA.</summary>
        public const int SSL_VERIFY_PEER = 1;

        /// <summary>
        /// The <c>tls_version</c> passed to <see cref="mosquitto_tls_opts_set"/>. libmosquitto
        /// 2.0.x turns it into "TLS 1.2 only" (it also disables 1.3); later 2.x releases into
        /// "TLS 1.2 or later". Either way nothing older than 1.2 is offered.
        /// </summary>
        public const string TlsVersion12 = "tlsv1.2";

        /// <summary><c>MOSQ_OPT_PROTOCOL_VERSION</c> from <c>enum mosq_opt_t</c>.</summary>
        public const int MOSQ_OPT_PROTOCOL_VERSION = 1;

        /// <summary><c>MOSQ_OPT_SEND_MAXIMUM</c> from <c>enum mosq_opt_t</c>: QoS 1 and 2 publishes the client sends before it waits for acknowledgements (default 20); it holds the rest back itself.</summary>
        public const int MOSQ_OPT_SEND_MAXIMUM = 5;

        /// <summary><c>MOSQ_OPT_TCP_NODELAY</c> from <c>enum mosq_opt_t</c> (libmosquitto 1.6 and later).</summary>
        public const int MOSQ_OPT_TCP_NODELAY = 11;

        /// <summary><c>MQTT_PROTOCOL_V311</c>: protocol level 4, MQTT 3.1.1.</summary>
        public const int MQTT_PROTOCOL_V311 = 4;

        private static readonly object InitGate = new object();
        private static bool _initialized;

        /// <summary>
        /// Calls <see cref="mosquitto_lib_init"/> once per process. Thread-safe. The library is
        /// never cleaned up: clients may live until the process exits.
        /// </summary>
        /// <exception cref="InvalidOperationException">libmosquitto reported an error.</exception>
        public static void EnsureInitialized()
        {
            lock (InitGate)
            {
                if (_initialized)
                {
                    return;
                }

                int rc = mosquitto_lib_init();
                if (rc != MOSQ_ERR_SUCCESS)
                {
                    throw new InvalidOperationException("mosquitto_lib_init failed: " + ErrorText(rc));
                }

                _initialized = true;
            }
        }

        /// <summary>The text libmosquitto gives for an error code, with the code itself.</summary>
        public static string ErrorText(int rc)
        {
            IntPtr text = mosquitto_strerror(rc);
            string message = text == IntPtr.Zero ? "unknown error" : Marshal.PtrToStringUTF8(text);
            return message + " (rc " + rc + ")";
        }

        /// <summary>The text libmosquitto gives for an MQTT 3.1.1 CONNACK code, with the code itself.</summary>
        public static string ConnackText(int code)
        {
            IntPtr text = mosquitto_connack_string(code);
            string message = text == IntPtr.Zero ? "unknown CONNACK code" : Marshal.PtrToStringUTF8(text);
            return message + " (CONNACK " + code + ")";
        }

        /// <summary>
        /// Layout of <c>struct mosquitto_message</c> as passed to the message callback. The
        /// library owns it and its buffers; they are valid only during the callback.
        /// </summary>
        /// <remarks>
        /// C: <c>struct mosquitto_message { int mid; char *topic; void *payload; int payloadlen; int qos; bool retain; };</c>
        /// (on LP64: mid at 0, topic at 8, payload at 16, payloadlen at 24, qos at 28, retain at 32, size 40).
        /// </remarks>
        [StructLayout(LayoutKind.Sequential)]
        public struct MosquittoMessage
        {
            /// <summary>Message id (meaningful for QoS 1 and 2).</summary>
            public int Mid;

            /// <summary>NUL-terminated UTF-8 topic.</summary>
            public IntPtr Topic;

            /// <summary>Payload bytes, <see cref="PayloadLen"/> long; may be null when empty.</summary>
            public IntPtr Payload;

            /// <summary>Payload length in bytes.</summary>
            public int PayloadLen;

            /// <summary>QoS the message was delivered with.</summary>
            public int Qos;

            /// <summary>Non-zero when the broker delivered it as a retained message.</summary>
            public byte Retain;
        }

        // int mosquitto_lib_version(int *major, int *minor, int *revision);
        /// <summary>Version of the loaded library; returns major*1000000+minor*1000+revision.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_lib_version(out int major, out int minor, out int revision);

        // int mosquitto_lib_init(void);
        /// <summary>Initialises the library; not thread safe; use <see cref="EnsureInitialized"/>.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_lib_init();

        // const char *mosquitto_strerror(int mosq_errno);
        /// <summary>Static, library-owned text for an error code (do not free).</summary>
        [LibraryImport(Library)]
        public static partial IntPtr mosquitto_strerror(int mosqErrno);

        // struct mosquitto *mosquitto_new(const char *id, bool clean_session, void *obj);
        /// <summary>Creates a client; <paramref name="id"/> null asks for a random id (then clean_session must be true). Returns null on failure, with errno in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        public static partial IntPtr mosquitto_new(string id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr obj);

        // void mosquitto_destroy(struct mosquitto *mosq);
        /// <summary>Frees a client. Its network thread must already be stopped.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_destroy(IntPtr mosq);

        // int mosquitto_int_option(struct mosquitto *mosq, enum mosq_opt_t option, int value);
        /// <summary>Sets an integer option, e.g. <see cref="MOSQ_OPT_PROTOCOL_VERSION"/>; before connecting.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_int_option(IntPtr mosq, int option, int value);

        // int mosquitto_username_pw_set(struct mosquitto *mosq, const char *username, const char *password);
        /// <summary>Sets the credentials sent in CONNECT; null password sends only the user name.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_username_pw_set(IntPtr mosq, string username, string password);

        // int mosquitto_will_set(struct mosquitto *mosq, const char *topic, int payloadlen, const void *payload, int qos, bool retain);
        /// <summary>Registers the Last Will sent in every CONNECT; before connecting. The payload is copied.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_will_set(IntPtr mosq, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

        // int mosquitto_tls_set(struct mosquitto *mosq, const char *cafile, const char *capath,
        //         const char *certfile, const char *keyfile,
        //         int (*pw_callback)(char *buf, int size, int rwflag, void *userdata));
        /// <summary>Enables TLS with a CA file (or directory); certfile/keyfile null for no client certificate; pw_callback may be null.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_tls_set(IntPtr mosq, string cafile, string capath, string certfile, string keyfile, IntPtr pwCallback);

        // int mosquitto_tls_opts_set(struct mosquitto *mosq, int cert_reqs, const char *tls_version, const char *ciphers);
        /// <summary>Advanced TLS options: cert_reqs 0 (SSL_VERIFY_NONE) or 1 (<see cref="SSL_VERIFY_PEER"/>), protocol version ("tlsv1.2", "tlsv1.3"), cipher list (null for OpenSSL's default); before connecting.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_tls_opts_set(IntPtr mosq, int certReqs, string tlsVersion, string ciphers);

        // int mosquitto_tls_insecure_set(struct mosquitto *mosq, bool value);
        /// <summary>true disables the check that the broker certificate's name matches the host connected to; the link always passes false.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_tls_insecure_set(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool value);

        // const char *mosquitto_connack_string(int connack_code);
        /// <summary>Static, library-owned text for an MQTT 3.1.1 CONNACK code, e.g. "Connection Refused: not authorised." (do not free).</summary>
        [LibraryImport(Library)]
        public static partial IntPtr mosquitto_connack_string(int connackCode);

        // void mosquitto_log_callback_set(struct mosquitto *mosq, void (*on_log)(struct mosquitto *, void *, int, const char *));
        /// <summary>Sets the log callback: (mosq, obj, level, text); level is one MOSQ_LOG_* bit; text is valid only during the call.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_log_callback_set(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, IntPtr, void> onLog);

        // int mosquitto_reconnect_delay_set(struct mosquitto *mosq, unsigned int reconnect_delay,
        //         unsigned int reconnect_delay_max, bool reconnect_exponential_backoff);
        /// <summary>Reconnect delay of the loop thread, in whole SECONDS (not milliseconds).</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_reconnect_delay_set(IntPtr mosq, uint reconnectDelay, uint reconnectDelayMax, [MarshalAs(UnmanagedType.U1)] bool reconnectExponentialBackoff);

        // int mosquitto_threaded_set(struct mosquitto *mosq, bool threaded);
        /// <summary>Tells the library that its network loop runs on a thread the application owns, so calls from other threads only queue packets and wake the loop.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_threaded_set(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

        // int mosquitto_loop(struct mosquitto *mosq, int timeout, int max_packets);
        /// <summary>One pass of the network loop: waits up to <paramref name="timeout"/> ms for the socket, reads, writes, keeps alive, calls back. Non-success means the connection is gone (or never was).</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop(IntPtr mosq, int timeout, int maxPackets);

        // int mosquitto_loop_read(struct mosquitto *mosq, int max_packets);
        /// <summary>Reads what the socket has (without waiting) and calls back for every whole packet; part of an external loop. Non-success means the connection is gone.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop_read(IntPtr mosq, int maxPackets);

        // int mosquitto_loop_write(struct mosquitto *mosq, int max_packets);
        /// <summary>Writes queued packets as far as the socket takes them (without waiting); part of an external loop. Non-success means the connection is gone.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop_write(IntPtr mosq, int maxPackets);

        // int mosquitto_loop_misc(struct mosquitto *mosq);
        /// <summary>The keep-alive (PINGREQ, and giving up when no PINGRESP came) and retries; part of an external loop, at least once a second.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop_misc(IntPtr mosq);

        // int mosquitto_socket(struct mosquitto *mosq);
        /// <summary>The client's socket descriptor, for an external wait on it; -1 when it has none.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_socket(IntPtr mosq);

        // bool mosquitto_want_write(struct mosquitto *mosq);
        /// <summary>Whether the client has packets waiting to be written (an external wait then watches the socket for writability too).</summary>
        [LibraryImport(Library)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool mosquitto_want_write(IntPtr mosq);

        // int mosquitto_connect(struct mosquitto *mosq, const char *host, int port, int keepalive);
        /// <summary>Blocking connect; keepalive in seconds (at least 5). Not used by the link, which must not block.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_connect(IntPtr mosq, string host, int port, int keepalive);

        // int mosquitto_connect_async(struct mosquitto *mosq, const char *host, int port, int keepalive);
        /// <summary>Non-blocking connect for use with a network loop (<see cref="mosquitto_loop"/> or <see cref="mosquitto_loop_start"/>); keepalive in seconds (at least 5).</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_connect_async(IntPtr mosq, string host, int port, int keepalive);

        // int mosquitto_disconnect(struct mosquitto *mosq);
        /// <summary>Queues DISCONNECT and marks the client as disconnecting so the loop thread ends; a clean disconnect suppresses the Will.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_disconnect(IntPtr mosq);

        // int mosquitto_loop_start(struct mosquitto *mosq);
        /// <summary>Starts the library's network thread (which also reconnects).</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop_start(IntPtr mosq);

        // int mosquitto_loop_stop(struct mosquitto *mosq, bool force);
        /// <summary>Joins the network thread; without force, <see cref="mosquitto_disconnect"/> must have been called first.</summary>
        [LibraryImport(Library)]
        public static partial int mosquitto_loop_stop(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool force);

        // int mosquitto_publish(struct mosquitto *mosq, int *mid, const char *topic, int payloadlen, const void *payload, int qos, bool retain);
        /// <summary>Queues a PUBLISH; the payload is copied before return; <paramref name="mid"/> receives its message id.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_publish(IntPtr mosq, out int mid, string topic, int payloadlen, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

        // int mosquitto_subscribe(struct mosquitto *mosq, int *mid, const char *sub, int qos);
        /// <summary>Queues a SUBSCRIBE for one pattern.</summary>
        [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int mosquitto_subscribe(IntPtr mosq, out int mid, string sub, int qos);

        // void mosquitto_connect_callback_set(struct mosquitto *mosq, void (*on_connect)(struct mosquitto *, void *, int));
        /// <summary>Sets the CONNACK callback: (mosq, obj, rc); rc 0 is accepted.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_connect_callback_set(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, void> onConnect);

        // void mosquitto_disconnect_callback_set(struct mosquitto *mosq, void (*on_disconnect)(struct mosquitto *, void *, int));
        /// <summary>Sets the disconnect callback: (mosq, obj, rc); rc 0 is a disconnect the client asked for.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_disconnect_callback_set(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, void> onDisconnect);

        // void mosquitto_publish_callback_set(struct mosquitto *mosq, void (*on_publish)(struct mosquitto *, void *, int));
        /// <summary>Sets the publish-complete callback: (mosq, obj, mid); for QoS 1 it fires on PUBACK, for QoS 0 once written.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_publish_callback_set(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, void> onPublish);

        // void mosquitto_message_callback_set(struct mosquitto *mosq, void (*on_message)(struct mosquitto *, void *, const struct mosquitto_message *));
        /// <summary>Sets the message callback: (mosq, obj, message); the message is freed when it returns.</summary>
        [LibraryImport(Library)]
        public static partial void mosquitto_message_callback_set(IntPtr mosq, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, MosquittoMessage*, void> onMessage);
    }
}
