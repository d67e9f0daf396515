using System;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Control
{
    /// <summary>
    /// <see cref="IThreadPause"/> in virtual time: each pause advances the <see cref="VirtualClock"/> by its length
    /// and is recorded. <see cref="StopAfter"/> makes the pause after the n-th throw <see cref="Stop"/>, the way a
    /// test leaves a loop that never returns.
    /// </summary>
    public sealed class VirtualPause : IThreadPause
    {
        private readonly VirtualClock _clock;
        private int _stopAfter = -1;

        /// <summary>Thrown to end a loop that never returns.</summary>
        public sealed class Stop : Exception
        {
        }

        public VirtualPause(VirtualClock clock)
        {
            _clock = clock;
        }

        /// <summary>When a pause carries the clock to or past this time (ms), the clock's UTC is set to <see cref="UtcToSet"/> (SNTP arriving); -1 never.</summary>
        public long SetUtcAtMs = -1;

        /// <summary>The UTC <see cref="SetUtcAtMs"/> sets.</summary>
        public DateTime UtcToSet = new DateTime(2026, 1, 1, 0, 0, 0);

        /// <summary>Number of pauses taken.</summary>
        public int Count;

        /// <summary>Length of the last pause, ms.</summary>
        public int LastMs = -1;

        /// <summary>Sum of every pause, ms.</summary>
        public long TotalMs;

        /// <summary>The <paramref name="pauses"/>-th pause from now throws <see cref="Stop"/> instead of waiting.</summary>
        public void StopAfter(int pauses)
        {
            _stopAfter = Count + pauses;
        }

        public void Pause(int milliseconds)
        {
            if (milliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("milliseconds", "a pause is never negative");
            }

            Count++;
            LastMs = milliseconds;
            TotalMs += milliseconds;
            if (Count == _stopAfter)
            {
                throw new Stop();
            }

            _clock.AdvanceMs(milliseconds);
            if (SetUtcAtMs >= 0 && _clock.MonotonicMs >= SetUtcAtMs)
            {
                _clock.SetUtc(UtcToSet);
                SetUtcAtMs = -1;
            }
        }
    }
}
