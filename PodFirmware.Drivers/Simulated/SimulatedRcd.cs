using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// A residual-current monitor module (RDC-DD, 6 mA DC / 30 mA AC) for tests and the simulator: the test input is an
    /// <see cref="IDigitalOutput"/> (energised = test current injected) and <see cref="FaultOutput"/> its fault output
    /// (reads <c>true</c> = leak). Healthy, the fault output rises <see cref="ResponseMs"/> after the test input is driven
    /// and falls as soon as it is released; <see cref="Fault"/> injects a leak or a dead monitor.
    /// </summary>
    /// <remarks>Time comes from the clock it was given (virtual in tests). Not thread-safe: use it from the tick's thread.</remarks>
    public sealed class SimulatedRcd : IDigitalOutput
    {
        private readonly IClock _clock;
        private readonly FaultInput _output;
        private bool _testOn;
        private long _testOnAtMs;

        /// <summary>A healthy monitor that answers its test at once.</summary>
        /// <param name="clock">The clock the response time is measured on.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        public SimulatedRcd(IClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _output = new FaultInput(this);
        }

        /// <summary>The monitor's behaviour now; <see cref="RcdFault.Ok"/> by default. May change at any time.</summary>
        public RcdFault Fault;

        /// <summary>How long after the test input is driven the fault output rises, in milliseconds; 0 (default) at once.</summary>
        public int ResponseMs;

        /// <summary>Number of times the test input has been driven (a rising edge), for tests.</summary>
        public int TestPulses;

        /// <inheritdoc />
        public bool IsEnergised
        {
            get { return _testOn; }
        }

        /// <summary>The fault output: <c>true</c> with a leak, or while a healthy monitor answers its test input.</summary>
        public IDigitalInput FaultOutput
        {
            get { return _output; }
        }

        /// <summary><c>true</c> when the fault output reads active now.</summary>
        public bool FaultActive
        {
            get
            {
                if (Fault == RcdFault.Fault)
                {
                    return true;
                }

                return Fault == RcdFault.Ok && _testOn && _clock.MonotonicMs - _testOnAtMs >= ResponseMs;
            }
        }

        /// <summary>Drives (<c>true</c>) or releases the test input.</summary>
        public void Write(bool energised)
        {
            if (energised && !_testOn)
            {
                _testOnAtMs = _clock.MonotonicMs;
                TestPulses++;
            }

            _testOn = energised;
        }

        private sealed class FaultInput : IDigitalInput
        {
            private readonly SimulatedRcd _rcd;

            public FaultInput(SimulatedRcd rcd)
            {
                _rcd = rcd;
            }

            public bool Read()
            {
                return _rcd.FaultActive;
            }
        }
    }
}
