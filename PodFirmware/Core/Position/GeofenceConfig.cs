using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Position
{
    /// <summary>
    /// Config section <c>position.geofence</c>: the area the pod may be moved in. Field names are the
    /// JSON keys in camelCase; see PodFirmware/Core/Position/README.md.
    /// </summary>
    /// <remarks>Plain data; read at boot. Not thread-safe.</remarks>
    public sealed class GeofenceConfig
    {
        /// <summary>Smallest number of polygon vertices.</summary>
        public const int MinPoints = 3;

        /// <summary>Largest number of polygon vertices.</summary>
        public const int MaxPoints = 32;

        /// <summary><c>shape</c>: <c>"none"</c>, <c>"circle"</c> or <c>"polygon"</c>. Default <c>"none"</c> (no fence, no alarm).</summary>
        public string Shape = "none";

        /// <summary><c>centerLatDeg</c>: circle centre latitude in degrees, WGS84, -90 to 90, south negative. Required for a circle.</summary>
        public double CenterLatDeg;

        /// <summary><c>centerLonDeg</c>: circle centre longitude in degrees, WGS84, -180 to 180, west negative. Required for a circle.</summary>
        public double CenterLonDeg;

        /// <summary><c>radiusM</c>: circle radius in metres, 10 to 10,000. Default 100.</summary>
        public double RadiusM = 100.0;

        /// <summary>
        /// <c>pointsLatLonDeg</c>: polygon vertices as one flat array <c>lat1, lon1, lat2, lon2, ...</c>
        /// in degrees (WGS84, south/west negative), 3 to 32 points, in order around the boundary
        /// (either direction; concave allowed; not closed: the last point joins the first).
        /// Required for a polygon. The polygon must not cross the antimeridian.
        /// </summary>
        public double[] PointsLatLonDeg = new double[0];

        /// <summary>
        /// <c>marginM</c>: hysteresis in metres, 0 to 100. Default 5. Once inside, the pod counts as
        /// outside only when it is more than this far beyond the boundary, so GNSS jitter of a few
        /// metres at the edge does not flap between inside and outside; once outside it is inside
        /// again as soon as it is back within the boundary.
        /// </summary>
        public double MarginM = 5.0;

        /// <summary>The shape named by <see cref="Shape"/>; <see cref="GeofenceShape.None"/> for an unknown name (which <see cref="Validate"/> reports).</summary>
        /// <returns>The parsed shape.</returns>
        public GeofenceShape ParseShape()
        {
            if (Shape == "circle")
            {
                return GeofenceShape.Circle;
            }

            return Shape == "polygon" ? GeofenceShape.Polygon : GeofenceShape.None;
        }

        /// <summary>Checks every key that applies to the chosen shape; each problem names its key as <paramref name="keyPrefix"/> + "." + key.</summary>
        /// <param name="keyPrefix">Dotted path of this section, e.g. <c>position.geofence</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Shape != "none" && Shape != "circle" && Shape != "polygon")
            {
                errors.Fail(keyPrefix + ".shape", "must be \"none\", \"circle\" or \"polygon\", is \"" + (Shape == null ? "null" : Shape) + "\"");
                return;
            }

            errors.Range(keyPrefix + ".marginM", MarginM, 0.0, 100.0, "m");
            if (Shape == "circle")
            {
                errors.Range(keyPrefix + ".centerLatDeg", CenterLatDeg, -90.0, 90.0, "deg");
                errors.Range(keyPrefix + ".centerLonDeg", CenterLonDeg, -180.0, 180.0, "deg");
                errors.Range(keyPrefix + ".radiusM", RadiusM, 10.0, 10000.0, "m");
            }
            else if (Shape == "polygon")
            {
                ValidatePoints(keyPrefix + ".pointsLatLonDeg", errors);
            }
        }

        private void ValidatePoints(string key, ConfigErrors errors)
        {
            if (PointsLatLonDeg == null || PointsLatLonDeg.Length % 2 != 0)
            {
                errors.Fail(key, "must be a flat array of latitude, longitude pairs");
                return;
            }

            int points = PointsLatLonDeg.Length / 2;
            if (points < MinPoints || points > MaxPoints)
            {
                errors.Fail(key, "must hold " + MinPoints.ToString() + " to " + MaxPoints.ToString() + " points, holds " + points.ToString());
                return;
            }

            for (int i = 0; i < PointsLatLonDeg.Length; i += 2)
            {
                string at = key + "[" + i.ToString() + "]";
                errors.Range(at, PointsLatLonDeg[i], -90.0, 90.0, "deg");
                at = key + "[" + (i + 1).ToString() + "]";
                errors.Range(at, PointsLatLonDeg[i + 1], -180.0, 180.0, "deg");
            }
        }
    }
}
