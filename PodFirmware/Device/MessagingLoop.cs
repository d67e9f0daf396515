using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using nanoFramework.Networking;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// The messaging thread: every <see cref="PumpPeriodMs"/> it tells the controller whether the MQTT
    /// link is up, hands the SNTP-set system clock to the controller's UTC, and runs
    /// <see cref="MessagingPump.Pump"/> (status, telemetry, events, alarms, commands, heartbeat).
    /// </summary>
    /// <remarks>
    /// <para>
    /// UTC: once <see cref="DeviceClock.IsUtcValid"/> (the system clock was set by SNTP), the offset
    /// is handed to <see cref="PodController.Utc"/> through <c>SetFromSntp</c>, at once and then every
    /// <see cref="SntpResyncPeriodMs"/> so SNTP's corrections and the drift of the tick counter are
    /// followed. The replay horizon across reboots is the pump's (MessagingPump.EnableCommands,
    /// ReplayHorizonStore). SNTP is started at
    /// boot when Wi-Fi is up in time, else here on the first connection to the broker.
    /// </para>
    /// <para>
    /// If the tick thread has failed (<see cref="ControlLoop.HasFailed"/>), the loop stops the link
    /// and ends: the back end sees the pod offline rather than a status that no longer changes.
    /// An exception from a pump is logged and the loop carries on; the messaging side holds no
    /// safety state (the relay is the tick's alone).
    /// </para>
    /// <para>
    /// Thread-safety: <see cref="Run"/> is the messaging thread's body and the only user of the
    /// pump, the link's caller side and the authenticator.
    /// </para>
    /// </remarks>
    public sealed class MessagingLoop
    {
        /// <summary>Pause between two pumps, in milliseconds.</summary>
        public const int PumpPeriodMs = 50;

        /// <summary>How often the SNTP-set system clock is handed to the controller again, in milliseconds.</summary>
        public const int SntpResyncPeriodMs = 60000;

        private readonly MessagingPump _pump;
        private readonly IMqttLink _link;
        private readonly PodController _controller;
        private readonly DeviceClock _clock;
        private readonly ControlLoop _control;
        private readonly long _unixEpochTicks = DateTime.UnixEpoch.Ticks;
        private bool _sntpSynced;
        private bool _sntpStartTried;
        private long _lastSntpSyncMs;

        /// <summary>Prepares the loop; <see cref="Run"/> starts it.</summary>
        /// <param name="pump">The pump, with commands and the heartbeat enabled.</param>
        /// <param name="link">The started MQTT link the pump uses.</param>
        /// <param name="controller">The control core the pump serves.</param>
        /// <param name="authenticator">The authenticator given to the pump; only checked here (the pump keeps its replay horizon).</param>
        /// <param name="clock">The device clock (monotonic ms and the SNTP-set system clock).</param>
        /// <param name="control">The tick loop, watched for failure.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public MessagingLoop(MessagingPump pump, IMqttLink link, PodController controller, CommandAuthenticator authenticator, DeviceClock clock, ControlLoop control)
        {
            if (pump == null || link == null || controller == null || authenticator == null || clock == null || control == null)
            {
                throw new ArgumentNullException("pump, link, controller, authenticator, clock and control are all required");
            }

            _pump = pump;
            _link = link;
            _controller = controller;
            _clock = clock;
            _control = control;
        }

        /// <summary>The messaging thread's body. Returns only after the tick thread failed and the link was stopped.</summary>
        public void Run()
        {
            while (!_control.HasFailed)
            {
                try
                {
                    long nowMs = _clock.MonotonicMs;
                    bool connected = _link.IsConnected;
                    StartSntpOnceOnline(connected);
                    SyncUtc(nowMs);
                    _controller.NetworkUp = connected;
                    _pump.Pump(nowMs);
                }
                catch (Exception ex)
                {
                    Log(String.Concat("pump failed: ", ex.Message));
                }

                Thread.Sleep(PumpPeriodMs);
            }

            Log("tick thread failed: stopping the MQTT link (the pod goes offline)");

            try
            {
                // The IMqttLink contract: a clean stop discards the Will, so say "offline" first
                // (M2MqttLink.Stop repeats it, harmlessly: the same retained payload).
                byte[] offline = Encoding.UTF8.GetBytes("offline");
                int messageId;
                _link.Publish(_pump.Topics.Availability, offline, offline.Length, 1, true, out messageId);
                _link.Stop();
            }
            catch (Exception ex)
            {
                Log(String.Concat("stopping the link failed: ", ex.Message));
            }
        }

        // Boot starts SNTP only when Wi-Fi came up within its timeout; a pod whose network came up
        // later starts it here, once the broker is reachable (so the network is up).
        private void StartSntpOnceOnline(bool connected)
        {
            if (!connected || _sntpStartTried)
            {
                return;
            }

            _sntpStartTried = true;

            try
            {
                if (!Sntp.IsStarted)
                {
                    Sntp.Start();
                    Log("SNTP started");
                }
            }
            catch (Exception ex)
            {
                Log(String.Concat("SNTP not started, UTC comes from the controller's heartbeat: ", ex.Message));
            }
        }

        private void SyncUtc(long nowMs)
        {
            if (_clock.IsUtcValid && (!_sntpSynced || nowMs - _lastSntpSyncMs >= SntpResyncPeriodMs))
            {
                long monotonicMs = _clock.MonotonicMs;
                long utcMs = (_clock.UtcNow.Ticks - _unixEpochTicks) / TimeSpan.TicksPerMillisecond;
                _controller.Utc.SetFromSntp(monotonicMs, utcMs);
                _lastSntpSyncMs = nowMs;

                if (!_sntpSynced)
                {
                    _sntpSynced = true;
                    Log("pod UTC set from the SNTP-set system clock");
                }
            }
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[pump] ", message));
        }
    }
}
