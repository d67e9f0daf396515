using PodFirmware.Core.Position;
using PodFirmware.Drivers.Gnss;

namespace PodFirmware.Core.Locks
{
    /// <summary>
    /// What <see cref="LockController.Update"/> sees in one tick. The tick owns one instance, allocated at start-up,
    /// and overwrites every field before each call.
    /// </summary>
    /// <remarks>Not thread-safe: written and read on the control tick only.</remarks>
    public sealed class LockInputs
    {
        /// <summary>Monotonic time of this tick in milliseconds; never goes back.</summary>
        public long NowMs;

        /// <summary><c>true</c> while the dock sense reports the pod docked to a lamp post.</summary>
        public bool Docked;

        /// <summary>Where the pod stands relative to its geofence; <see cref="FencePosition.Unknown"/> without a position source.</summary>
        public FencePosition Fence;

        /// <summary><c>true</c> while the pod has a connection to its controller (MQTT connected).</summary>
        public bool NetworkUp;

        /// <summary>The latest position fix (check its <c>Valid</c>); null when no position source is fitted. Read for the distance a move covers.</summary>
        public PositionFix Fix;
    }
}
