using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The few calls <see cref="MqttLinkEngine"/> makes into an MQTT 3.1.1 client library
    /// (nanoFramework.M2Mqtt on the board, libmosquitto on the host). An implementation only
    /// translates: it decides nothing about reconnecting, queueing, ids or subscriptions.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Threads: every member except <see cref="Wake"/> is called by the engine's link thread
    /// only, one call at a time, and never while the engine holds its lock. The client reports
    /// back through <see cref="MqttLinkEngine.OnMessageReceived"/>,
    /// <see cref="MqttLinkEngine.OnPublishCompleted"/> and <see cref="MqttLinkEngine.OnConnectionLost"/>,
    /// from any thread (its own dispatch thread, or the link thread inside <see cref="Idle"/>).
    /// </para>
    /// <para>
    /// Every <see cref="Connect"/> starts a new connection with a clean session; the previous one
    /// has been ended by <see cref="Disconnect"/> before.
    /// </para>
    /// </remarks>
    public interface IMqttClientPort
    {
        /// <summary>Gives the client the engine it reports to; called once, by the engine's constructor.</summary>
        void Bind(MqttLinkEngine engine);

        /// <summary>
        /// Checks and prepares what the options need before the first connect (TLS material:
        /// files on the host, parsed certificates on the board). Called once by
        /// <see cref="MqttLinkEngine.Open"/>; an exception refuses the start.
        /// </summary>
        void Prepare(MqttLinkOptions options);

        /// <summary>
        /// Opens a new connection (TCP, TLS, CONNECT carrying the options' Last Will with QoS 1 and
        /// clean session) and waits for the broker's CONNACK. Returns the CONNACK code: 0 accepted,
        /// 1 to 5 the MQTT 3.1.1 refusals (other values are passed on as they are). Throws when no
        /// CONNACK arrived (socket, TLS, DNS, timeout, stop requested); the message says why.
        /// </summary>
        /// <param name="options">The validated options, the same object for every connect.</param>
        /// <param name="session">The engine's number for this connection; every report back about it carries it.</param>
        int Connect(MqttLinkOptions options, int session);

        /// <summary>
        /// Ends the current connection (a clean DISCONNECT when it is still up, which makes the broker
        /// discard the Will) and releases the client. Does nothing when there is none. Should not throw.
        /// </summary>
        void Disconnect();

        /// <summary>Sends SUBSCRIBE for one topic filter on the current connection. Throws when the connection is broken.</summary>
        void Subscribe(string topic, int qos);

        /// <summary>
        /// Hands one PUBLISH to the client. Returns the client's packet id, 0 or more (reported back
        /// through <see cref="MqttLinkEngine.OnPublishCompleted"/>); <see cref="MqttLinkEngine.PublishBusy"/>
        /// when the client is busy and the message should be offered again later;
        /// <see cref="MqttLinkEngine.PublishRejected"/> when the client refuses this message for good.
        /// Throws when the connection is broken.
        /// </summary>
        /// <param name="topic">Topic name.</param>
        /// <param name="payload">The whole array is the payload; the client may keep it.</param>
        /// <param name="qos">0 or 1.</param>
        /// <param name="retain">Retain flag.</param>
        int Publish(string topic, byte[] payload, int qos, bool retain);

        /// <summary>
        /// Waits up to <paramref name="maxMs"/> milliseconds, or less when <see cref="Wake"/> is
        /// called or the client has something to report, doing the client's network work in the
        /// meantime when it has no thread of its own. Link thread only.
        /// </summary>
        void Idle(int maxMs);

        /// <summary>Makes a running or next <see cref="Idle"/> return soon. Any thread; cheap; never blocks.</summary>
        void Wake();
    }
}
