using System;

namespace PodFirmware.Core.SelfTest
{
    /// <summary>
    /// The residual-current monitor's test before a session: drive its test input (<see cref="TestInputOn"/>), require
    /// its fault output within <see cref="TimeoutMs"/>, release the test input, then require the fault output to clear
    /// within <see cref="TimeoutMs"/> again. Pure: the caller writes the test input and reads the fault output.
    /// </summary>
    /// <remarks>
    /// The caller may call <see cref="Update"/> several times in one tick (a monitor that answers at once passes within
    /// the tick) and then once per tick. A fault output already raised before the pulse passes the first phase but
    /// then never clears, so the test fails. Allocates nothing. Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class RcdSelfTest
    {
        private RcdTestState _state;
        private long _phaseStartMs;

        /// <summary>Creates the test.</summary>
        /// <param name="timeoutMs">Longest wait for each edge of the fault output, in milliseconds; more than 0.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="timeoutMs"/> is 0 or less.</exception>
        public RcdSelfTest(int timeoutMs)
        {
            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("timeoutMs");
            }

            TimeoutMs = timeoutMs;
        }

        /// <summary>Longest wait for each edge of the fault output, in milliseconds.</summary>
        public int TimeoutMs { get; private set; }

        /// <summary>Where the test stands.</summary>
        public RcdTestState State
        {
            get { return _state; }
        }

        /// <summary><c>true</c> while the test input must be driven (<see cref="RcdTestState.Pulsing"/>).</summary>
        public bool TestInputOn
        {
            get { return _state == RcdTestState.Pulsing; }
        }

        /// <summary><c>true</c> while the test runs (pulsing or releasing): the fault output then means the test, not a leak.</summary>
        public bool IsRunning
        {
            get { return _state == RcdTestState.Pulsing || _state == RcdTestState.Releasing; }
        }

        /// <summary>Starts a test at <paramref name="nowMs"/> (monotonic ms): <see cref="TestInputOn"/> turns true.</summary>
        public void Begin(long nowMs)
        {
            _state = RcdTestState.Pulsing;
            _phaseStartMs = nowMs;
        }

        /// <summary>Advances the test with the fault output as read now; returns the new state. Allocates nothing.</summary>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        /// <param name="faultOutputActive">The monitor's fault output reads active.</param>
        public RcdTestState Update(long nowMs, bool faultOutputActive)
        {
            if (_state == RcdTestState.Pulsing)
            {
                if (faultOutputActive)
                {
                    _state = RcdTestState.Releasing;
                    _phaseStartMs = nowMs;
                }
                else if (nowMs - _phaseStartMs > TimeoutMs)
                {
                    _state = RcdTestState.Failed;
                }
            }
            else if (_state == RcdTestState.Releasing)
            {
                if (!faultOutputActive)
                {
                    _state = RcdTestState.Passed;
                }
                else if (nowMs - _phaseStartMs > TimeoutMs)
                {
                    _state = RcdTestState.Failed;
                }
            }

            return _state;
        }

        /// <summary>Back to <see cref="RcdTestState.Idle"/>.</summary>
        public void Reset()
        {
            _state = RcdTestState.Idle;
        }
    }
}
