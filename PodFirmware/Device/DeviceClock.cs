using System;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// Time on the board: <see cref="MonotonicMs"/> is Environment.TickCount64 (ms since the CLR started,
    /// never stepped by SNTP), <see cref="UtcNow"/> the system clock SNTP sets (valid per
    /// <see cref="WallClock.IsSet"/>), <see cref="NowUs"/> the ESP32 microsecond timer, and
    /// <see cref="Pause"/> Thread.Sleep. Stateless: any thread.
    /// </summary>
    public sealed class DeviceClock : IClock, IThreadPause, IMicrosecondTimer
    {
        /// <summary>Milliseconds since the CLR started.</summary>
        public long MonotonicMs { get { return Environment.TickCount64; } }

        /// <summary>The system clock in UTC.</summary>
        public DateTime UtcNow { get { return DateTime.UtcNow; } }

        /// <summary><c>true</c> once the system clock has been set.</summary>
        public bool IsUtcValid { get { return WallClock.IsSet(DateTime.UtcNow); } }

        /// <summary>The ESP32's 64-bit microsecond timer (HighResTimer).</summary>
        public long NowUs { get { return (long)HighResTimer.GetCurrent(); } }

        /// <summary>Sleeps the calling managed thread.</summary>
        /// <param name="milliseconds">Pause in milliseconds.</param>
        public void Pause(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
