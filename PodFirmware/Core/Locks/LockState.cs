namespace PodFirmware.Core.Locks
{
    /// <summary>
    /// Where one lock (wheel brake or cable lock) stands, as judged by <see cref="LockActuator"/>. Values are
    /// stable (sent as the <c>Arg</c> of lock events); wire names come from <see cref="LockStateNames"/>.
    /// </summary>
    public enum LockState
    {
        /// <summary>Commanded locked and the sense reports the locked position.</summary>
        Locked = 0,

        /// <summary>Commanded unlocked and the sense reports it has left the locked position.</summary>
        Unlocked = 1,

        /// <summary>Commanded locked; the sense does not report the locked position yet (travelling).</summary>
        Locking = 2,

        /// <summary>Commanded unlocked; the sense still reports the locked position (travelling).</summary>
        Unlocking = 3,

        /// <summary>The lock did not reach its commanded position in time, or left it without a command. Sticky until a later command succeeds.</summary>
        Fault = 4,
    }
}
