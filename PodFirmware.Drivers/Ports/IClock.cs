using System;

namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The only source of time in the firmware. The device reads the hardware timer and SNTP;
    /// tests and the simulator use a virtual clock that advances only when told.
    /// </summary>
    /// <remarks>Safe to read from any thread.</remarks>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; monotonic, never goes back, unaffected by SNTP.</summary>
        long MonotonicMs { get; }

        /// <summary>Wall-clock time in UTC; only meaningful when <see cref="IsUtcValid"/>.</summary>
        DateTime UtcNow { get; }

        /// <summary><c>true</c> once the wall clock has been set (SNTP or controller heartbeat).</summary>
        bool IsUtcValid { get; }
    }
}
