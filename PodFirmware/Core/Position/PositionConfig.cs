using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Position
{
    /// <summary>
    /// Config section <c>position</c>: the optional GNSS receiver and the site geofence. Field names
    /// are the JSON keys in camelCase; see PodFirmware/Core/Position/README.md.
    /// </summary>
    /// <remarks>Plain data; read at boot. Not thread-safe.</remarks>
    public sealed class PositionConfig : IConfigSection
    {
        /// <summary><c>gnssEnabled</c>: a GNSS receiver is fitted on the GNSS UART. Default <c>false</c> (position always unknown).</summary>
        public bool GnssEnabled;

        /// <summary><c>gnssBaud</c>: the receiver's UART baud rate, 4800 to 115,200. Default 9600 (most u-blox/MediaTek modules).</summary>
        public int GnssBaud = 9600;

        /// <summary><c>fixMaxAgeMs</c>: a fix older than this counts as no fix, 1000 to 60,000 ms. Default 5000.</summary>
        public int FixMaxAgeMs = 5000;

        /// <summary><c>geofence</c>: the area the pod may be moved in.</summary>
        public GeofenceConfig Geofence = new GeofenceConfig();

        /// <summary>Checks every key; each problem names its key as <paramref name="keyPrefix"/> + "." + key (e.g. <c>position.geofence.radiusM</c>).</summary>
        /// <param name="keyPrefix">Dotted path of this section, normally <c>position</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".gnssBaud", GnssBaud, 4800, 115200, "baud");
            errors.Range(keyPrefix + ".fixMaxAgeMs", FixMaxAgeMs, 1000, 60000, "ms");
            if (Geofence == null)
            {
                errors.Fail(keyPrefix + ".geofence", "is missing");
                return;
            }

            Geofence.Validate(keyPrefix + ".geofence", errors);
            if (Geofence.ParseShape() != GeofenceShape.None && !GnssEnabled)
            {
                errors.Fail(keyPrefix + ".geofence.shape", "needs gnssEnabled: true (a fence without a receiver can never be checked)");
            }
        }
    }
}
