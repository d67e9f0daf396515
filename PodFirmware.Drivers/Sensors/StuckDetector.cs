using System;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Reports a channel whose raw reading has not changed at all for longer than allowed while it
    /// must change (for example charging current, whose ADC samples always move while current flows).
    /// </summary>
    /// <remarks>
    /// The reading is summarised by the caller as one integer fingerprint: the raw counts of a single
    /// sample, or a checksum of every raw sample of a burst. Time only counts while the caller says the
    /// reading must change: a period with <c>mustChange</c> false restarts the window.
    /// Not thread-safe: owned by the control tick. Allocates nothing.
    /// </remarks>
    public sealed class StuckDetector
    {
        private readonly long _stuckAfterMs;
        private bool _hasValue;
        private int _lastFingerprint;
        private long _unchangedSinceMs;
        private bool _isStuck;

        /// <summary>Creates a detector.</summary>
        /// <param name="stuckAfterMs">Milliseconds the fingerprint may stay identical while it must change; 1 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="stuckAfterMs"/> is less than 1.</exception>
        public StuckDetector(long stuckAfterMs)
        {
            if (stuckAfterMs < 1)
            {
                throw new ArgumentOutOfRangeException("stuckAfterMs", "must be at least 1 ms");
            }

            _stuckAfterMs = stuckAfterMs;
        }

        /// <summary>Milliseconds the fingerprint may stay identical while it must change.</summary>
        public long StuckAfterMs
        {
            get { return _stuckAfterMs; }
        }

        /// <summary>The verdict of the latest <see cref="Update"/>.</summary>
        public bool IsStuck
        {
            get { return _isStuck; }
        }

        /// <summary>
        /// Records one reading and returns whether the channel is stuck: the fingerprint has been
        /// identical, with <paramref name="mustChange"/> true throughout, for more than StuckAfterMs.
        /// </summary>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        /// <param name="fingerprint">The raw reading, or a checksum of all raw samples of a burst.</param>
        /// <param name="mustChange"><c>true</c> when a healthy channel cannot hold the same raw value now.</param>
        public bool Update(long nowMs, int fingerprint, bool mustChange)
        {
            if (!_hasValue || !mustChange || fingerprint != _lastFingerprint)
            {
                _hasValue = true;
                _lastFingerprint = fingerprint;
                _unchangedSinceMs = nowMs;
                _isStuck = false;
                return false;
            }

            _isStuck = nowMs - _unchangedSinceMs > _stuckAfterMs;
            return _isStuck;
        }

        /// <summary>Forgets the history; the next reading starts a new window.</summary>
        public void Reset()
        {
            _hasValue = false;
            _isStuck = false;
        }
    }
}
