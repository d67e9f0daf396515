using System;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// Rules for a board's system clock: whether it has been set at all, and its reading as Unix milliseconds.
    /// The ESP32 boots with its clock in 1970; only SNTP (or something setting the clock) moves it forward.
    /// </summary>
    /// <remarks>Stateless; safe from any thread.</remarks>
    public static class WallClock
    {
        /// <summary>The first year taken as a set clock; anything earlier is the unset boot clock.</summary>
        public const int MinimumPlausibleYear = 2025;

        /// <summary><c>true</c> when <paramref name="utc"/> is in <see cref="MinimumPlausibleYear"/> or later.</summary>
        /// <param name="utc">A reading of the system clock in UTC.</param>
        /// <returns>Whether the clock has been set.</returns>
        public static bool IsSet(DateTime utc)
        {
            return utc.Year >= MinimumPlausibleYear;
        }

        /// <summary>Milliseconds since 1970-01-01T00:00:00Z of <paramref name="utc"/> (whole milliseconds, rounded down).</summary>
        /// <param name="utc">A UTC time.</param>
        /// <returns>Unix time in milliseconds.</returns>
        public static long UnixMs(DateTime utc)
        {
            return (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        }
    }
}
