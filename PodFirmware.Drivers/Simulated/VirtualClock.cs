using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// A clock that moves only when told, so tests and the simulator run in virtual time:
    /// ten virtual minutes cost what the code in them costs, not ten minutes.
    /// </summary>
    /// <remarks>Not thread-safe: advance it from the thread that runs the tick.</remarks>
    public sealed class VirtualClock : IClock
    {
        private long _monotonicMs;
        private DateTime _utcAtZero;
        private bool _utcValid;

        /// <summary>Starts at monotonic 0 ms with no valid wall clock.</summary>
        public VirtualClock()
        {
            _utcAtZero = new DateTime(2026, 1, 1, 0, 0, 0);
        }

        /// <inheritdoc />
        public long MonotonicMs
        {
            get { return _monotonicMs; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return _utcAtZero.AddTicks(_monotonicMs * TimeSpan.TicksPerMillisecond); }
        }

        /// <inheritdoc />
        public bool IsUtcValid
        {
            get { return _utcValid; }
        }

        /// <summary>Moves time forward by <paramref name="deltaMs"/> milliseconds (0 or more).</summary>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="deltaMs"/> is negative: monotonic time never goes back.</exception>
        public void AdvanceMs(long deltaMs)
        {
            if (deltaMs < 0)
            {
                throw new ArgumentOutOfRangeException("deltaMs", "monotonic time never goes back");
            }

            _monotonicMs += deltaMs;
        }

        /// <summary>Sets the wall clock so that it reads <paramref name="utcNow"/> now, as SNTP would.</summary>
        public void SetUtc(DateTime utcNow)
        {
            _utcAtZero = utcNow.AddTicks(-_monotonicMs * TimeSpan.TicksPerMillisecond);
            _utcValid = true;
        }
    }
}
