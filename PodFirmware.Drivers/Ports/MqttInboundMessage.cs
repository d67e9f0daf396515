namespace PodFirmware.Drivers.Ports
{
    /// <summary>A received message, filled in place by <see cref="IMqttLink.TryTakeMessage"/> so the reader can reuse it.</summary>
    public sealed class MqttInboundMessage
    {
        /// <summary>The topic the message arrived on.</summary>
        public string Topic;

        /// <summary>Payload bytes; only the first <see cref="Length"/> are valid.</summary>
        public byte[] Payload;

        /// <summary>Payload length in bytes.</summary>
        public int Length;
    }
}
