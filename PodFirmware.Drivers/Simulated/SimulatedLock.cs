using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// A lock (wheel brake or cable lock) for tests and the simulator: an actuator output (energised = released) and
    /// a position sense (<see cref="Sense"/>, <c>true</c> at the locked position) that follows the actuator
    /// <see cref="TravelMs"/> after each change, in the time of the <see cref="IClock"/> it was given.
    /// <see cref="Fault"/> jams the sense.
    /// </summary>
    /// <remarks>Starts de-energised and at the locked position. Not thread-safe: use it from the thread that runs the tick.</remarks>
    public sealed class SimulatedLock : IDigitalOutput
    {
        /// <summary>
        /// Default travel time in milliseconds: a pull-type solenoid or small geared-motor lock moves in 0.1 to 0.5 s
        /// by its datasheet; the slow end is used so the firmware's travel states are exercised.
        /// </summary>
        public const int DefaultTravelMs = 500;

        private readonly IClock _clock;
        private readonly SenseInput _sense;
        private bool _energised;
        private bool _fromLocked = true;
        private long _changedAtMs;

        /// <summary>A healthy lock at the locked position with <see cref="DefaultTravelMs"/>.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="clock"/> is null.</exception>
        public SimulatedLock(IClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _clock = clock;
            _sense = new SenseInput(this);
            _changedAtMs = clock.MonotonicMs;
        }

        /// <summary>Time in milliseconds from an actuator change until the sense reports the new position. Default <see cref="DefaultTravelMs"/>.</summary>
        public int TravelMs = DefaultTravelMs;

        /// <summary>The fault the lock has now; <see cref="LockFault.Ok"/> by default. May change at any time.</summary>
        public LockFault Fault;

        /// <inheritdoc />
        public bool IsEnergised
        {
            get { return _energised; }
        }

        /// <summary>The position sense: <c>true</c> at the locked position.</summary>
        public IDigitalInput Sense
        {
            get { return _sense; }
        }

        /// <summary><c>true</c> when the lock is at the locked position now (what <see cref="Sense"/> reads).</summary>
        public bool IsAtLocked
        {
            get
            {
                if (Fault == LockFault.StuckLocked)
                {
                    return true;
                }

                if (Fault == LockFault.StuckUnlocked)
                {
                    return false;
                }

                bool targetLocked = !_energised;
                if (targetLocked == _fromLocked)
                {
                    return targetLocked;
                }

                return _clock.MonotonicMs - _changedAtMs >= TravelMs ? targetLocked : _fromLocked;
            }
        }

        /// <inheritdoc />
        public void Write(bool energised)
        {
            if (energised == _energised)
            {
                return;
            }

            // Reversing mid-travel starts a full travel from where the sense reads now.
            _fromLocked = IsAtLocked;
            _energised = energised;
            _changedAtMs = _clock.MonotonicMs;
        }

        private sealed class SenseInput : IDigitalInput
        {
            private readonly SimulatedLock _lock;

            public SenseInput(SimulatedLock owner)
            {
                _lock = owner;
            }

            public bool Read()
            {
                return _lock.IsAtLocked;
            }
        }
    }
}
