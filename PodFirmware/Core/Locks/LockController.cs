using PodFirmware.Core.Position;
using System;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Locks
{
    /// <summary>
    /// The movement rules for the wheel and cable locks. Construction commands both locked (a start-up relocks).
    /// <see cref="RequestUnlock"/> is the only path that commands a lock unlocked, and only for an account with move
    /// permission, with no session active, nothing latched and no lock in fault; the pod is then moving until it
    /// relocks: on <see cref="RequestLock"/>, on docking to any lamp post (an undocked-to-docked edge seen while
    /// moving), when the move timeout expires, or on leaving the geofence (which also raises
    /// <see cref="FaultCode.GeofenceExit"/> through <see cref="ActiveFault"/>). docs/locks.md describes it in full.
    /// </summary>
    /// <remarks>
    /// <para>Events written to the ring it is given: a lock event (Text = lock name, Arg = <see cref="LockState"/>) on
    /// every state change of either lock; a moving event (Arg 1 / 0, Text from <see cref="MovingReasons"/>) when the
    /// pod starts or stops moving; a warning <see cref="FaultCode.NetworkLostWhileMoving"/> once per network loss
    /// while moving.</para>
    /// <para>Update, RequestUnlock and RequestLock allocate nothing. Not thread-safe: every member belongs to the control tick.</para>
    /// </remarks>
    public sealed class LockController
    {
        private readonly EventRing _events;
        private readonly PodEvent _scratch = new PodEvent();
        private readonly string[] _moveAccounts;
        private readonly int _moveTimeoutMs;
        private readonly LockActuator _wheel;
        private readonly LockActuator _cable;

        private LockState _wheelReported;
        private LockState _cableReported;
        private bool _moving;
        private long _moveDeadlineMs;
        private long _lastNowMs;
        private bool _seenUndockedWhileMoving;
        private bool _networkWarned;
        private bool _networkLostWhileMoving;
        private bool _geofenceExit;

        // The move under way (audit): who unlocked, when, and where from (when a fix was valid).
        private LockInputs _lastInputs;
        private string _moveAccount;
        private long _moveStartMs;
        private bool _startHasFix;
        private double _startLatDeg;
        private double _startLonDeg;

        /// <summary>Builds both locks from <paramref name="config"/> and commands them locked at <paramref name="nowMs"/>.</summary>
        /// <param name="config">Lock configuration; validated here.</param>
        /// <param name="wheelActuator">Wheel lock (parking brake) actuator; energised = released.</param>
        /// <param name="wheelSense">Wheel lock sense; <c>true</c> when braked.</param>
        /// <param name="cableActuator">Cable lock actuator; energised = released.</param>
        /// <param name="cableSense">Cable lock sense; <c>true</c> when the cable is held.</param>
        /// <param name="events">Ring for lock, moving and warning events.</param>
        /// <param name="nowMs">Monotonic time of construction in milliseconds.</param>
        /// <exception cref="ArgumentNullException">When an argument is null.</exception>
        /// <exception cref="ArgumentException">When <paramref name="config"/> does not validate; the message lists every bad key.</exception>
        public LockController(LocksConfig config, IDigitalOutput wheelActuator, IDigitalInput wheelSense, IDigitalOutput cableActuator, IDigitalInput cableSense, EventRing events, long nowMs)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            if (events == null)
            {
                throw new ArgumentNullException("events");
            }

            var errors = new ConfigErrors();
            config.Validate("locks", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException("invalid locks configuration:\n" + errors.ToString());
            }

            _events = events;
            _moveTimeoutMs = config.MoveTimeoutMs;
            _moveAccounts = new string[config.MoveAccounts.Length];
            for (int i = 0; i < _moveAccounts.Length; i++)
            {
                _moveAccounts[i] = config.MoveAccounts[i];
            }

            _wheel = new LockActuator(LockActuator.WheelName, FaultCode.WheelLockFault, wheelActuator, wheelSense, config.TravelTimeoutMs);
            _cable = new LockActuator(LockActuator.CableName, FaultCode.CableLockFault, cableActuator, cableSense, config.TravelTimeoutMs);
            _wheel.Command(true, nowMs);
            _cable.Command(true, nowMs);
            _wheelReported = _wheel.State;
            _cableReported = _cable.State;
            _lastNowMs = nowMs;
        }

        /// <summary>The wheel lock (parking brake).</summary>
        public LockActuator Wheel
        {
            get { return _wheel; }
        }

        /// <summary>The cable lock.</summary>
        public LockActuator Cable
        {
            get { return _cable; }
        }

        /// <summary><c>true</c> from an accepted unlock until the pod relocks.</summary>
        public bool IsMoving
        {
            get { return _moving; }
        }

        /// <summary>Milliseconds left before the move timeout relocks, as of the last call; 0 when not moving.</summary>
        public long MoveTimeLeftMs
        {
            get
            {
                if (!_moving)
                {
                    return 0;
                }

                long left = _moveDeadlineMs - _lastNowMs;
                return left > 0 ? left : 0;
            }
        }

        /// <summary><c>true</c> once the network was lost during the current move; status carries it until the pod relocks.</summary>
        public bool NetworkLostWhileMoving
        {
            get { return _networkLostWhileMoving; }
        }

        /// <summary><c>true</c> when both locks are <see cref="LockState.Locked"/>.</summary>
        public bool LocksEngaged
        {
            get { return _wheel.State == LockState.Locked && _cable.State == LockState.Locked; }
        }

        /// <summary>
        /// The trip-severity fault to pass as <c>SafetyInputs.EquipmentFault</c>, in this precedence:
        /// <see cref="FaultCode.GeofenceExit"/> (reported from the <see cref="Update"/> that saw the pod leave the fence
        /// while moving until the next <see cref="Update"/> — one tick; the supervisor's latch then holds it, and a lasting
        /// report would refuse the reset the pod needs to be moved back), then <see cref="FaultCode.WheelLockFault"/> and
        /// <see cref="FaultCode.CableLockFault"/> while that lock is in <see cref="LockState.Fault"/>; otherwise None.
        /// </summary>
        public FaultCode ActiveFault
        {
            get
            {
                if (_geofenceExit)
                {
                    return FaultCode.GeofenceExit;
                }

                if (_wheel.State == LockState.Fault)
                {
                    return _wheel.FaultCode;
                }

                return _cable.State == LockState.Fault ? _cable.FaultCode : FaultCode.None;
            }
        }

        /// <summary>
        /// An authorised unlock (the command path has verified the signature). Refuses, changing nothing, with
        /// <see cref="CommandResultCode.NoMovePermission"/> unless <paramref name="account"/> is listed in
        /// <c>locks.moveAccounts</c>, then <see cref="CommandResultCode.SessionActive"/> while a session is active
        /// (never while charging), <see cref="CommandResultCode.FaultLatched"/> while a fault is latched, and
        /// <see cref="CommandResultCode.LockFault"/> while either lock is in fault. On Ok both locks are commanded
        /// unlocked, a moving event (Arg 1, "unlock") is written unless already moving, and the move deadline becomes
        /// <paramref name="nowMs"/> + <c>moveTimeoutMs</c>. Allocates nothing.
        /// </summary>
        public CommandResultCode RequestUnlock(string account, long nowMs, bool sessionActive, bool faultLatched)
        {
            if (!HasMovePermission(account))
            {
                return CommandResultCode.NoMovePermission;
            }

            if (sessionActive)
            {
                return CommandResultCode.SessionActive;
            }

            if (faultLatched)
            {
                return CommandResultCode.FaultLatched;
            }

            if (_wheel.State == LockState.Fault || _cable.State == LockState.Fault)
            {
                return CommandResultCode.LockFault;
            }

            _lastNowMs = nowMs;
            _moveDeadlineMs = nowMs + _moveTimeoutMs;
            if (!_moving)
            {
                _wheel.Command(false, nowMs);
                _cable.Command(false, nowMs);
                _moving = true;
                _seenUndockedWhileMoving = false;
                _networkWarned = false;
                _networkLostWhileMoving = false;
                _moveAccount = account;
                _moveStartMs = nowMs;
                PositionFix fix = _lastInputs == null ? null : _lastInputs.Fix;
                _startHasFix = fix != null && fix.Valid;
                _startLatDeg = _startHasFix ? fix.LatitudeDeg : 0;
                _startLonDeg = _startHasFix ? fix.LongitudeDeg : 0;
                EmitMove(EventKind.Moving, nowMs, 1, MovingReasons.Unlock, double.NaN);
            }

            EmitLockChanges(nowMs);
            return CommandResultCode.Ok;
        }

        /// <summary>
        /// Relocks now: both locks are commanded locked (also to retry a lock in fault: locking is the safe direction and
        /// the only way to clear a lock fault). Ends a move with a moving event (Arg 0, "lock_command"). Returns
        /// <see cref="CommandResultCode.Ok"/>, also when already locked, or <see cref="CommandResultCode.LockFault"/> when a
        /// lock was in fault (it is commanded all the same). Allocates nothing.
        /// </summary>
        public CommandResultCode RequestLock(long nowMs)
        {
            bool faulted = _wheel.State == LockState.Fault || _cable.State == LockState.Fault;
            _lastNowMs = nowMs;
            Relock(nowMs, MovingReasons.LockCommand);
            return faulted ? CommandResultCode.LockFault : CommandResultCode.Ok;
        }

        /// <summary>
        /// Judges both locks and the movement rules for this tick. While moving, relocks on the first of: leaving the
        /// geofence (and raises GeofenceExit), docking (an undocked-to-docked edge seen during the move), the move
        /// deadline reached. A network loss while moving writes one warning per loss and sets
        /// <see cref="NetworkLostWhileMoving"/>. Writes a lock event per lock state change. Allocates nothing.
        /// </summary>
        public void Update(LockInputs inputs)
        {
            long nowMs = inputs.NowMs;
            _lastNowMs = nowMs;
            _lastInputs = inputs;
            _geofenceExit = false;
            _wheel.Update(nowMs);
            _cable.Update(nowMs);

            if (_moving)
            {
                if (!inputs.NetworkUp)
                {
                    if (!_networkWarned)
                    {
                        _networkWarned = true;
                        _networkLostWhileMoving = true;
                        // Arg 1 = raised: the events topic publishes a warning's Arg as "active" (docs/mqtt.md).
                        Emit(EventKind.Warning, nowMs, FaultCode.NetworkLostWhileMoving, 1, null);
                    }
                }
                else
                {
                    _networkWarned = false;
                }

                if (!inputs.Docked)
                {
                    _seenUndockedWhileMoving = true;
                }

                if (inputs.Fence == FencePosition.Outside)
                {
                    _geofenceExit = true;
                    Relock(nowMs, MovingReasons.Geofence);
                }
                else if (inputs.Docked && _seenUndockedWhileMoving)
                {
                    Relock(nowMs, MovingReasons.Docked);
                }
                else if (nowMs >= _moveDeadlineMs)
                {
                    Relock(nowMs, MovingReasons.Timeout);
                }
            }

            EmitLockChanges(nowMs);
        }

        private bool HasMovePermission(string account)
        {
            if (account == null || account.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < _moveAccounts.Length; i++)
            {
                if (_moveAccounts[i] == account)
                {
                    return true;
                }
            }

            return false;
        }

        private void Relock(long nowMs, string reason)
        {
            _wheel.Command(true, nowMs);
            _cable.Command(true, nowMs);
            if (_moving)
            {
                _moving = false;
                _networkLostWhileMoving = false;
                _networkWarned = false;
                PositionFix fix = _lastInputs == null ? null : _lastInputs.Fix;
                double distanceM = _startHasFix && fix != null && fix.Valid
                    ? Geofence.DistanceM(_startLatDeg, _startLonDeg, fix.LatitudeDeg, fix.LongitudeDeg)
                    : double.NaN;
                EmitMove(EventKind.Moving, nowMs, 0, reason, distanceM);
                EmitMove(EventKind.MoveRecord, nowMs, 0, reason, distanceM);
            }

            EmitLockChanges(nowMs);
        }

        private void EmitLockChanges(long nowMs)
        {
            if (_wheel.State != _wheelReported)
            {
                _wheelReported = _wheel.State;
                Emit(EventKind.Lock, nowMs, FaultCode.None, (int)_wheelReported, _wheel.Name);
            }

            if (_cable.State != _cableReported)
            {
                _cableReported = _cable.State;
                Emit(EventKind.Lock, nowMs, FaultCode.None, (int)_cableReported, _cable.Name);
            }
        }

        // A moving event or the move record: the unlocking account, the move's start and this time, the distance (m, NaN unknown).
        private void EmitMove(EventKind kind, long nowMs, int arg, string reason, double distanceM)
        {
            _scratch.Clear();
            _scratch.Kind = kind;
            _scratch.TimeMs = nowMs;
            _scratch.Arg = arg;
            _scratch.Text = reason;
            _scratch.Value = distanceM;
            _scratch.Record.Account = _moveAccount;
            _scratch.Record.StartMs = _moveStartMs;
            _scratch.Record.StopMs = nowMs;
            _events.TryWrite(_scratch);
        }

        private void Emit(EventKind kind, long nowMs, FaultCode code, int arg, string text)
        {
            _scratch.Clear();
            _scratch.Kind = kind;
            _scratch.TimeMs = nowMs;
            _scratch.Code = code;
            _scratch.Arg = arg;
            _scratch.Text = text;
            _events.TryWrite(_scratch);
        }
    }
}
