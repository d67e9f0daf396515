using System;
using System.Diagnostics;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The tick thread's body: once per tick period, polls the GNSS UART (when fitted) and runs
    /// <see cref="PodController.Tick"/>, then pauses until the next deadline. On the board a thread runs
    /// <see cref="Run"/>; tests call <see cref="RunOnce"/> with a pause that advances a virtual clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Drift-free: each deadline is the previous one plus the period, so a slow tick shortens the next pause
    /// instead of shifting every later tick. A tick that ends a whole period or more after its deadline
    /// re-bases the schedule on the current time instead of running a burst of catch-up ticks
    /// (<see cref="OverrunCount"/>). The pause is never negative: after a late tick it is 0, which still
    /// yields to the other threads.
    /// </para>
    /// <para>
    /// Fail-safe: an exception escaping a tick (or the pause) writes the <see cref="SafeOutputs"/> (relay
    /// open, locks engaged), sets <see cref="HasFailed"/> and parks the loop for good: every later
    /// <see cref="RunOnce"/> only rewrites the safe state and pauses <see cref="SafeOutputs.HoldPeriodMs"/>.
    /// The controller's state after an exception is unknown, so the loop never resumes it. A GNSS read
    /// error only stops the GNSS polling (<see cref="GnssStopped"/>): the fix goes stale and the controller
    /// sees "no fix", as with a dead receiver.
    /// </para>
    /// <para>
    /// Allocates nothing per tick (only a failure logs). Thread-safety: <see cref="Run"/> and
    /// <see cref="RunOnce"/> belong to the tick thread; <see cref="HasFailed"/>, <see cref="OverrunCount"/>
    /// and <see cref="GnssStopped"/> may be read from any thread (ints written and read whole).
    /// </para>
    /// </remarks>
    public sealed class ControlLoopCore
    {
        private readonly PodController _controller;
        private readonly IClock _clock;
        private readonly IThreadPause _pause;
        private readonly SafeOutputs _safe;
        private readonly int _tickPeriodMs;
        private SerialGnssFeed _gnss;
        private bool _started;
        private long _nextMs;
        private int _failed;
        private int _gnssStopped;
        private int _overruns;
        private string _failure = "";

        /// <summary>Prepares the loop; <see cref="Run"/> or <see cref="RunOnce"/> drives it.</summary>
        /// <param name="controller">The control core, constructed (relay already opened by it).</param>
        /// <param name="clock">The monotonic clock the controller uses.</param>
        /// <param name="pause">How the tick thread waits for its next deadline.</param>
        /// <param name="safe">The outputs written off when a tick fails.</param>
        /// <param name="gnss">The GNSS UART feed, polled before each tick; null without GNSS.</param>
        /// <param name="tickPeriodMs">Tick period in milliseconds (config <c>tickPeriodMs</c>), at least 1.</param>
        /// <exception cref="ArgumentNullException">The controller, clock, pause or safe outputs are null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="tickPeriodMs"/> is below 1.</exception>
        public ControlLoopCore(PodController controller, IClock clock, IThreadPause pause, SafeOutputs safe, SerialGnssFeed gnss, int tickPeriodMs)
        {
            if (controller == null || clock == null || pause == null || safe == null)
            {
                throw new ArgumentNullException("controller, clock, pause and safe are all required");
            }

            if (tickPeriodMs < 1)
            {
                throw new ArgumentOutOfRangeException("tickPeriodMs");
            }

            _controller = controller;
            _clock = clock;
            _pause = pause;
            _safe = safe;
            _gnss = gnss;
            _tickPeriodMs = tickPeriodMs;
        }

        /// <summary><c>true</c> once a tick threw and the loop holds the safe state (relay open, locks engaged). Any thread.</summary>
        public bool HasFailed
        {
            get { return _failed != 0; }
        }

        /// <summary>The message of the exception that stopped the ticks; empty while <see cref="HasFailed"/> is false.</summary>
        public string FailureMessage
        {
            get { return _failure; }
        }

        /// <summary>Ticks that ended a whole period or more late, so the schedule was re-based. Any thread.</summary>
        public int OverrunCount
        {
            get { return _overruns; }
        }

        /// <summary><c>true</c> once a GNSS read threw and polling stopped for good. Any thread.</summary>
        public bool GnssStopped
        {
            get { return _gnssStopped != 0; }
        }

        /// <summary>The tick thread's body. Never returns: ticks until an exception, then holds the safe state.</summary>
        public void Run()
        {
            while (true)
            {
                RunOnce();
            }
        }

        /// <summary>
        /// One turn of the loop: GNSS poll, tick and the pause to the next deadline; once failed, one rewrite
        /// of the safe state and a pause of <see cref="SafeOutputs.HoldPeriodMs"/>. The first call fixes the
        /// schedule's origin at the clock's current time.
        /// </summary>
        /// <returns><c>true</c> when a tick ran; <c>false</c> once the loop has failed.</returns>
        public bool RunOnce()
        {
            if (_failed != 0)
            {
                _safe.Apply();
                _pause.Pause(SafeOutputs.HoldPeriodMs);
                return false;
            }

            try
            {
                if (!_started)
                {
                    _nextMs = _clock.MonotonicMs;
                    _started = true;
                }

                PollGnss();
                _controller.Tick();
                _pause.Pause(NextPauseMs(_clock.MonotonicMs));
                return true;
            }
            catch (Exception ex)
            {
                _safe.Apply();
                _failure = ex.Message == null ? "" : ex.Message;
                _failed = 1;
                Log(String.Concat("tick failed, relay opened, pod parked in the safe state: ", _failure));
                return false;
            }
        }

        // Advances the deadline by one period and returns the pause to it from nowMs (never negative).
        private int NextPauseMs(long nowMs)
        {
            _nextMs += _tickPeriodMs;
            long waitMs = _nextMs - nowMs;

            if (waitMs >= 0)
            {
                return (int)waitMs;
            }

            if (-waitMs >= _tickPeriodMs)
            {
                _nextMs = nowMs;
                _overruns++;
            }

            return 0;
        }

        // The receiver is read by the tick, so it is fed on the same thread, just before it.
        private void PollGnss()
        {
            if (_gnss == null)
            {
                return;
            }

            try
            {
                _gnss.Poll(_clock.MonotonicMs);
            }
            catch (Exception ex)
            {
                _gnss = null;
                _gnssStopped = 1;
                Log(String.Concat("GNSS UART read failed, GNSS polling stopped: ", ex.Message));
            }
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[tick] ", message));
        }
    }
}
