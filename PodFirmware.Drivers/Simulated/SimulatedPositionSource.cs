using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// Host twin of the GNSS receiver: the position is whatever the test or the scenario
    /// (<c>position &lt;lat&gt; &lt;lon&gt;</c>) last set. It starts with no fix. Every valid fix is
    /// reported as fresh (stamped with the caller's time), 8 satellites, HDOP 0.9.
    /// </summary>
    /// <remarks>Not thread-safe: set it from the thread that runs the tick.</remarks>
    public sealed class SimulatedPositionSource : IPositionSource
    {
        private double _latitudeDeg;
        private double _longitudeDeg;
        private bool _hasFix;

        /// <summary><c>true</c> after <see cref="Set"/> until <see cref="Lose"/>.</summary>
        public bool HasFix
        {
            get { return _hasFix; }
        }

        /// <summary>Latitude last set, degrees (south negative).</summary>
        public double LatitudeDeg
        {
            get { return _latitudeDeg; }
        }

        /// <summary>Longitude last set, degrees (west negative).</summary>
        public double LongitudeDeg
        {
            get { return _longitudeDeg; }
        }

        /// <summary>Puts the pod at <paramref name="latitudeDeg"/>, <paramref name="longitudeDeg"/> with a valid fix.</summary>
        /// <param name="latitudeDeg">WGS84 latitude in degrees, south negative.</param>
        /// <param name="longitudeDeg">WGS84 longitude in degrees, west negative.</param>
        public void Set(double latitudeDeg, double longitudeDeg)
        {
            _latitudeDeg = latitudeDeg;
            _longitudeDeg = longitudeDeg;
            _hasFix = true;
        }

        /// <summary>Loses the fix (antenna covered, receiver unplugged); the last position stays readable for display.</summary>
        public void Lose()
        {
            _hasFix = false;
        }

        /// <inheritdoc />
        public bool TryGetFix(long nowMs, PositionFix into)
        {
            into.LatitudeDeg = _latitudeDeg;
            into.LongitudeDeg = _longitudeDeg;
            into.FixTimeMs = nowMs;
            into.Satellites = _hasFix ? 8 : 0;
            into.HdopTenths = _hasFix ? 9 : -1;
            into.Valid = _hasFix;
            return _hasFix;
        }
    }
}
