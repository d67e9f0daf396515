namespace PodFirmware.Core.Locks
{
    /// <summary>Snake_case wire names of <see cref="LockState"/> values, as sent in status and events.</summary>
    /// <remarks>Returns constant strings: allocates nothing. Thread-safe.</remarks>
    public static class LockStateNames
    {
        /// <summary>Wire name of <see cref="LockState.Locked"/>.</summary>
        public const string Locked = "locked";

        /// <summary>Wire name of <see cref="LockState.Unlocked"/>.</summary>
        public const string Unlocked = "unlocked";

        /// <summary>Wire name of <see cref="LockState.Locking"/>.</summary>
        public const string Locking = "locking";

        /// <summary>Wire name of <see cref="LockState.Unlocking"/>.</summary>
        public const string Unlocking = "unlocking";

        /// <summary>Wire name of <see cref="LockState.Fault"/>.</summary>
        public const string Fault = "fault";

        /// <summary>Wire name for a value outside the enum.</summary>
        public const string Unknown = "unknown";

        /// <summary>The wire name of <paramref name="state"/>; <see cref="Unknown"/> for a value outside the enum.</summary>
        public static string Of(LockState state)
        {
            switch (state)
            {
                case LockState.Locked: return Locked;
                case LockState.Unlocked: return Unlocked;
                case LockState.Locking: return Locking;
                case LockState.Unlocking: return Unlocking;
                case LockState.Fault: return Fault;
                default: return Unknown;
            }
        }
    }
}
