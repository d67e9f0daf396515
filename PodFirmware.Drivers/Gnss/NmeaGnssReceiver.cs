using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Gnss
{
    /// <summary>
    /// <see cref="IPositionSource"/> over an NMEA 0183 byte stream: whoever owns the UART feeds the
    /// received bytes in (<see cref="Feed"/>), the control tick reads the fix. A fix older than the
    /// configured maximum age counts as no fix, so a receiver that goes silent or loses its antenna
    /// is noticed even if its last sentence had a position.
    /// </summary>
    /// <remarks>Portable; allocates nothing after construction. Not thread-safe: feed and read from one thread.</remarks>
    public sealed class NmeaGnssReceiver : IPositionSource
    {
        private readonly NmeaParser _parser = new NmeaParser();
        private readonly long _fixMaxAgeMs;

        /// <summary>Creates a receiver whose fixes go stale <paramref name="fixMaxAgeMs"/> after their sentence.</summary>
        /// <param name="fixMaxAgeMs">Oldest usable fix in milliseconds, at least 1 (config <c>position.fixMaxAgeMs</c>, 1000 to 60,000).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="fixMaxAgeMs"/> is below 1.</exception>
        public NmeaGnssReceiver(long fixMaxAgeMs)
        {
            if (fixMaxAgeMs < 1)
            {
                throw new ArgumentOutOfRangeException("fixMaxAgeMs");
            }

            _fixMaxAgeMs = fixMaxAgeMs;
        }

        /// <summary>The parser, for its sentence counters (accepted, rejected, ignored) and last reject reason.</summary>
        public NmeaParser Parser
        {
            get { return _parser; }
        }

        /// <summary>Oldest usable fix in milliseconds.</summary>
        public long FixMaxAgeMs
        {
            get { return _fixMaxAgeMs; }
        }

        /// <summary>Feeds received bytes to the parser; see <see cref="NmeaParser.Feed(byte[], int, int, long)"/>. Allocates nothing.</summary>
        /// <param name="buffer">Received bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="nowMs">Monotonic time in milliseconds the bytes were read at.</param>
        /// <returns>Number of GGA/RMC sentences accepted.</returns>
        public int Feed(byte[] buffer, int offset, int count, long nowMs)
        {
            return _parser.Feed(buffer, offset, count, nowMs);
        }

        /// <inheritdoc />
        public bool TryGetFix(long nowMs, PositionFix into)
        {
            return _parser.TryGetFix(nowMs, _fixMaxAgeMs, into);
        }
    }
}
