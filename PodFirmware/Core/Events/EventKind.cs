namespace PodFirmware.Core.Events
{
    /// <summary>
    /// What a <see cref="PodEvent"/> reports. Values are stable (they may be persisted with pending
    /// alarms); add new kinds at the end. Wire names come from <see cref="EventKindNames"/>.
    /// </summary>
    public enum EventKind
    {
        /// <summary>An empty slot; never written to the ring.</summary>
        None = 0,

        /// <summary>A protective function opened the relay (relay log entry written by the tick).</summary>
        Trip = 1,

        /// <summary>The relay was commanded open or closed; <see cref="PodEvent.Arg"/> is 1 for closed, 0 for open.</summary>
        Relay = 2,

        /// <summary>A trip-severity fault latched: the broadcast that the pod stopped charging and why.</summary>
        Alarm = 3,

        /// <summary>After a trip, the connector kept heating with the relay open: the escalated broadcast.</summary>
        FireRisk = 4,

        /// <summary>After a trip, the connector cooled below its reset level and stayed fault-free for the quiet period.</summary>
        AllClear = 5,

        /// <summary>An authorised reset cleared the latched fault.</summary>
        FaultCleared = 6,

        /// <summary>A change of the pod's published status.</summary>
        Status = 7,

        /// <summary>A charging session record (start, stop, energy).</summary>
        Session = 8,

        /// <summary>The outcome of a remote or console command.</summary>
        CommandResult = 9,

        /// <summary>A warning-severity fault was raised.</summary>
        Warning = 10,
    }
}
