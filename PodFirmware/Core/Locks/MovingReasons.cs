namespace PodFirmware.Core.Locks
{
    /// <summary>The <c>Text</c> of moving events: why the pod started or stopped moving. Constant strings.</summary>
    public static class MovingReasons
    {
        /// <summary>An authorised unlock released both locks (Arg 1).</summary>
        public const string Unlock = "unlock";

        /// <summary>The pod docked to a lamp post while moving (Arg 0).</summary>
        public const string Docked = "docked";

        /// <summary>A lock command relocked (Arg 0).</summary>
        public const string LockCommand = "lock_command";

        /// <summary>The move timeout expired (Arg 0).</summary>
        public const string Timeout = "timeout";

        /// <summary>The pod left its geofence while moving (Arg 0).</summary>
        public const string Geofence = "geofence";
    }
}
