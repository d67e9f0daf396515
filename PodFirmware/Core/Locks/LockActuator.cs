using System;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Locks
{
    /// <summary>
    /// One lock: an actuator output and a position sense. Hardware assumption: the actuator is spring-applied and
    /// released by power, so an energised output means released (unlocked) and a de-energised output means locked;
    /// a power loss or a reboot (outputs start de-energised) leaves the pod braked and the cable held. The sense
    /// reads <c>true</c> at the locked position.
    /// </summary>
    /// <remarks>
    /// <para><see cref="Command"/> drives the output at once; <see cref="Update"/> reads the sense each tick. The lock
    /// is <see cref="LockState.Locked"/> or <see cref="LockState.Unlocked"/> when the sense agrees with the command,
    /// <see cref="LockState.Locking"/> or <see cref="LockState.Unlocking"/> while travelling, and
    /// <see cref="LockState.Fault"/> when it does not reach the commanded position within more than the travel timeout,
    /// or later leaves it without a command ("does not reach or hold"). A fault is sticky: only a later
    /// <see cref="Command"/> that then reaches its position clears it (the lock reads Fault while that command travels).</para>
    /// <para>Allocates nothing after construction. Not thread-safe: owned by the control tick.</para>
    /// </remarks>
    public sealed class LockActuator
    {
        /// <summary>Name of the wheel lock (parking brake), as sent in lock events.</summary>
        public const string WheelName = "wheel";

        /// <summary>Name of the cable lock (holds the charging cable in its socket), as sent in lock events.</summary>
        public const string CableName = "cable";

        private readonly IDigitalOutput _actuator;
        private readonly IDigitalInput _sense;
        private bool _commandedLocked;
        private long _commandedAtMs;
        private bool _pending;
        private bool _reached;
        private bool _fault;
        private bool _senseLocked;
        private LockState _state;

        /// <summary>Creates the lock, commanded locked (output de-energised) as of monotonic 0 ms, with its state Locking until the first <see cref="Update"/>.</summary>
        /// <param name="name">Lock name sent in events; <see cref="WheelName"/> or <see cref="CableName"/>.</param>
        /// <param name="faultCode">Fault reported while this lock is in <see cref="LockState.Fault"/>.</param>
        /// <param name="actuator">The actuator output; energised = released.</param>
        /// <param name="sense">The position sense; <c>true</c> at the locked position.</param>
        /// <param name="travelTimeoutMs">Time allowed to reach a commanded position, in milliseconds; more than 0.</param>
        /// <exception cref="ArgumentNullException">When an argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="travelTimeoutMs"/> is not positive.</exception>
        public LockActuator(string name, FaultCode faultCode, IDigitalOutput actuator, IDigitalInput sense, int travelTimeoutMs)
        {
            if (name == null)
            {
                throw new ArgumentNullException("name");
            }

            if (actuator == null)
            {
                throw new ArgumentNullException("actuator");
            }

            if (sense == null)
            {
                throw new ArgumentNullException("sense");
            }

            if (travelTimeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("travelTimeoutMs");
            }

            Name = name;
            FaultCode = faultCode;
            TravelTimeoutMs = travelTimeoutMs;
            _actuator = actuator;
            _sense = sense;
            _actuator.Write(false);
            _commandedLocked = true;
            _pending = true;
            _state = LockState.Locking;
        }

        /// <summary>The lock's name, as sent in lock events.</summary>
        public string Name { get; private set; }

        /// <summary>The fault this lock reports while in <see cref="LockState.Fault"/>.</summary>
        public FaultCode FaultCode { get; private set; }

        /// <summary>Time allowed to reach a commanded position, in milliseconds.</summary>
        public int TravelTimeoutMs { get; private set; }

        /// <summary>Where the lock stands, as of the last <see cref="Command"/> or <see cref="Update"/>.</summary>
        public LockState State
        {
            get { return _state; }
        }

        /// <summary><c>true</c> while commanded locked (output de-energised).</summary>
        public bool CommandedLocked
        {
            get { return _commandedLocked; }
        }

        /// <summary>What the sense read at the last <see cref="Update"/>: <c>true</c> at the locked position.</summary>
        public bool SenseLocked
        {
            get { return _senseLocked; }
        }

        /// <summary><c>true</c> while a command is travelling: neither reached nor timed out yet.</summary>
        public bool IsTravelling
        {
            get { return _pending; }
        }

        /// <summary>Commands the lock locked or unlocked and drives the output at once. Allocates nothing.</summary>
        /// <param name="locked"><c>true</c> to lock (de-energise), <c>false</c> to release (energise).</param>
        /// <param name="nowMs">Monotonic time of the command in milliseconds; the travel timeout counts from here.</param>
        public void Command(bool locked, long nowMs)
        {
            _actuator.Write(!locked);
            _commandedLocked = locked;
            _commandedAtMs = nowMs;
            _pending = true;
            _reached = false;
            if (!_fault)
            {
                _state = locked ? LockState.Locking : LockState.Unlocking;
            }
        }

        /// <summary>Reads the sense and judges the lock at <paramref name="nowMs"/>; returns <see cref="State"/>. Allocates nothing.</summary>
        public LockState Update(long nowMs)
        {
            _senseLocked = _sense.Read();
            bool atCommanded = _senseLocked == _commandedLocked;
            if (atCommanded)
            {
                if (_pending)
                {
                    _pending = false;
                    _reached = true;
                    _fault = false;
                }
            }
            else if (_reached)
            {
                // Left the commanded position without a command: a lock that does not hold.
                _reached = false;
                _fault = true;
            }
            else if (_pending && nowMs - _commandedAtMs > TravelTimeoutMs)
            {
                _pending = false;
                _fault = true;
            }

            if (_fault)
            {
                _state = LockState.Fault;
            }
            else if (atCommanded)
            {
                _state = _commandedLocked ? LockState.Locked : LockState.Unlocked;
            }
            else
            {
                _state = _commandedLocked ? LockState.Locking : LockState.Unlocking;
            }

            return _state;
        }
    }
}
