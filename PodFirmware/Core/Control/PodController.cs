using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Position;
using PodFirmware.Core.Safety;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The control tick, once per <see cref="PodConfig.TickPeriodMs"/>: read the inputs, sample every
    /// safety channel, evaluate every safety rule, apply queued commands, advance the locks and the
    /// charging session, then drive the charging relay. A trip opens the relay in the same
    /// <see cref="Tick"/> that decided it. The same class runs on the device (real adapters, hardware
    /// clock) and on the host (simulated twins, virtual clock).
    /// </summary>
    /// <remarks>
    /// Owns the pod's state: only the tick thread calls <see cref="Tick"/>. Other threads hand it work
    /// through <see cref="Commands"/> and <see cref="Heartbeat"/>, set <see cref="NetworkUp"/>, read
    /// <see cref="Status"/> (a snapshot refreshed every tick) and drain <see cref="Events"/>.
    /// Allocates nothing after construction.
    /// The relay closes only when all of these hold in the same tick: the session wants power (an accepted
    /// start, plugged, allowed current above 0), the supervisor permits it (no fault latched), the pod is
    /// docked, and both locks are engaged (not moving).
    /// </remarks>
    public sealed partial class PodController
    {
        private readonly IClock _clock;
        private readonly IDigitalOutput _relay;
        private readonly IDigitalInput _relayFeedback;
        private readonly IDigitalInput _dockSense;
        private readonly IDigitalInput _plugSense;
        private readonly IDigitalInput _vehicleSense;
        private readonly IPositionSource _position;
        private readonly TemperatureSensor _temperature;
        private readonly CurrentSensor _current;
        private readonly VoltageSensor _voltage;
        private readonly SafetySupervisor _supervisor;
        private readonly LockController _locks;
        private readonly ChargingSession _session;
        private readonly Geofence _geofence;
        private readonly SelfTest.SelfTest _selfTest = new SelfTest.SelfTest();
        private readonly HeartbeatMonitor _heartbeat;
        private readonly UtcTime _utc = new UtcTime();
        private readonly CommandQueue _commands;
        private readonly Command _command = new Command();
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly SessionInputs _sessionInputs = new SessionInputs();
        private readonly LockInputs _lockInputs = new LockInputs();
        private readonly SelfTestInputs _selfTestInputs = new SelfTestInputs();
        private readonly PodEvent _scratch = new PodEvent();
        private readonly EventRing _events;
        private readonly PodStatus _status = new PodStatus();
        private readonly int _relaySettleMs;
        private long _relayChangedAtMs;
        private bool _bootSelfTestDone;
        private FaultCode _selfTestFault;
        private int _networkUp;
        private string _configError;

        /// <summary>
        /// Wires the tick over its ports. Opens the relay first: whatever the hardware did before, the pod
        /// starts with no power on the connector; then commands both locks locked.
        /// </summary>
        /// <param name="config">A validated pod config.</param>
        /// <param name="clock">Monotonic time source.</param>
        /// <param name="ports">The pod's hardware ports.</param>
        /// <param name="events">Where the tick writes events for the messaging side.</param>
        public PodController(PodConfig config, IClock clock, PodPorts ports, EventRing events)
        {
            _clock = clock;
            _relay = ports.Relay;
            _relay.Write(false);
            long nowMs = clock.MonotonicMs;
            _relayChangedAtMs = nowMs;
            _relayFeedback = ports.RelayFeedback;
            _dockSense = ports.DockSense;
            _plugSense = ports.PlugSense;
            _vehicleSense = ports.VehicleSense;
            _position = ports.Position;
            _events = events;
            _temperature = new TemperatureSensor(ports.TemperatureChannel, config.Sensors.Temperature);
            _current = new CurrentSensor(ports.CurrentChannel, config.Sensors.Current);
            _voltage = new VoltageSensor(ports.VoltageChannel, config.Sensors.Voltage);
            _supervisor = new SafetySupervisor(config.Safety, ports.Store, events);
            _supervisor.TripOutput = _relay;
            _relaySettleMs = config.Safety.Relay.SettleMs;
            _locks = new LockController(config.Locks, ports.WheelLock, ports.WheelLockSense, ports.CableLock, ports.CableLockSense, events, nowMs);
            _session = new ChargingSession(config.Session, config.RatedCurrentA, events);
            _geofence = new Geofence(config.Position.Geofence);
            _heartbeat = new HeartbeatMonitor(config.Heartbeat, nowMs, events, _utc);
            _commands = new CommandQueue(config.Commands.QueueCapacity);
            _inputs.SpaceNumber = config.ParkingSpace;
            _sessionInputs.SpaceNumber = config.ParkingSpace;
            _inputs.AllowedCurrentA = config.RatedCurrentA;
            _networkUp = 1;
            _benchMode = config.BenchMode;
        }

        /// <summary>The safety supervisor, for tests and the console.</summary>
        public SafetySupervisor Supervisor
        {
            get { return _supervisor; }
        }

        /// <summary>The charging session, for tests and the console.</summary>
        public ChargingSession Session
        {
            get { return _session; }
        }

        /// <summary>The wheel and cable locks with their movement rules, for tests and the console.</summary>
        public LockController Locks
        {
            get { return _locks; }
        }

        /// <summary>Verified commands waiting for the tick; the messaging thread enqueues, the tick applies them in order.</summary>
        public CommandQueue Commands
        {
            get { return _commands; }
        }

        /// <summary>The controller heartbeat watch; the messaging thread calls <c>OnBeat</c>, the tick decides.</summary>
        public HeartbeatMonitor Heartbeat
        {
            get { return _heartbeat; }
        }

        /// <summary>The pod's UTC, set from SNTP or the controller heartbeat; shared with the messaging thread.</summary>
        public UtcTime Utc
        {
            get { return _utc; }
        }

        /// <summary>Events the tick raised, oldest first; drained by the messaging side.</summary>
        public EventRing Events
        {
            get { return _events; }
        }

        /// <summary>The snapshot refreshed at the end of every tick.</summary>
        public PodStatus Status
        {
            get { return _status; }
        }

        /// <summary>
        /// Whether the MQTT link is connected; set by the messaging thread (an int written and read whole,
        /// so no lock is needed), read by the tick for the network-lost-while-moving warning. Starts true.
        /// </summary>
        public bool NetworkUp
        {
            get { return _networkUp != 0; }
            set { _networkUp = value ? 1 : 0; }
        }

        /// <summary>
        /// Keeps the relay open for good because the pod runs on built-in safe defaults (its config is missing or
        /// invalid): every other part of the tick (sensors, safety rules, latch, locks) runs as usual. The status
        /// reports <paramref name="problem"/> as <see cref="PodStatus.ConfigError"/>. Call before the first tick.
        /// </summary>
        /// <param name="problem">The first config problem, <c>key: reason</c>; not null.</param>
        public void DisableCharging(string problem)
        {
            _configError = problem;
            _status.ConfigError = problem;
        }

        /// <summary>Runs one control tick at the clock's current time.</summary>
        public void Tick()
        {
            long nowMs = _clock.MonotonicMs;
            bool relayClosed = _relay.IsEnergised;
            bool docked = _dockSense.Read();
            bool plugged = _plugSense.Read();

            _events.SpaceNumber = docked ? _inputs.SpaceNumber : 0;
            // The ESP32 ADC's own noise moves a healthy NTC reading by a few counts every time, so a reading frozen for
            // sensors.temperature.stuckAfterMs means a dead input; a current or voltage whose raw samples never move is
            // only suspicious while power flows.
            _temperature.Sample(nowMs, true);
            _current.Sample(nowMs, relayClosed);
            _voltage.Sample(nowMs, relayClosed);
            _heartbeat.Update(nowMs);

            FencePosition fence = FencePosition.Unknown;
            if (_position != null)
            {
                fence = _geofence.Update(_position, nowMs);
            }

            _lockInputs.NowMs = nowMs;
            _lockInputs.Docked = docked;
            _lockInputs.Fence = fence;
            _lockInputs.NetworkUp = _networkUp != 0;
            _locks.Update(_lockInputs);

            if (!_bootSelfTestDone && !_locks.Wheel.IsTravelling && !_locks.Cable.IsTravelling)
            {
                _bootSelfTestDone = true;
                RunSelfTest(relayClosed);
            }

            FillSafetyInputs(nowMs, relayClosed);
            _supervisor.Evaluate(_inputs);

            FillSessionInputs(nowMs, docked, plugged, relayClosed);
            ApplyCommands(nowMs, relayClosed);
            ApplyLocalAction(nowMs, relayClosed, plugged);
            _session.Update(_sessionInputs);

            bool close = (_session.WantsPower && _supervisor.RelayPermitted && docked && !_locks.IsMoving && _locks.LocksEngaged && _configError == null)
                         || BenchRelayWanted();
            if (close != relayClosed)
            {
                _relay.Write(close);
                _relayChangedAtMs = nowMs;
                _scratch.Clear();
                _scratch.Kind = EventKind.Relay;
                _scratch.TimeMs = nowMs;
                _scratch.Arg = close ? 1 : 0;
                _events.TryWrite(_scratch);
            }

            UpdateStatus(nowMs, close, docked, plugged);
        }

        private void FillSafetyInputs(long nowMs, bool relayClosed)
        {
            _inputs.NowMs = nowMs;
            _inputs.TemperatureC = _temperature.TemperatureC;
            _inputs.TemperatureStatus = _temperature.Status;
            _inputs.CurrentA = _current.CurrentA;
            _inputs.CurrentStatus = _current.Status;
            _inputs.VoltageV = _voltage.VoltageV;
            _inputs.VoltageStatus = _voltage.Status;
            _inputs.AllowedCurrentA = _session.AllowedCurrentA;
            _inputs.RelayCommandedClosed = relayClosed;
            _inputs.RelayChangedAtMs = _relayChangedAtMs;
            _inputs.RelayFeedbackPresent = _relayFeedback != null;
            _inputs.RelayFeedbackClosed = _relayFeedback != null && _relayFeedback.Read();
            FaultCode equipment = _locks.ActiveFault;
            _inputs.EquipmentFault = equipment != FaultCode.None ? equipment : _selfTestFault;
        }

        private void FillSessionInputs(long nowMs, bool docked, bool plugged, bool relayClosed)
        {
            SessionInputs s = _sessionInputs;
            s.NowMs = nowMs;
            s.UtcValid = _utc.IsValid;
            s.UtcS = s.UtcValid ? _utc.UtcSeconds(nowMs) : 0;
            s.Docked = docked;
            s.Plugged = plugged;
            s.Moving = _locks.IsMoving;
            s.FaultLatched = _supervisor.IsLatched;
            s.LatchedFault = _supervisor.LatchedCode;
            s.RelayClosed = relayClosed;
            s.VoltageV = _inputs.VoltageV;
            s.VoltageUsable = SensorFaultRule.IsUsable(_inputs.VoltageStatus, _inputs.VoltageV);
            s.CurrentA = _inputs.CurrentA;
            s.CurrentUsable = SensorFaultRule.IsUsable(_inputs.CurrentStatus, _inputs.CurrentA);
            s.TemperatureC = _inputs.TemperatureC;
            s.TemperatureUsable = SensorFaultRule.IsUsable(_inputs.TemperatureStatus, _inputs.TemperatureC);
            s.ActiveFaultsMask = Bit(_supervisor.ActiveCode) | Bit(_supervisor.LatchedCode) | Bit(_inputs.EquipmentFault) |
                                 (_heartbeat.ControllerLost ? Bit(FaultCode.ControllerLost) : 0) |
                                 (_locks.NetworkLostWhileMoving ? Bit(FaultCode.NetworkLostWhileMoving) : 0);
            s.ControllerLostStop = _heartbeat.StopSessionNow;
        }

        private static int Bit(FaultCode code)
        {
            int bit = (int)code;
            return bit > 0 && bit < 32 ? 1 << bit : 0;
        }

        // Applies every queued command in order; at most the queue's capacity per tick, so a flood cannot stretch one tick.
        private void ApplyCommands(long nowMs, bool relayClosed)
        {
            for (int i = 0; i < _commands.Capacity && _commands.TryTake(_command); i++)
            {
                int detail = 0;
                CommandResultCode code = Apply(_command, nowMs, relayClosed, ref detail);
                // An unlock, lock or reset changes what the session must see in this very tick: its status follows at once,
                // and the next command in the tick (e.g. a start behind an accepted unlock) sees the new state.
                _sessionInputs.Moving = _locks.IsMoving;
                _sessionInputs.FaultLatched = _supervisor.IsLatched;
                _sessionInputs.LatchedFault = _supervisor.LatchedCode;
                _scratch.Clear();
                _scratch.Kind = EventKind.CommandResult;
                _scratch.TimeMs = nowMs;
                _scratch.Text = _command.Id;
                _scratch.Arg = (int)code;
                _scratch.Value = detail;
                if (code == CommandResultCode.SelfTestFailed)
                {
                    _scratch.Code = FaultCode.SelfTestFailed;
                }

                _events.TryWrite(_scratch);
            }
        }

        private CommandResultCode Apply(Command command, long nowMs, bool relayClosed, ref int detail)
        {
            switch (command.Type)
            {
                case CommandType.Start:
                    return Start(command, relayClosed, ref detail);
                case CommandType.Stop:
                    return _session.Stop(_sessionInputs);
                case CommandType.Reserve:
                    return Detailed(_session.Reserve(command.Account, command.DurationS, _sessionInputs), ref detail);
                case CommandType.CancelReservation:
                    // The command is signed by the back end, which decides who may cancel: it cancels whoever holds it.
                    return _session.CancelReservation(_session.ReservationAccount, _sessionInputs);
                case CommandType.Unlock:
                    return _locks.RequestUnlock(command.Account, nowMs, PowerMayBeOn(nowMs, relayClosed), _supervisor.IsLatched);
                case CommandType.Lock:
                    return _locks.RequestLock(nowMs);
                case CommandType.SetCurrentLimit:
                    return _session.SetCurrentLimit(command.LimitAScaled / 100.0, _sessionInputs);
                case CommandType.ResetFault:
                    return ResetFault(relayClosed);
                case CommandType.GetStatus:
                case CommandType.CheckSpace:
                    return CommandResultCode.Ok;
                default:
                    return CommandResultCode.NotSupported;
            }
        }

        // Whether the connector may still be live, which forbids releasing a lock: a session runs, or the relay is closed
        // (a stop earlier in this tick opens it only at the end of the tick), or it opened less than the settle time
        // ago (a weld is only judged after it), or the mirror contact or the current still say the contacts are closed.
        private bool PowerMayBeOn(long nowMs, bool relayClosed)
        {
            return _session.IsActive || relayClosed || nowMs - _relayChangedAtMs < _relaySettleMs ||
                   (_relayFeedback != null && _relayFeedback.Read()) || _supervisor.RelayWeldPresent;
        }

        private CommandResultCode Detailed(CommandResultCode code, ref int detail)
        {
            detail = _session.LastDetail;
            return code;
        }

        // The self-test runs before every session; a failure latches SelfTestFailed through the supervisor at the next tick.
        private CommandResultCode Start(Command command, bool relayClosed, ref int detail)
        {
            if (!_session.IsActive && !_supervisor.IsLatched && !_locks.IsMoving)
            {
                // The self-test needs the locks at rest; a start while they still travel (just relocked) waits for them.
                if (_locks.Wheel.IsTravelling || _locks.Cable.IsTravelling)
                {
                    return CommandResultCode.Moving;
                }

                if (!RunSelfTest(relayClosed))
                {
                    return CommandResultCode.SelfTestFailed;
                }
            }

            return Detailed(_session.Start(command, _sessionInputs), ref detail);
        }

        // A reset re-runs the self-test first, so a failure that has gone (e.g. a lock freed) no longer blocks the reset.
        private CommandResultCode ResetFault(bool relayClosed)
        {
            if (_supervisor.IsLatched && _selfTestFault != FaultCode.None && !_locks.Wheel.IsTravelling && !_locks.Cable.IsTravelling)
            {
                RunSelfTest(relayClosed);
            }

            _inputs.EquipmentFault = _locks.ActiveFault != FaultCode.None ? _locks.ActiveFault : _selfTestFault;
            switch (_supervisor.TryReset(_inputs))
            {
                case ResetResult.Accepted: return CommandResultCode.Ok;
                case ResetResult.NothingLatched: return CommandResultCode.NothingLatched;
                case ResetResult.TemperatureTooHigh: return CommandResultCode.TemperatureTooHigh;
                case ResetResult.SensorFaultPresent: return CommandResultCode.SensorFaultPresent;
                case ResetResult.StoreFailed: return CommandResultCode.StoreFailed;
                default: return CommandResultCode.ConditionPresent;
            }
        }

        private bool RunSelfTest(bool relayClosed)
        {
            SelfTestInputs t = _selfTestInputs;
            t.RelayCommandedClosed = relayClosed;
            t.RelayFeedbackPresent = _relayFeedback != null;
            t.RelayFeedbackClosed = _relayFeedback != null && _relayFeedback.Read();
            t.CopyLocks(_locks);
            t.TemperatureStatus = _temperature.Status;
            t.CurrentStatus = _current.Status;
            t.VoltageStatus = _voltage.Status;
            _selfTestFault = _selfTest.Run(t);
            _status.SelfTestFailure = _selfTest.FailedCheck;
            return _selfTestFault == FaultCode.None;
        }

        private void UpdateStatus(long nowMs, bool relayClosed, bool docked, bool plugged)
        {
            PodStatus s = _status;
            s.UptimeMs = nowMs;
            s.RelayClosed = relayClosed;
            s.RelayWelded = _supervisor.RelayWeldPresent;
            s.LatchedFault = _supervisor.IsLatched ? _supervisor.LatchedCode : FaultCode.None;
            s.TemperatureC = _inputs.TemperatureC;
            s.TemperatureStatus = _inputs.TemperatureStatus;
            s.CurrentA = _inputs.CurrentA;
            s.CurrentStatus = _inputs.CurrentStatus;
            s.VoltageV = _inputs.VoltageV;
            s.VoltageStatus = _inputs.VoltageStatus;
            s.AllowedCurrentA = _session.AllowedCurrentA;
            s.Connector = _session.Status;
            s.Docked = docked;
            s.Plugged = plugged;
            s.Vehicle = _vehicleSense == null ? VehiclePresence.Unknown : (_vehicleSense.Read() ? VehiclePresence.Present : VehiclePresence.Absent);
            s.WheelLock = _locks.Wheel.State;
            s.CableLock = _locks.Cable.State;
            s.Moving = _locks.IsMoving;
            s.MoveTimeLeftMs = _locks.MoveTimeLeftMs;
            PositionFix fix = _geofence.LastFix;
            s.HasPosition = _position != null && fix.Valid;
            s.LatitudeDeg = fix.LatitudeDeg;
            s.LongitudeDeg = fix.LongitudeDeg;
            s.ControllerLost = _heartbeat.ControllerLost;
            s.NetworkLostWhileMoving = _locks.NetworkLostWhileMoving;
            if (_selfTestFault == FaultCode.None && !_supervisor.IsLatched)
            {
                s.SelfTestFailure = SelfTestCheck.None;
            }

            bool active = _session.IsActive;
            SessionRecord record = _session.Current;
            s.SessionActive = active;
            s.SessionId = active ? record.SessionId : null;
            s.SessionAccount = active ? record.Account : null;
            s.SessionEnergyMilliWh = active ? record.EnergyMilliWh : 0;
            s.SessionElapsedMs = active ? _session.ElapsedMs : 0;
            s.SessionProgressPercent = active ? _session.ProgressPercent : -1;
            s.SessionRemainingS = active ? _session.RemainingS : -1;
            s.ReservationAccount = _session.HasReservation ? _session.ReservationAccount : null;
            s.ReservationLeftS = _session.HasReservation ? _session.ReservationLeftS : 0;
            s.CommitChanges();
        }
    }
}
