namespace PodFirmware.Core.Store
{
    /// <summary>
    /// What an outbox record holds; decides which records go first when the outbox is full
    /// (<see cref="OutboxRecordFormat.Rank"/>: telemetry, then command results, then alarms and
    /// session records, which rank equal). The caller maps each kind to its topics.
    /// </summary>
    public enum RecordKind
    {
        /// <summary>An alarm event (over-temperature, fire risk, all-clear); goes to the pod's and the site's alarm topics.</summary>
        Alarm = 1,

        /// <summary>A finished charging session record (billing).</summary>
        Session = 2,

        /// <summary>The result of a remote command; QoS 1, kept across a reboot like the others (see docs/store.md).</summary>
        CommandResult = 3,

        /// <summary>A measurement sample; the first to be dropped when the outbox is full.</summary>
        Telemetry = 4,

        /// <summary>A finished move of the pod (audit: unlocking account, relocking reason, distance); kept like a session record.</summary>
        Move = 5,
    }
}
