using PodFirmware.Core.Events;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The interim <see cref="IReliableSender"/>: publishes at QoS 1 straight away and numbers alarms from a counter in RAM
    /// (starting at 1 every boot, so ids are unique only within one boot). Nothing is stored: a message the link refuses
    /// is retried by the pump, one lost after the broker took it is gone. Replace with the store-first publisher.
    /// </summary>
    /// <remarks>Messaging thread only; allocates nothing.</remarks>
    public sealed class DirectSender : IReliableSender
    {
        private readonly IMqttLink _link;
        private long _sequence;

        /// <summary>Creates a sender publishing through <paramref name="link"/>.</summary>
        public DirectSender(IMqttLink link)
        {
            _link = link;
        }

        /// <inheritdoc/>
        public long NextSequence()
        {
            _sequence++;
            return _sequence;
        }

        /// <inheritdoc/>
        public bool Send(EventKind kind, string topic, byte[] json, int length)
        {
            int messageId;
            return _link.Publish(topic, json, length, 1, false, out messageId);
        }
    }
}
