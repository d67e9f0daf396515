namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// A connection to one MQTT 3.1.1 broker. The link owns its network thread, connects,
    /// reconnects with backoff, resubscribes and re-registers the Last Will by itself; the core
    /// only polls it, so a stalled link can never block the control tick. Both builds implement it
    /// with the portable <c>PodFirmware.Drivers.Mqtt.MqttLinkEngine</c> over a client library port.
    /// </summary>
    /// <remarks>
    /// Thread-safety: every member may be called from the messaging pump while the link's
    /// own thread runs; the link guards its queues. The core never calls it from the tick.
    /// </remarks>
    public interface IMqttLink
    {
        /// <summary>Starts connecting in the background with <paramref name="options"/>; returns at once.</summary>
        void Start(MqttLinkOptions options);

        /// <summary>
        /// Hands over what is queued, disconnects cleanly and stops the link's thread. The link publishes
        /// nothing of its own, and a clean disconnect makes the broker discard the Last Will, so a caller
        /// that wants subscribers to see "offline" publishes it (retained) before Stop, as the board's
        /// messaging loop and the host's <c>./pod run</c> do.
        /// </summary>
        void Stop();

        /// <summary><c>true</c> while the broker has accepted the connection.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Queues one message for the broker. Returns <c>false</c> without sending when the link is down.
        /// </summary>
        /// <param name="topic">Topic name, no wildcards.</param>
        /// <param name="payload">Buffer holding the payload in its first <paramref name="length"/> bytes; copied before return.</param>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="qos">0 or 1.</param>
        /// <param name="retain">Whether the broker keeps it as the topic's retained message.</param>
        /// <param name="messageId">The id <see cref="TryTakeAck"/> reports once a QoS 1 message is acknowledged.</param>
        bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId);

        /// <summary>Subscribes now and after every reconnect. Call before or after <see cref="Start"/>.</summary>
        void Subscribe(string topic, int qos);

        /// <summary>
        /// Moves the oldest received message into <paramref name="into"/>; <c>false</c> when none is waiting.
        /// The receive queue is bounded: a link that can stops reading from the broker while it is more than half full
        /// (the broker keeps the rest); a message that finds it full waits, and is dropped (counted in
        /// <see cref="DroppedInboundCount"/>) only when nothing was taken for a while; so call this at least every second.
        /// </summary>
        bool TryTakeMessage(MqttInboundMessage into);

        /// <summary>Takes the id of one QoS 1 publish the broker acknowledged; <c>false</c> when none is waiting.</summary>
        bool TryTakeAck(out int messageId);

        /// <summary>Inbound messages dropped because the receive queue was full, since start.</summary>
        int DroppedInboundCount { get; }

        /// <summary>Received messages waiting for <see cref="TryTakeMessage"/> now.</summary>
        int InboundCount { get; }
    }
}
