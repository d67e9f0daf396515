namespace PodFirmware.Core.Position
{
    /// <summary>Where the pod is relative to its site's geofence.</summary>
    public enum FencePosition
    {
        /// <summary>Not known: no fresh GNSS fix, or no geofence configured (shape <c>none</c>).</summary>
        Unknown = 0,

        /// <summary>Inside the fence (or within the hysteresis margin after having been inside).</summary>
        Inside = 1,

        /// <summary>Outside the fence by more than the margin: the pod has left the site.</summary>
        Outside = 2,
    }
}
