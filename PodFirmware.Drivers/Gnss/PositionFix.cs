namespace PodFirmware.Drivers.Gnss
{
    /// <summary>
    /// One GNSS position: WGS84 latitude and longitude in decimal degrees plus quality figures.
    /// A caller-owned instance is filled in place (<see cref="Ports.IPositionSource.TryGetFix"/>), so
    /// reading a position allocates nothing.
    /// </summary>
    /// <remarks>Plain data; not thread-safe.</remarks>
    public sealed class PositionFix
    {
        /// <summary>Latitude in degrees, WGS84, -90 to 90; south is negative. 0 when not <see cref="Valid"/>.</summary>
        public double LatitudeDeg;

        /// <summary>Longitude in degrees, WGS84, -180 to 180; west is negative. 0 when not <see cref="Valid"/>.</summary>
        public double LongitudeDeg;

        /// <summary>Monotonic time in milliseconds at which the sentence carrying this position was completed.</summary>
        public long FixTimeMs;

        /// <summary>Satellites used in the solution (GGA field 7), 0 to 99; -1 when unknown (no GGA seen yet).</summary>
        public int Satellites = -1;

        /// <summary>Horizontal dilution of precision in tenths (GGA field 8: 0.9 is 9); -1 when unknown.</summary>
        public int HdopTenths = -1;

        /// <summary><c>true</c> when the receiver reported a usable position (RMC status A, GGA quality 1 to 5).</summary>
        public bool Valid;

        /// <summary>Copies every field of <paramref name="other"/> into this instance; allocates nothing.</summary>
        /// <param name="other">The fix to copy; must not be null.</param>
        public void CopyFrom(PositionFix other)
        {
            LatitudeDeg = other.LatitudeDeg;
            LongitudeDeg = other.LongitudeDeg;
            FixTimeMs = other.FixTimeMs;
            Satellites = other.Satellites;
            HdopTenths = other.HdopTenths;
            Valid = other.Valid;
        }

        /// <summary>Resets to "no fix": position 0/0, time 0, quality unknown, not valid.</summary>
        public void Clear()
        {
            LatitudeDeg = 0.0;
            LongitudeDeg = 0.0;
            FixTimeMs = 0;
            Satellites = -1;
            HdopTenths = -1;
            Valid = false;
        }
    }
}
