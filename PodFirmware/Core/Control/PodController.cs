using System.Threading;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Position;
using PodFirmware.Core.Safety;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Core.Site;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Pilot;
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
    /// docked, both locks are engaged (not moving), the offered current (derated, capped by the cable) is above 0 and no
    /// RCD fault output is active. With a control pilot fitted (<see cref="PodPorts.PilotOutput"/>) it also needs the EV
    /// to ask for power on the CP (C, or D when <c>ev.ventilationAllowed</c>) while the pod offers current, with no pilot
    /// fault (docs/ev-interface.md); a pause of the offer then opens the relay when the EV goes to B, or after
    /// <c>ev.pauseOpenMs</c>.
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
        private readonly IDigitalInput _rcdFault;
        private readonly IDigitalOutput _rcdTestInput;
        private readonly RcdSelfTest _rcdTest;
        private readonly HazardDetector _hazard;
        private readonly Command _pendingStart = new Command();
        private readonly TemperatureSensor _temperature;
        private readonly MainsMeter _mains;
        private readonly SafetySupervisor _supervisor;
        private readonly ThermalDerating _derating;
        private readonly LockController _locks;
        private readonly ChargingSession _session;
        private readonly Geofence _geofence;
        private readonly SelfTest.SelfTest _selfTest = new SelfTest.SelfTest();
        private readonly HeartbeatMonitor _heartbeat;
        private readonly SiteShare _site;
        private double _siteShareA;
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
        private readonly EvConfig _ev;
        private readonly IPwmOutput _pilotOutput;
        private readonly CpBurstReader _cp;
        private readonly IAnalogChannel _pp;
        private readonly int _pilotChannelMax;
        private readonly PilotSequencer _pilot;
        private int _cableRatingA;
        private CpState _reportedPilotState = CpState.F;
        private int _reportedDutyPermille = -1;
        private bool _rcdFaultActive;
        private bool _rcdFailed;
        private bool _startPending;
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
            _ev = config.Ev;
            _pilotOutput = ports.PilotOutput;
            if (_pilotOutput != null)
            {
                // No current is offered before the first tick has judged the pod: state F.
                _pilotOutput.WriteDutyPermille(PilotSequencer.ConstantLow);
                _cp = new CpBurstReader(ports.PilotChannel, _ev.CpBurstSamples, _ev.CpSamplePeriodUs);
                _pp = ports.ProximityChannel;
                _pilotChannelMax = ports.PilotChannel.MaxRawCounts;
                _pilot = new PilotSequencer(_ev);
            }

            long nowMs = clock.MonotonicMs;
            _relayChangedAtMs = nowMs;
            _relayFeedback = ports.RelayFeedback;
            _dockSense = ports.DockSense;
            _plugSense = ports.PlugSense;
            _vehicleSense = ports.VehicleSense;
            _position = ports.Position;
            if ((ports.RcdFault == null) != (ports.RcdTest == null))
            {
                throw new System.ArgumentException("an RCD needs both its fault output and its test input", "ports");
            }

            _rcdFault = ports.RcdFault;
            _rcdTestInput = ports.RcdTest;
            _rcdTest = new RcdSelfTest(config.Safety.Rcd.TestTimeoutMs);
            if (_rcdTestInput != null)
            {
                _rcdTestInput.Write(false);
            }

            _events = events;
            _hazard = new HazardDetector(config.Sensors.Hazard, ports.HazardAlarm, ports.HazardTest, ports.HazardChannel, nowMs);
            _temperature = new TemperatureSensor(ports.TemperatureChannel, config.Sensors.Temperature);
            _mains = new MainsMeter(ports.Mains, config.Sensors.Voltage, config.Sensors.Current);
            _supervisor = new SafetySupervisor(config.Safety, ports.Store, events);
            _supervisor.TripOutput = _relay;
            _relaySettleMs = config.Safety.Relay.SettleMs;
            ThermalConfig thermal = config.Safety.ResolveThermal();
            DerateConfig derate = thermal.Derate;
            _derating = new ThermalDerating(derate.Enabled, thermal.LimitC, derate.HalfBelowLimitC, derate.QuarterBelowLimitC, derate.HysteresisC, derate.HoldMs, derate.MinimumA);
            _locks = new LockController(config.Locks, ports.WheelLock, ports.WheelLockSense, ports.CableLock, ports.CableLockSense, events, nowMs);
            _session = new ChargingSession(config.Session, config.RatedCurrentA, events);
            _geofence = new Geofence(config.Position.Geofence);
            _heartbeat = new HeartbeatMonitor(config.Heartbeat, nowMs, events, _utc);
            if (config.Site != null && config.Site.Enabled)
            {
                _site = new SiteShare(config.Site, config.PodId, config.Heartbeat.LostAfterMs);
            }
            _commands = new CommandQueue(config.Commands.QueueCapacity);
            _inputs.SpaceNumber = config.ParkingSpace;
            _sessionInputs.SpaceNumber = config.ParkingSpace;
            _inputs.AllowedCurrentA = config.RatedCurrentA;
            _networkUp = 1;
            _benchMode = config.BenchMode;
            CardReader = ports.CardReader;
        }

        /// <summary>The card reader of <see cref="PodPorts.CardReader"/> (null when none), handed on to the messaging side, which polls it.</summary>
        public ICardReader CardReader { get; private set; }

        /// <summary>The safety supervisor, for tests and the console.</summary>
        public SafetySupervisor Supervisor
        {
            get { return _supervisor; }
        }

        /// <summary>The thermal derating rule, for tests and the console.</summary>
        public ThermalDerating Derating
        {
            get { return _derating; }
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

        /// <summary>Site power sharing, or null when <c>site.enabled</c> is false; the messaging thread feeds it under <c>lock</c> on it, the tick reads the share.</summary>
        public SiteShare Site
        {
            get { return _site; }
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
            _cableRatingA = CableRatingA(plugged);
            _rcdFaultActive = _rcdFault != null && _rcdFault.Read();

            _events.SpaceNumber = docked ? _inputs.SpaceNumber : 0;
            // The ESP32 ADC's own noise moves a healthy NTC reading by a few counts every time, so a reading frozen for
            // sensors.temperature.stuckAfterMs means a dead input; a current or voltage whose raw samples never move is
            // only suspicious while power flows.
            _temperature.Sample(nowMs, true);
            _mains.Sample(nowMs, relayClosed);
            _hazard.Update(nowMs);
            _heartbeat.Update(nowMs);
            UpdateDerating(nowMs);
            UpdateSite(nowMs);

            FencePosition fence = FencePosition.Unknown;
            if (_position != null)
            {
                fence = _geofence.Update(_position, nowMs);
            }

            _lockInputs.NowMs = nowMs;
            _lockInputs.Docked = docked;
            _lockInputs.Fence = fence;
            _lockInputs.NetworkUp = _networkUp != 0;
            _lockInputs.Fix = _position != null ? _geofence.LastFix : null;
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
            double offeredA = OfferedCurrentA();
            // Paused by derating alone: the session allows current, the cap offers none.
            _sessionInputs.OfferPaused = Finite.Above(_session.AllowedCurrentA, 0) && !Finite.Above(offeredA, 0);
            _session.Update(_sessionInputs);

            // An active RCD fault output latches GroundFailure only while charging; it must also keep an open relay open.
            bool permitted = _supervisor.RelayPermitted && docked && !_locks.IsMoving && _locks.LocksEngaged && !_inputs.ResidualCurrentFault &&
                             _configError == null;
            bool close = _pilot == null ? _session.WantsPower && Finite.Above(offeredA, 0) && permitted : RunPilot(nowMs, relayClosed, docked) && permitted;
            close = close || BenchRelayWanted();
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

            UpdateStatus(nowMs, close, docked, plugged, offeredA);
        }

        private RcdState RcdStateNow()
        {
            if (_rcdFault == null)
            {
                return RcdState.None;
            }

            if (_rcdTest.IsRunning)
            {
                return RcdState.Testing;
            }

            if (_rcdFaultActive)
            {
                return RcdState.Fault;
            }

            return _rcdFailed ? RcdState.TestFailed : RcdState.Ok;
        }

        // Derating judges only a usable temperature; an unusable one keeps the step (the supervisor trips on the sensor fault).
        private void UpdateDerating(long nowMs)
        {
            double temperatureC = _temperature.TemperatureC;
            if (!SensorFaultRule.IsUsable(_temperature.Status, temperatureC))
            {
                return;
            }

            DerateStep before = _derating.Step;
            DerateStep after = _derating.Evaluate(temperatureC, nowMs);
            if (after != before)
            {
                _scratch.Clear();
                _scratch.Kind = EventKind.Derate;
                _scratch.TimeMs = nowMs;
                _scratch.Arg = (int)after;
                _scratch.Value = temperatureC;
                _scratch.Limit = after > before ? (after == DerateStep.Quarter ? _derating.QuarterAtC : _derating.HalfAtC)
                    : (before == DerateStep.Quarter ? _derating.QuarterAtC : _derating.HalfAtC) - _derating.HysteresisC;
                _scratch.Unit = ValueUnit.Celsius;
                _events.TryWrite(_scratch);
            }
        }

        private void FillSafetyInputs(long nowMs, bool relayClosed)
        {
            _inputs.NowMs = nowMs;
            _inputs.TemperatureC = _temperature.TemperatureC;
            _inputs.TemperatureStatus = _temperature.Status;
            _inputs.CurrentA = _mains.CurrentA;
            _inputs.CurrentStatus = _mains.CurrentStatus;
            _inputs.VoltageV = _mains.VoltageV;
            _inputs.VoltageStatus = _mains.VoltageStatus;
            _inputs.AllowedCurrentA = OfferedCurrentA();
            _inputs.RelayCommandedClosed = relayClosed;
            _inputs.RelayChangedAtMs = _relayChangedAtMs;
            _inputs.RelayFeedbackPresent = _relayFeedback != null;
            _inputs.RelayFeedbackClosed = _relayFeedback != null && _relayFeedback.Read();
            _inputs.EquipmentFault = EquipmentFault();
            // During its own test the monitor's fault output answers the test pulse; it is no leak then.
            _inputs.ResidualCurrentFault = _rcdFaultActive && !_rcdTest.IsRunning;
            _inputs.HazardDetected = _hazard.State == HazardState.Detected;
        }

        // A lock fault, else a smoke / gas detector fault, else a failed self-test, else the pilot fault of the last CP reading.
        private FaultCode EquipmentFault()
        {
            if (_locks.ActiveFault != FaultCode.None)
            {
                return _locks.ActiveFault;
            }

            if (_hazard.State == HazardState.Fault)
            {
                return FaultCode.HazardDetectorFault;
            }

            if (_selfTestFault != FaultCode.None || _pilot == null)
            {
                return _selfTestFault;
            }

            return _pilot.Fault;
        }

        // The current the pod may offer the EV now, A: the session's allowed current, derated for a warm connector and capped
        // by the cable's rating. The over-current rule, the duty cycle and the status all see this one figure.
        private double OfferedCurrentA()
        {
            double ownA = OwnLimitA();
            return _site == null || Finite.AtMost(ownA, _siteShareA) ? ownA : _siteShareA;
        }

        // The offer before the site's share: the session's allowed current, derated, capped by the cable's rating, A.
        private double OwnLimitA()
        {
            double allowedA = _derating.CapA(_session.AllowedCurrentA);
            return _pilot == null || Finite.AtMost(allowedA, _cableRatingA) ? allowedA : _cableRatingA;
        }

        // The site's share for this tick (0 or at least 6 A; 0 pauses the session through the pilot).
        private void UpdateSite(long nowMs)
        {
            if (_site == null)
            {
                return;
            }

            SitePodState state = !_session.IsActive ? SitePodState.Idle : Finite.Above(_siteShareA, 0) ? SitePodState.Active : SitePodState.Paused;
            int ownDa = Deciamps(OwnLimitA());
            int drawDa = Deciamps(_mains.CurrentA);
            Monitor.Enter(_site);
            try
            {
                _site.Update(nowMs, state, ownDa, _session.IsActive ? Deciamps(OfferedCurrentA()) : 0, drawDa);
                _siteShareA = _site.ShareDa / 10.0;
            }
            finally
            {
                Monitor.Exit(_site);
            }

            _status.SiteShareA = _siteShareA;
        }

        private bool SiteStartAllowed()
        {
            Monitor.Enter(_site);
            try
            {
                return _site.StartAllowed;
            }
            finally
            {
                Monitor.Exit(_site);
            }
        }

        private static int Deciamps(double a)
        {
            return Finite.Above(a, 0) && Finite.Below(a, 1000) ? (int)(a * 10 + 0.5) : 0;
        }

        // The cable's rating in A: ev.cable when tethered, else the PP resistor's code while a plug is in (0: unknown).
        private int CableRatingA(bool plugged)
        {
            if (_pilot == null)
            {
                return 0;
            }

            if (_ev.Tethered)
            {
                return _ev.Cable;
            }

            _ppCounts = plugged ? _pp.ReadRawCounts() : -1;
            return plugged ? PpDecoder.RatingA(PpDivider.Ohms(_ppCounts, _pp.MaxRawCounts)) : 0;
        }

        // Drives the CP for this tick, reads the EV's answer and tells whether the pilot lets the relay be closed.
        // The burst is read after the duty is written, so the relay decision sees the EV's answer to this tick's offer.
        private bool RunPilot(long nowMs, bool relayClosed, bool docked)
        {
            if (BenchPilotHeld())
            {
                return false;
            }

            bool unavailable = _supervisor.IsLatched || !docked || _locks.IsMoving || _selfTestFault != FaultCode.None || _configError != null;
            bool wants = _session.WantsPower;
            int duty = _pilot.Offer(unavailable, wants ? OfferedCurrentA() : 0.0, nowMs);
            if (duty != _pilotOutput.DutyPermille)
            {
                _pilotOutput.WriteDutyPermille(duty);
            }

            CpState reading = duty == PilotSequencer.ConstantLow ? CpState.F : ReadCp(duty);
            _cpReading = reading;

            _pilot.Judge(reading, relayClosed);
            bool active = _session.IsActive;
            _session.ObservePilot(active && wants && (!_pilot.Offering || _pilot.VentilationRefused), active && _pilot.EvWaiting);
            if (_pilot.State != _reportedPilotState || duty != _reportedDutyPermille)
            {
                _reportedPilotState = _pilot.State;
                _reportedDutyPermille = duty;
                _scratch.Clear();
                _scratch.Kind = EventKind.Pilot;
                _scratch.TimeMs = nowMs;
                _scratch.Arg = (int)_pilot.State;
                _scratch.Value = duty;
                _scratch.Limit = _pilot.OfferedA;
                _events.TryWrite(_scratch);
            }

            return _pilot.MayClose(relayClosed, active, nowMs);
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
            s.PowerW = _mains.RealPowerW;
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
        // A start waiting for the RCD test is finished first; until it is, later commands stay queued, in order.
        private void ApplyCommands(long nowMs, bool relayClosed)
        {
            if (_startPending)
            {
                int pendingDetail = 0;
                CommandResultCode pendingCode = ContinueStart(nowMs, ref pendingDetail);
                if (_startPending)
                {
                    return;
                }

                Answer(_pendingStart, pendingCode, pendingDetail, nowMs);
            }

            for (int i = 0; i < _commands.Capacity && !_startPending && _commands.TryTake(_command); i++)
            {
                int detail = 0;
                CommandResultCode code = Apply(_command, nowMs, relayClosed, ref detail);
                if (_startPending)
                {
                    // Answered once the RCD test ends (ContinueStart, a later tick).
                    return;
                }

                Answer(_command, code, detail, nowMs);
            }
        }

        // Writes the command_result event of command and lets the session see what the command changed.
        private void Answer(Command command, CommandResultCode code, int detail, long nowMs)
        {
            // An unlock, lock or reset changes what the session must see in this very tick: its status follows at once,
            // and the next command in the tick (e.g. a start behind an accepted unlock) sees the new state.
            _sessionInputs.Moving = _locks.IsMoving;
            _sessionInputs.FaultLatched = _supervisor.IsLatched;
            _sessionInputs.LatchedFault = _supervisor.LatchedCode;
            _scratch.Clear();
            _scratch.Kind = EventKind.CommandResult;
            _scratch.TimeMs = nowMs;
            _scratch.Text = command.Id;
            _scratch.Arg = (int)code;
            _scratch.Value = detail;
            if (code == CommandResultCode.SelfTestFailed)
            {
                _scratch.Code = FaultCode.SelfTestFailed;
            }

            _events.TryWrite(_scratch);
        }

        private CommandResultCode Apply(Command command, long nowMs, bool relayClosed, ref int detail)
        {
            switch (command.Type)
            {
                case CommandType.Start:
                    return Start(command, nowMs, relayClosed, ref detail);
                case CommandType.Stop:
                    return _session.Stop(command.Account, _sessionInputs);
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
                case CommandType.RefuseCard:
                    _scratch.Clear();
                    _scratch.Kind = EventKind.CardRefused;
                    _scratch.TimeMs = nowMs;
                    _scratch.Text = command.Reason;
                    _events.TryWrite(_scratch);
                    return CommandResultCode.CardRefused;
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
        // With an RCD fitted its test follows: a monitor that answers at once passes in this tick; otherwise the start waits
        // (_startPending) and ContinueStart answers it once the test ends.
        private CommandResultCode Start(Command command, long nowMs, bool relayClosed, ref int detail)
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

                // A detachable cable must say what it carries before any current is offered through it.
                if (_pilot != null && !_ev.Tethered && _sessionInputs.Plugged && _sessionInputs.Docked && _cableRatingA == 0)
                {
                    return CommandResultCode.CableNotRecognised;
                }

                if (_site != null && !SiteStartAllowed())
                {
                    return CommandResultCode.SiteFull;
                }

                if (_rcdFault != null)
                {
                    _pendingStart.CopyFrom(command);
                    _rcdTest.Begin(nowMs);
                    _startPending = true;
                    return ContinueStart(nowMs, ref detail);
                }
            }

            return Detailed(_session.Start(command, _sessionInputs), ref detail);
        }

        // Advances the RCD test of the pending start (up to its three edges in one call, so a monitor that answers at once
        // passes in the tick of the start) and, once it ends, starts the session or refuses with SelfTestFailed (check rcd).
        private CommandResultCode ContinueStart(long nowMs, ref int detail)
        {
            for (int edge = 0; edge < 3 && _rcdTest.IsRunning; edge++)
            {
                _rcdTestInput.Write(_rcdTest.TestInputOn);
                _rcdTest.Update(nowMs, _rcdFault.Read());
            }

            _rcdTestInput.Write(_rcdTest.TestInputOn);
            if (_rcdTest.IsRunning)
            {
                return CommandResultCode.Ok;
            }

            _startPending = false;
            if (_rcdTest.State != RcdTestState.Passed)
            {
                _rcdFailed = true;
                _selfTestFault = FaultCode.SelfTestFailed;
                _status.SelfTestFailure = SelfTestCheck.Rcd;
                return CommandResultCode.SelfTestFailed;
            }

            return Detailed(_session.Start(_pendingStart, _sessionInputs), ref detail);
        }

        // A reset re-runs the self-test first, so a failure that has gone (e.g. a lock freed) no longer blocks the reset.
        private CommandResultCode ResetFault(bool relayClosed)
        {
            if (_supervisor.IsLatched && _selfTestFault != FaultCode.None && !_locks.Wheel.IsTravelling && !_locks.Cable.IsTravelling)
            {
                // The RCD is tested again before the next session, so its failed test no longer blocks the reset.
                _rcdFailed = false;
                RunSelfTest(relayClosed);
            }

            // A detector that failed its self-test is tested again; one that answers at once may be reset in this very tick.
            _hazard.Retest(_inputs.NowMs);
            _inputs.EquipmentFault = EquipmentFault();
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
            t.CurrentStatus = _mains.CurrentStatus;
            t.VoltageStatus = _mains.VoltageStatus;
            _selfTestFault = _selfTest.Run(t);
            _status.SelfTestFailure = _selfTest.FailedCheck;
            if (_selfTestFault == FaultCode.None && _rcdFailed)
            {
                _selfTestFault = FaultCode.SelfTestFailed;
                _status.SelfTestFailure = SelfTestCheck.Rcd;
            }

            return _selfTestFault == FaultCode.None;
        }

        private void UpdateStatus(long nowMs, bool relayClosed, bool docked, bool plugged, double offeredA)
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
            s.PilotState = _pilot == null ? CpState.F : _benchDuty >= 0 ? _cpReading : _pilot.State;
            s.DutyPermille = _pilot == null ? 0 : _benchDuty >= 0 ? _benchDuty : _pilot.DutyPermille;
            s.OfferedCurrentA = _pilot == null ? 0.0 : _pilot.OfferedA;
            s.CableRatingA = _cableRatingA;
            s.PowerW = _mains.RealPowerW;
            s.PowerFactor = _mains.PowerFactor;
            s.AllowedCurrentA = offeredA;
            s.Derate = _derating.Step;
            s.Rcd = RcdStateNow();
            s.Hazard = _hazard.State;
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
            s.SessionCard = active ? record.Card : null;
            s.SessionEnergyMilliWh = active ? record.EnergyMilliWh : 0;
            s.SessionElapsedMs = active ? _session.ElapsedMs : 0;
            s.SessionProgressPercent = active ? _session.ProgressPercent : -1;
            s.SessionRemainingS = active ? _session.RemainingS : -1;
            s.SessionAmountScaled = active ? record.AmountScaled : 0;
            s.SessionPrepaidScaled = active ? _session.MaxAmountScaled : -1;
            s.UtcS = _sessionInputs.UtcS;
            s.ReservationAccount = _session.HasReservation ? _session.ReservationAccount : null;
            s.ReservationLeftS = _session.HasReservation ? _session.ReservationLeftS : 0;
            s.CommitChanges();
        }
    }
}
