using System;
using System.Diagnostics;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Boot
{
    /// <summary>
    /// The board's network bring-up at boot, best effort and bounded: Wi-Fi with the stored credentials
    /// (at most <see cref="WifiTimeoutMs"/>), then SNTP, then a wait of at most <see cref="ClockWaitMs"/> for
    /// the system clock to be set, polled every <see cref="ClockPollMs"/>.
    /// </summary>
    /// <remarks>
    /// The pod runs (relay open) without a network: the MQTT link retries by itself once Wi-Fi comes up,
    /// which the station does on its own, and the messaging loop starts SNTP then
    /// (<see cref="Messaging.MessagingLoopCore"/>). The Wi-Fi credentials are not part of the pod config:
    /// they are stored once per device (see nf-device-config). <see cref="Connect"/> never throws.
    /// Boot thread only; runs after the tick thread started, so the wait delays only messaging.
    /// </remarks>
    public sealed class NetworkStartup
    {
        /// <summary>Longest wait for Wi-Fi, in milliseconds.</summary>
        public const int WifiTimeoutMs = 30000;

        /// <summary>Longest wait for SNTP to set the clock once Wi-Fi is up, in milliseconds.</summary>
        public const int ClockWaitMs = 15000;

        /// <summary>Pause between two looks at the clock while waiting for SNTP, in milliseconds.</summary>
        public const int ClockPollMs = 250;

        private readonly IWifiStation _wifi;
        private readonly INetworkTime _sntp;
        private readonly IClock _clock;
        private readonly IThreadPause _pause;

        /// <summary>Prepares the bring-up.</summary>
        /// <param name="wifi">The Wi-Fi station.</param>
        /// <param name="sntp">The SNTP client.</param>
        /// <param name="clock">The clock whose <see cref="IClock.IsUtcValid"/> SNTP turns true.</param>
        /// <param name="pause">How the boot thread waits between two looks at the clock.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public NetworkStartup(IWifiStation wifi, INetworkTime sntp, IClock clock, IThreadPause pause)
        {
            if (wifi == null || sntp == null || clock == null || pause == null)
            {
                throw new ArgumentNullException("wifi, sntp, clock and pause are all required");
            }

            _wifi = wifi;
            _sntp = sntp;
            _clock = clock;
            _pause = pause;
        }

        /// <summary>
        /// Brings Wi-Fi up, starts SNTP (if not running), asks for an update and waits for the clock;
        /// returns <c>true</c> when Wi-Fi came up, whether or not the clock was set in time. Never throws.
        /// </summary>
        /// <returns>Whether Wi-Fi is up.</returns>
        public bool Connect()
        {
            try
            {
                if (!_wifi.Connect(WifiTimeoutMs))
                {
                    Log(String.Concat("Wi-Fi not up: ", _wifi.FailureText));
                    return false;
                }

                Log("Wi-Fi up");
            }
            catch (Exception ex)
            {
                Log(String.Concat("Wi-Fi setup failed: ", ex.Message));
                return false;
            }

            try
            {
                // The firmware's default NTP servers: the pod config has no key for them yet.
                if (!_sntp.IsStarted)
                {
                    _sntp.Start();
                }

                _sntp.UpdateNow();
                long deadlineMs = _clock.MonotonicMs + ClockWaitMs;

                while (!_clock.IsUtcValid && _clock.MonotonicMs < deadlineMs)
                {
                    _pause.Pause(ClockPollMs);
                }

                Log(_clock.IsUtcValid ? "clock set by SNTP" : "clock not set yet; SNTP keeps trying");
            }
            catch (Exception ex)
            {
                Log(String.Concat("SNTP setup failed: ", ex.Message));
            }

            return true;
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[boot] ", message));
        }
    }
}
