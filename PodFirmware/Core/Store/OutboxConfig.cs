using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Store
{
    /// <summary>Size of the store-first outbox and the reliable publisher's ack handling (keys <c>outbox.*</c>).</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class OutboxConfig : IConfigSection
    {
        /// <summary>Slots, one record each, 1 to 100. Default 32 (a day offline of alarms and sessions with room to spare).</summary>
        public int Capacity = 32;

        /// <summary>Largest record payload in bytes, 64 to 4096. Default 1024 (the messaging pump's JSON buffer).</summary>
        public int MaxPayloadBytes = 1024;

        /// <summary>QoS 1 publishes awaiting their acknowledgement at once, 2 to 64. Default 16.</summary>
        public int MaxInFlight = 16;

        /// <summary>
        /// How long a publish may wait for its acknowledgement before every pending record is sent again, in
        /// milliseconds, 1000 to 600000. Default 30000.
        /// </summary>
        public int AckTimeoutMs = 30000;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>outbox</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".capacity", Capacity, 1, Outbox.MaxCapacity, "records");
            errors.Range(keyPrefix + ".maxPayloadBytes", MaxPayloadBytes, 64, 4096, "bytes");
            errors.Range(keyPrefix + ".maxInFlight", MaxInFlight, 2, 64, "messages");
            errors.Range(keyPrefix + ".ackTimeoutMs", AckTimeoutMs, 1000, 600000, "ms");
        }
    }
}
