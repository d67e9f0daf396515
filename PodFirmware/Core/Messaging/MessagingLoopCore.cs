using System;
using System.Diagnostics;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// The messaging thread's body: every <see cref="PumpPeriodMs"/> it tells the controller whether the MQTT
    /// link is up, starts SNTP once online, hands a set system clock to the controller's UTC, and runs
    /// <see cref="MessagingPump.Pump"/>. On the board a thread runs <see cref="Run"/>; tests call
    /// <see cref="RunOnce"/> with a pause that advances a virtual clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// SNTP: boot starts it when Wi-Fi came up in time; otherwise this loop starts it (if not yet running) the
    /// first time the link is connected, so the network is up. One attempt only: a failure leaves UTC to the
    /// controller's heartbeat.
    /// </para>
    /// <para>
    /// UTC: once <see cref="IClock.IsUtcValid"/> (the system clock was set), the clock's UTC is handed to
    /// <see cref="PodController.Utc"/> through <c>SetFromSntp</c>, at once and then every
    /// <see cref="SntpResyncPeriodMs"/>, so SNTP's corrections and the drift of the tick counter are followed.
    /// The command replay horizon is not this loop's: the pump restores it from flash before it verifies
    /// the first command (<see cref="PodFirmware.Core.Commands.ReplayHorizonStore"/>).
    /// </para>
    /// <para>
    /// Once the tick loop has failed (<see cref="ControlLoopCore.HasFailed"/>), the loop publishes the
    /// retained <see cref="MessagingStack.OfflinePayload"/> on the availability topic (a clean stop discards
    /// the Will), stops the link and ends: the back end sees the pod offline rather than a status that no
    /// longer changes. An exception from one turn is counted (<see cref="FailedTurns"/>) and the loop carries
    /// on: the messaging side holds no safety state (the relay is the tick's alone).
    /// </para>
    /// <para>
    /// Thread-safety: <see cref="Run"/> and <see cref="RunOnce"/> belong to the messaging thread, the only
    /// user of the pump and the link's caller side. The counters may be read from any thread.
    /// </para>
    /// </remarks>
    public sealed class MessagingLoopCore
    {
        /// <summary>Pause between two pumps, in milliseconds.</summary>
        public const int PumpPeriodMs = 50;

        /// <summary>How often a set system clock is handed to the controller's UTC again, in milliseconds.</summary>
        public const int SntpResyncPeriodMs = 60000;

        private readonly MessagingPump _pump;
        private readonly IMqttLink _link;
        private readonly PodController _controller;
        private readonly IClock _clock;
        private readonly INetworkTime _sntp;
        private readonly ControlLoopCore _control;
        private readonly IThreadPause _pause;
        private bool _sntpSynced;
        private bool _sntpStartTried;
        private bool _stopped;
        private long _lastSntpSyncMs;
        private int _failedTurns;

        /// <summary>Prepares the loop; <see cref="Run"/> or <see cref="RunOnce"/> drives it.</summary>
        /// <param name="pump">The pump, with commands and the heartbeat enabled.</param>
        /// <param name="link">The started MQTT link the pump uses.</param>
        /// <param name="controller">The control core the pump serves.</param>
        /// <param name="clock">Monotonic time, and the system clock SNTP sets.</param>
        /// <param name="sntp">The SNTP client started once online; null when the platform sets its clock itself.</param>
        /// <param name="control">The tick loop, watched for failure.</param>
        /// <param name="pause">How the messaging thread waits between two pumps.</param>
        /// <exception cref="ArgumentNullException">An argument other than <paramref name="sntp"/> is null.</exception>
        public MessagingLoopCore(MessagingPump pump, IMqttLink link, PodController controller, IClock clock, INetworkTime sntp, ControlLoopCore control, IThreadPause pause)
        {
            if (pump == null || link == null || controller == null || clock == null || control == null || pause == null)
            {
                throw new ArgumentNullException("pump, link, controller, clock, control and pause are all required");
            }

            _pump = pump;
            _link = link;
            _controller = controller;
            _clock = clock;
            _sntp = sntp;
            _control = control;
            _pause = pause;
        }

        /// <summary>Turns that threw (logged and carried on from). Any thread.</summary>
        public int FailedTurns
        {
            get { return _failedTurns; }
        }

        /// <summary><c>true</c> once the loop said offline and stopped the link (after the tick loop failed).</summary>
        public bool IsStopped
        {
            get { return _stopped; }
        }

        /// <summary>Publishes the console's log ring on <c>pods/{id}/log</c> after each pump; null for none. Set before <see cref="Run"/>.</summary>
        public PodFirmware.Core.Console.LogPublisher LogPublisher;

        /// <summary>The messaging thread's body. Returns only after the tick loop failed and the link was stopped.</summary>
        public void Run()
        {
            while (RunOnce())
            {
            }
        }

        /// <summary>
        /// One turn: network state to the controller, SNTP start and UTC hand-over, one pump, then a pause of
        /// <see cref="PumpPeriodMs"/>. Once the tick loop has failed: says offline and stops the link (first call only).
        /// </summary>
        /// <returns><c>false</c> once the loop has ended (tick loop failed); <c>true</c> otherwise.</returns>
        public bool RunOnce()
        {
            if (_control.HasFailed)
            {
                if (!_stopped)
                {
                    _stopped = true;
                    GoOffline();
                }

                return false;
            }

            try
            {
                long nowMs = _clock.MonotonicMs;
                bool connected = _link.IsConnected;
                StartSntpOnceOnline(connected);
                SyncUtc(nowMs);
                _controller.NetworkUp = connected;
                _pump.Pump(nowMs);
                if (LogPublisher != null)
                {
                    LogPublisher.Pump(nowMs);
                }
            }
            catch (Exception ex)
            {
                _failedTurns++;
                Log(String.Concat("pump failed: ", ex.Message));
            }

            _pause.Pause(PumpPeriodMs);
            return true;
        }

        private void GoOffline()
        {
            Log("tick thread failed: stopping the MQTT link (the pod goes offline)");

            try
            {
                // The IMqttLink contract: a clean stop discards the Will, so say "offline" first.
                byte[] offline = Encoding.UTF8.GetBytes(MessagingStack.OfflinePayload);
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
            if (!connected || _sntpStartTried || _sntp == null)
            {
                return;
            }

            _sntpStartTried = true;

            try
            {
                if (!_sntp.IsStarted)
                {
                    _sntp.Start();
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
                long utcMs = WallClock.UnixMs(_clock.UtcNow);
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
