using System;
using System.Diagnostics;
using System.Threading;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// The tick thread: once per tick period, polls the GNSS UART (when fitted) and runs
    /// <see cref="PodController.Tick"/>. The schedule is drift-free: each deadline is the previous one
    /// plus the period, so a slow tick shortens the next sleep instead of shifting every later tick.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Fail-safe: any exception escaping a tick de-energises the charging relay and the lock actuators
    /// (which engages the spring-applied locks), sets <see cref="HasFailed"/> and parks this thread in the
    /// safe state for good (those outputs written off every second, no more ticks). The controller's state after an exception is unknown, so the
    /// loop never resumes it. A GNSS read error only stops the GNSS polling: the fix then goes
    /// stale and the controller sees "no fix", as with a dead receiver.
    /// </para>
    /// <para>
    /// Overrun: a tick that ends more than a whole period after its deadline re-bases the schedule
    /// on the current time instead of running a burst of catch-up ticks; <see cref="OverrunCount"/>
    /// counts those. The sleep is never negative: a late tick is followed by a zero sleep, which
    /// still yields to the other managed threads.
    /// </para>
    /// <para>
    /// Allocates nothing per tick (logging happens only on a failure). Thread-safety:
    /// <see cref="Run"/> is the tick thread's body; <see cref="HasFailed"/> and
    /// <see cref="OverrunCount"/> may be read from any thread (ints written and read whole).
    /// </para>
    /// </remarks>
    public sealed class ControlLoop
    {
        private const int SafeHoldPeriodMs = 1000;

        private readonly PodController _controller;
        private readonly IClock _clock;
        private readonly IDigitalOutput _relay;
        private readonly IDigitalOutput[] _lockOutputs;
        private readonly int _tickPeriodMs;
        private SerialGnssReader _gnss;
        private int _failed;
        private int _overruns;

        /// <summary>Prepares the loop; <see cref="Run"/> starts it.</summary>
        /// <param name="controller">The control core, constructed (relay already opened by it).</param>
        /// <param name="clock">The monotonic clock the controller uses.</param>
        /// <param name="relay">The charging relay output, opened on failure.</param>
        /// <param name="lockOutputs">The wheel and cable lock actuators, de-energised (locked) on failure.</param>
        /// <param name="gnss">The GNSS UART reader, polled before each tick; null without GNSS.</param>
        /// <param name="tickPeriodMs">Tick period in milliseconds (config <c>tickPeriodMs</c>), at least 1.</param>
        /// <exception cref="ArgumentNullException">The controller, the clock or the relay is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="tickPeriodMs"/> is below 1.</exception>
        public ControlLoop(PodController controller, IClock clock, IDigitalOutput relay, IDigitalOutput[] lockOutputs, SerialGnssReader gnss, int tickPeriodMs)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (relay == null)
            {
                throw new ArgumentNullException("relay");
            }

            if (tickPeriodMs < 1)
            {
                throw new ArgumentOutOfRangeException("tickPeriodMs");
            }

            _controller = controller;
            _clock = clock;
            _relay = relay;
            _lockOutputs = lockOutputs == null ? new IDigitalOutput[0] : lockOutputs;
            _gnss = gnss;
            _tickPeriodMs = tickPeriodMs;
        }

        /// <summary><c>true</c> once a tick threw and the loop holds the safe state (relay open, locks engaged). Any thread.</summary>
        public bool HasFailed
        {
            get { return _failed != 0; }
        }

        /// <summary>Ticks that ended more than one period late, so the schedule was re-based. Any thread.</summary>
        public int OverrunCount
        {
            get { return _overruns; }
        }

        /// <summary>The tick thread's body. Never returns: ticks until an exception, then holds the relay open.</summary>
        public void Run()
        {
            try
            {
                long nextMs = _clock.MonotonicMs;

                while (true)
                {
                    PollGnss();
                    _controller.Tick();

                    nextMs += _tickPeriodMs;
                    long nowMs = _clock.MonotonicMs;
                    long waitMs = nextMs - nowMs;

                    if (waitMs < 0)
                    {
                        if (-waitMs >= _tickPeriodMs)
                        {
                            nextMs = nowMs;
                            _overruns++;
                        }

                        waitMs = 0;
                    }

                    Thread.Sleep((int)waitMs);
                }
            }
            catch (Exception ex)
            {
                OpenRelay();
                _failed = 1;
                Log(String.Concat("tick failed, relay opened, pod parked in the safe state: ", ex.Message));
            }

            while (true)
            {
                OpenRelay();
                Thread.Sleep(SafeHoldPeriodMs);
            }
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
                Log(String.Concat("GNSS UART read failed, GNSS polling stopped: ", ex.Message));
            }
        }

        // The safe state of every output: relay open, and the locks de-energised, which engages them (spring-applied), so a
        // pod parked by a failure cannot be left released with nothing left to relock it.
        private void OpenRelay()
        {
            try
            {
                _relay.Write(false);
            }
            catch (Exception)
            {
                // nothing left to try: the driver's pull-down holds the relay open if the pin floats
            }

            for (int i = 0; i < _lockOutputs.Length; i++)
            {
                try
                {
                    _lockOutputs[i].Write(false);
                }
                catch (Exception)
                {
                    // the next lock still gets its chance
                }
            }
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[tick] ", message));
        }
    }
}
