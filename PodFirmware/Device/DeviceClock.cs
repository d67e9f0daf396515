using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IClock"/> on the device: <see cref="MonotonicMs"/> from the CLR's millisecond tick
    /// counter, <see cref="UtcNow"/> from the system real-time clock that SNTP sets.
    /// </summary>
    /// <remarks>
    /// Stateless, so safe to read from any thread. <see cref="MonotonicMs"/> is
    /// Environment.TickCount64: milliseconds since the CLR started, never set by SNTP or
    /// Rtc.SetSystemTime. (nanoFramework's Stopwatch reads the same counter, so it would add nothing.)
    /// The ESP32 boots with its clock in 1970; <see cref="IsUtcValid"/> turns true once the year
    /// reaches <see cref="MinimumPlausibleYear"/>, which only a time source can make happen.
    /// </remarks>
    public sealed class DeviceClock : IClock
    {
        /// <summary>The first year taken as a set clock; anything earlier is the unset boot clock.</summary>
        public const int MinimumPlausibleYear = 2025;

        /// <summary>Milliseconds since the CLR started; monotonic, unaffected by SNTP.</summary>
        public long MonotonicMs
        {
            get { return Environment.TickCount64; }
        }

        /// <summary>The system clock in UTC; meaningful only when <see cref="IsUtcValid"/>.</summary>
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        /// <summary><c>true</c> once the system clock has been set (year at least <see cref="MinimumPlausibleYear"/>).</summary>
        public bool IsUtcValid
        {
            get { return DateTime.UtcNow.Year >= MinimumPlausibleYear; }
        }
    }
}
