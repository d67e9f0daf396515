using System;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Position
{
    /// <summary>
    /// The site's geofence: a circle (centre and radius) or a polygon, and whether a position is
    /// inside it. <see cref="Classify"/> answers for one point; <see cref="Update"/> reads a position
    /// source each tick and applies the hysteresis margin, which is what the moving logic uses to
    /// relock and raise the geofence alarm.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Distances use a local equirectangular projection on a sphere of the mean Earth radius
    /// (6,371,008.8 m): at site scale (up to 10 km) it is within a few centimetres of the haversine
    /// distance, far below GNSS error. Polygon containment is ray casting on latitude/longitude; the
    /// distance to a polygon is the distance to its nearest edge. Polygons must not cross the
    /// antimeridian or enclose a pole.
    /// </para>
    /// <para>Construction allocates (copies the vertices); <see cref="Classify"/>, <see cref="DistanceOutsideM"/> and <see cref="Update"/> allocate nothing. Not thread-safe: owned by the control tick.</para>
    /// </remarks>
    public sealed class Geofence
    {
        /// <summary>Mean Earth radius in metres (IUGG), the sphere distances are computed on.</summary>
        public const double EarthRadiusM = 6371008.8;

        private const double RadPerDeg = Math.PI / 180.0;

        private readonly GeofenceShape _shape;
        private readonly double _centerLatDeg;
        private readonly double _centerLonDeg;
        private readonly double _radiusM;
        private readonly double _marginM;
        private readonly double[] _latDeg;
        private readonly double[] _lonDeg;
        private readonly PositionFix _fix = new PositionFix();
        private FencePosition _current;
        private bool _wasOutside;
        private double _lastDistanceOutsideM = double.NaN;

        /// <summary>Builds the fence from a validated <paramref name="config"/> (see <see cref="GeofenceConfig.Validate"/>).</summary>
        /// <param name="config">The <c>position.geofence</c> section.</param>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        /// <exception cref="ArgumentException">A polygon without 3 to 32 latitude/longitude pairs.</exception>
        public Geofence(GeofenceConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            _shape = config.ParseShape();
            _centerLatDeg = config.CenterLatDeg;
            _centerLonDeg = config.CenterLonDeg;
            _radiusM = config.RadiusM;
            _marginM = config.MarginM;
            int points = 0;
            if (_shape == GeofenceShape.Polygon)
            {
                double[] flat = config.PointsLatLonDeg;
                if (flat == null || flat.Length % 2 != 0 || flat.Length / 2 < GeofenceConfig.MinPoints || flat.Length / 2 > GeofenceConfig.MaxPoints)
                {
                    throw new ArgumentException("a polygon needs 3 to 32 latitude/longitude pairs", "config");
                }

                points = flat.Length / 2;
            }

            _latDeg = new double[points];
            _lonDeg = new double[points];
            for (int i = 0; i < points; i++)
            {
                _latDeg[i] = config.PointsLatLonDeg[2 * i];
                _lonDeg[i] = config.PointsLatLonDeg[(2 * i) + 1];
            }
        }

        /// <summary>The configured shape; <see cref="GeofenceShape.None"/> means no fence.</summary>
        public GeofenceShape Shape
        {
            get { return _shape; }
        }

        /// <summary>Hysteresis margin in metres (config <c>marginM</c>).</summary>
        public double MarginM
        {
            get { return _marginM; }
        }

        /// <summary>Result of the last <see cref="Update"/>; <see cref="FencePosition.Unknown"/> before the first.</summary>
        public FencePosition Current
        {
            get { return _current; }
        }

        /// <summary>Signed distance in metres from the boundary at the last <see cref="Update"/> with a fix (positive outside); NaN before one or without a fence.</summary>
        public double LastDistanceOutsideM
        {
            get { return _lastDistanceOutsideM; }
        }

        /// <summary>The position read by the last <see cref="Update"/> (<c>Valid</c> false when there was no fresh fix), for the status message.</summary>
        public PositionFix LastFix
        {
            get { return _fix; }
        }

        /// <summary>
        /// Signed distance in metres from <paramref name="latitudeDeg"/>, <paramref name="longitudeDeg"/>
        /// to the fence boundary: positive outside, negative or zero inside; NaN without a fence or when a
        /// coordinate is NaN or infinite (checked first, so no comparison below ever sees one).
        /// </summary>
        /// <param name="latitudeDeg">WGS84 latitude in degrees, south negative.</param>
        /// <param name="longitudeDeg">WGS84 longitude in degrees, west negative.</param>
        /// <returns>Metres outside the boundary.</returns>
        public double DistanceOutsideM(double latitudeDeg, double longitudeDeg)
        {
            if (!Finite.IsFinite(latitudeDeg) || !Finite.IsFinite(longitudeDeg))
            {
                return double.NaN;
            }

            if (_shape == GeofenceShape.Circle)
            {
                return DistanceM(_centerLatDeg, _centerLonDeg, latitudeDeg, longitudeDeg) - _radiusM;
            }

            if (_shape != GeofenceShape.Polygon)
            {
                return double.NaN;
            }

            double edgeM = NearestEdgeM(latitudeDeg, longitudeDeg);
            return ContainsPoint(latitudeDeg, longitudeDeg) ? -edgeM : edgeM;
        }

        /// <summary>
        /// Where one point lies, without hysteresis: <see cref="FencePosition.Inside"/> on or within the
        /// boundary, <see cref="FencePosition.Outside"/> beyond it, <see cref="FencePosition.Unknown"/>
        /// without a fence or for a NaN or infinite coordinate. Stateless; allocates nothing.
        /// </summary>
        /// <param name="latitudeDeg">WGS84 latitude in degrees, south negative.</param>
        /// <param name="longitudeDeg">WGS84 longitude in degrees, west negative.</param>
        /// <returns>Inside, Outside or Unknown.</returns>
        public FencePosition Classify(double latitudeDeg, double longitudeDeg)
        {
            double d = DistanceOutsideM(latitudeDeg, longitudeDeg);
            if (double.IsNaN(d))
            {
                return FencePosition.Unknown;
            }

            return Finite.AtMost(d, 0.0) ? FencePosition.Inside : FencePosition.Outside;
        }

        /// <summary>
        /// Reads <paramref name="source"/> and classifies its fix with hysteresis: after being inside
        /// (or at the first fix) the pod is outside only beyond <see cref="MarginM"/> past the boundary;
        /// after being outside it is inside again once on or within the boundary. No fence or no fresh
        /// fix gives <see cref="FencePosition.Unknown"/> (the last inside/outside verdict is kept for the
        /// hysteresis). Stores the result in <see cref="Current"/>; allocates nothing.
        /// </summary>
        /// <param name="source">The position source (GNSS receiver or simulator).</param>
        /// <param name="nowMs">Current monotonic time in milliseconds.</param>
        /// <returns>The new <see cref="Current"/>.</returns>
        public FencePosition Update(IPositionSource source, long nowMs)
        {
            bool hasFix = source.TryGetFix(nowMs, _fix);
            if (_shape == GeofenceShape.None || !hasFix)
            {
                _current = FencePosition.Unknown;
                return _current;
            }

            double d = DistanceOutsideM(_fix.LatitudeDeg, _fix.LongitudeDeg);
            _lastDistanceOutsideM = d;
            if (double.IsNaN(d))
            {
                _current = FencePosition.Unknown;
                return _current;
            }

            // d is finite here: DistanceOutsideM returns NaN for every coordinate that is not a finite number.
            _wasOutside = _wasOutside ? Finite.Above(d, 0.0) : Finite.Above(d, _marginM);
            _current = _wasOutside ? FencePosition.Outside : FencePosition.Inside;
            return _current;
        }

        /// <summary>Great-circle distance in metres between two nearby points (equirectangular approximation; see remarks).</summary>
        /// <param name="lat1Deg">First latitude in degrees.</param>
        /// <param name="lon1Deg">First longitude in degrees.</param>
        /// <param name="lat2Deg">Second latitude in degrees.</param>
        /// <param name="lon2Deg">Second longitude in degrees.</param>
        /// <returns>Distance in metres.</returns>
        public static double DistanceM(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
        {
            double dLonDeg = lon2Deg - lon1Deg;
            if (Finite.Above(dLonDeg, 180.0))
            {
                dLonDeg -= 360.0;
            }
            else if (Finite.Below(dLonDeg, -180.0))
            {
                dLonDeg += 360.0;
            }

            double x = dLonDeg * RadPerDeg * Math.Cos((lat1Deg + lat2Deg) * 0.5 * RadPerDeg);
            double y = (lat2Deg - lat1Deg) * RadPerDeg;
            return EarthRadiusM * Math.Sqrt((x * x) + (y * y));
        }

        private bool ContainsPoint(double latDeg, double lonDeg)
        {
            bool inside = false;
            int n = _latDeg.Length;
            for (int i = 0, j = n - 1; i < n; j = i, i++)
            {
                if (Finite.Above(_latDeg[i], latDeg) != Finite.Above(_latDeg[j], latDeg))
                {
                    double crossLon = _lonDeg[i] + ((_lonDeg[j] - _lonDeg[i]) * (latDeg - _latDeg[i]) / (_latDeg[j] - _latDeg[i]));
                    if (Finite.Below(lonDeg, crossLon))
                    {
                        inside = !inside;
                    }
                }
            }

            return inside;
        }

        /// <summary>Distance in metres to the nearest polygon edge, in a plane tangent at the point.</summary>
        private double NearestEdgeM(double latDeg, double lonDeg)
        {
            double mPerDegLat = EarthRadiusM * RadPerDeg;
            double mPerDegLon = mPerDegLat * Math.Cos(latDeg * RadPerDeg);
            double best = double.MaxValue;
            int n = _latDeg.Length;
            for (int i = 0, j = n - 1; i < n; j = i, i++)
            {
                double ax = (_lonDeg[j] - lonDeg) * mPerDegLon;
                double ay = (_latDeg[j] - latDeg) * mPerDegLat;
                double bx = (_lonDeg[i] - lonDeg) * mPerDegLon;
                double by = (_latDeg[i] - latDeg) * mPerDegLat;
                double ex = bx - ax;
                double ey = by - ay;
                double lengthSq = (ex * ex) + (ey * ey);

                // Parameter of the point on segment a-b nearest the origin (the position), clamped to the segment.
                double t = Finite.Above(lengthSq, 0.0) ? -((ax * ex) + (ay * ey)) / lengthSq : 0.0;
                t = Finite.Below(t, 0.0) ? 0.0 : (Finite.Above(t, 1.0) ? 1.0 : t);
                double px = ax + (t * ex);
                double py = ay + (t * ey);
                double d = Math.Sqrt((px * px) + (py * py));
                if (Finite.Below(d, best))
                {
                    best = d;
                }
            }

            return best;
        }
    }
}
