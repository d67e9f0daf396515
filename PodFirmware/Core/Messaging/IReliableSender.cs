using PodFirmware.Core.Events;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Where the pump hands messages that must reach the broker (alarms, session records): the store-first reliable
    /// publisher on the pod, or <see cref="DirectSender"/> until it is wired. Called from the messaging thread only.
    /// </summary>
    public interface IReliableSender
    {
        /// <summary>The next alarm sequence number, unique per pod (the store keeps it unique across reboots). Allocates nothing.</summary>
        long NextSequence();

        /// <summary>
        /// Takes one message for delivery at QoS 1; <c>true</c> once it is accepted (stored or published), <c>false</c> when it
        /// could not be taken now (the pump keeps the event and tries again on a later pump). The payload is copied before return.
        /// </summary>
        /// <param name="kind">What the message reports (for the store's priorities).</param>
        /// <param name="topic">Topic name.</param>
        /// <param name="json">Buffer holding the payload in its first <paramref name="length"/> bytes.</param>
        /// <param name="length">Payload length in bytes.</param>
        bool Send(EventKind kind, string topic, byte[] json, int length);
    }
}
