using System;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// The lowest value seen within a recent time window, kept in a fixed number of time buckets so that adding a
    /// sample and reading the minimum allocate nothing. The window covers the current bucket and the
    /// <c>BucketCount - 1</c> before it: between <c>windowMs - bucketMs</c> and <c>windowMs</c> back, never more.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public sealed class RollingMinimum
    {
        private readonly long _bucketMs;
        private readonly long[] _bucketNumbers;
        private readonly double[] _minimums;

        /// <summary>Creates an empty window.</summary>
        /// <param name="windowMs">Longest look-back in milliseconds; at least <paramref name="bucketCount"/>.</param>
        /// <param name="bucketCount">Number of buckets (resolution); at least 2.</param>
        /// <exception cref="ArgumentOutOfRangeException">When either value is out of range.</exception>
        public RollingMinimum(int windowMs, int bucketCount)
        {
            if (bucketCount < 2 || windowMs < bucketCount)
            {
                throw new ArgumentOutOfRangeException("bucketCount", "at least 2 buckets of at least 1 ms");
            }

            _bucketMs = windowMs / bucketCount;
            _bucketNumbers = new long[bucketCount];
            _minimums = new double[bucketCount];
            Clear();
        }

        /// <summary>Length of one bucket in milliseconds (the window's resolution).</summary>
        public long BucketMs
        {
            get { return _bucketMs; }
        }

        /// <summary>
        /// Records <paramref name="value"/> seen at <paramref name="nowMs"/> (monotonic ms, 0 or more, never decreasing). A NaN
        /// or infinite value is ignored, so the minimum is always a finite reading (the supervisor adds only usable ones).
        /// </summary>
        public void Add(long nowMs, double value)
        {
            if (!Finite.IsFinite(value))
            {
                return;
            }

            long bucket = nowMs / _bucketMs;
            int slot = (int)(bucket % _bucketNumbers.Length);
            if (_bucketNumbers[slot] != bucket)
            {
                _bucketNumbers[slot] = bucket;
                _minimums[slot] = value;
            }
            else if (Finite.Below(value, _minimums[slot]))
            {
                _minimums[slot] = value;
            }
        }

        /// <summary>The lowest value recorded within the window ending at <paramref name="nowMs"/>; NaN when there is none.</summary>
        public double Minimum(long nowMs)
        {
            long newest = nowMs / _bucketMs;
            long oldest = newest - _bucketNumbers.Length + 1;
            double minimum = double.NaN;
            for (int i = 0; i < _bucketNumbers.Length; i++)
            {
                long bucket = _bucketNumbers[i];
                if (bucket >= oldest && bucket <= newest && (double.IsNaN(minimum) || Finite.Below(_minimums[i], minimum)))
                {
                    minimum = _minimums[i];
                }
            }

            return minimum;
        }

        /// <summary>Forgets every value.</summary>
        public void Clear()
        {
            for (int i = 0; i < _bucketNumbers.Length; i++)
            {
                _bucketNumbers[i] = -1;
                _minimums[i] = double.NaN;
            }
        }
    }
}
