using System;
using System.Diagnostics;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Simulation
{
    /// <summary>Host twin of the device clock for live runs: monotonic ms from a stopwatch, UTC from the host.</summary>
    /// <remarks>Safe to read from any thread.</remarks>
    public sealed class RealTimeClock : IClock
    {
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

        /// <inheritdoc />
        public long MonotonicMs => _sinceStart.ElapsedMilliseconds;

        /// <inheritdoc />
        public DateTime UtcNow => DateTime.UtcNow;

        /// <inheritdoc />
        public bool IsUtcValid => true;
    }
}
