namespace PodFirmware.Core.Locks
{
    /// <summary>Where the pod stands relative to its geofence, as the position monitor (built elsewhere) reports it.</summary>
    public enum FencePosition
    {
        /// <summary>No usable position (no fix, no position source).</summary>
        Unknown = 0,

        /// <summary>Inside the permitted area.</summary>
        Inside = 1,

        /// <summary>Outside the permitted area.</summary>
        Outside = 2,
    }
}
