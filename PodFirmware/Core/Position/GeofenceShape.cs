namespace PodFirmware.Core.Position
{
    /// <summary>Shape of the site's geofence, from config <c>position.geofence.shape</c>.</summary>
    public enum GeofenceShape
    {
        /// <summary><c>"none"</c>: no fence; the position is always <see cref="FencePosition.Unknown"/>.</summary>
        None = 0,

        /// <summary><c>"circle"</c>: a centre and a radius in metres.</summary>
        Circle = 1,

        /// <summary><c>"polygon"</c>: 3 to 32 vertices, concave allowed.</summary>
        Polygon = 2,
    }
}
