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

        /// <summary>Reserved (value kept stable): not emitted; a trip is reported by its <see cref="Alarm"/> and the <see cref="Relay"/> event that opens the relay.</summary>
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

        /// <summary>The connector status changed; <see cref="PodEvent.Arg"/> is the new <c>Session.ConnectorStatus</c>.</summary>
        Status = 7,

        /// <summary>A charging session stopped; <see cref="PodEvent.Record"/> holds its whole record.</summary>
        Session = 8,

        /// <summary>
        /// The outcome of a command applied by the tick: <see cref="PodEvent.Text"/> is the command id,
        /// <see cref="PodEvent.Arg"/> the <c>Commands.CommandResultCode</c>, <see cref="PodEvent.Value"/> a detail
        /// (seconds left of another account's reservation; 0 otherwise).
        /// </summary>
        CommandResult = 9,

        /// <summary>A warning-severity fault was raised.</summary>
        Warning = 10,

        /// <summary>A charging session started; <see cref="PodEvent.Record"/> holds its id, account and start time.</summary>
        SessionStarted = 11,

        /// <summary>
        /// A lock reached or left a position: <see cref="PodEvent.Text"/> names the lock ("wheel" or "cable"),
        /// <see cref="PodEvent.Arg"/> is its <c>Locks.LockState</c>.
        /// </summary>
        Lock = 12,

        /// <summary>
        /// The pod started moving (<see cref="PodEvent.Arg"/> 1: locks released by an authorised unlock) or stopped
        /// (0: relocked); <see cref="PodEvent.Text"/> names why ("unlock", "docked", "lock_command", "timeout", "geofence").
        /// <see cref="PodEvent.Record"/>.Account is the account whose unlock started the move; when it stops,
        /// <see cref="PodEvent.Value"/> is the distance moved in metres (NaN without a position fix at both ends).
        /// </summary>
        Moving = 13,

        /// <summary>
        /// The control pilot changed state or duty: <see cref="PodEvent.Arg"/> is the <c>Pilot.CpState</c>,
        /// <see cref="PodEvent.Value"/> the duty in per mille (1000 while the PWM is stopped, 0 in state F) and
        /// <see cref="PodEvent.Limit"/> the offered current in A (0 while the PWM is stopped).
        /// </summary>
        Pilot = 14,

        /// <summary>
        /// The thermal derating step changed: <see cref="PodEvent.Arg"/> is the new <c>Safety.DerateStep</c>, <see cref="PodEvent.Value"/>
        /// the connector temperature and <see cref="PodEvent.Limit"/> the step's threshold in degrees Celsius (the entry threshold
        /// when the step rose, the exit level when it fell).
        /// </summary>
        Derate = 15,

        /// <summary>The back end refused a card read (<c>refuse_card</c>): <see cref="PodEvent.Text"/> is its reason.</summary>
        CardRefused = 16,

        /// <summary>
        /// A move ended (the record of it, published store-first): <see cref="PodEvent.Record"/> holds the unlocking
        /// account (<c>Account</c>) and the move's <c>StartMs</c> and <c>StopMs</c>, <see cref="PodEvent.Text"/> the relocking
        /// reason (<c>Locks.MovingReasons</c>), <see cref="PodEvent.Value"/> the distance moved in metres (NaN without a
        /// position fix at both ends).
        /// </summary>
        MoveRecord = 17,
    }
}
