using System;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// The safety trip engine. Once per tick the tick fills a <see cref="SafetyInputs"/> and calls <see cref="Evaluate"/>;
    /// it then drives the relay from the result in the same tick. The supervisor runs every rule, latches the first
    /// trip, withdraws <see cref="RelayPermitted"/> in that same call, persists the latch (blob
    /// <see cref="LatchBlobName"/>), emits an alarm, and afterwards watches for fire risk and all-clear. Only an
    /// authorised <see cref="TryReset"/> clears the latch.
    /// </summary>
    /// <remarks>
    /// <para>Construction reads the persisted latch: a valid record comes back latched with its code; a record that cannot
    /// be read intact comes back latched as <see cref="FaultCode.LatchRecordCorrupt"/> (fail safe). Either way the first
    /// <see cref="Evaluate"/> re-emits its alarm with <see cref="PodEvent.Restored"/> set, so an alarm lost to a power
    /// cut before the messaging pump stored it is sent after all.</para>
    /// <para>Rule priority when several trip in one call: relay welded, smoke or gas (<see cref="SafetyInputs.HazardDetected"/>), residual current (ground failure, while charging), temperature ceiling, current ceiling, sensor
    /// fault, long-term temperature, over-current, over/under-voltage, relay failed to close, then the equipment fault
    /// another monitor reports (<see cref="SafetyInputs.EquipmentFault"/>). A welded relay is the most dangerous
    /// (the connector stays live and the pod cannot remove the power), so it also replaces any other latched fault,
    /// persisting and alarming at once.</para>
    /// <para>Evaluate and TryReset allocate nothing (the store adapter's own allocation aside). Not thread-safe: every member
    /// belongs to the control tick; other threads learn the state from events or from snapshots the tick publishes.</para>
    /// </remarks>
    public sealed class SafetySupervisor
    {
        /// <summary>Name of the persisted latch blob in the <see cref="IBlobStore"/>.</summary>
        public const string LatchBlobName = "fault-latch";

        // fire_risk compares against the lowest reading of the window kept at 1/12 of its length.
        private const int FireRiskBuckets = 12;

        private readonly IBlobStore _store;
        private readonly EventRing _events;
        private readonly ThermalRule _thermal;
        private readonly OverCurrentRule _current;
        private readonly VoltageRule _voltage;
        private readonly SensorFaultRule _sensors = new SensorFaultRule();
        private readonly RelayFeedbackRule _relay;
        private readonly double _fireRiskRiseC;
        private readonly int _quietPeriodMs;
        private readonly RollingMinimum _recentTemperatures;
        private readonly SustainedTimer _quiet = new SustainedTimer();
        private readonly PodEvent _scratch = new PodEvent();

        // The latch itself: Code is None while nothing is latched. Persisted as it stands.
        private readonly FaultLatchRecord _latch = new FaultLatchRecord();

        // Larger than a record so that an over-long blob is read whole and rejected by its length.
        private readonly byte[] _recordBuffer = new byte[FaultLatchRecord.Length * 2];

        private bool _relayPermitted;
        private IDigitalOutput _tripOutput;
        private bool _weldPresent;
        private FaultCode _activeCode;
        private double _foundValue;
        private double _foundLimit;
        private ValueUnit _foundUnit;
        private int _foundArg;

        private int _latchedArg;
        private long _latchedAtMs;
        private bool _restoredAlarmPending;
        private bool _fireRiskRaised;
        private bool _allClearSent;
        private int _persistFailureCount;

        /// <summary>Builds the rules from <paramref name="config"/> and restores any persisted latch from <paramref name="store"/>.</summary>
        /// <param name="config">Validated safety configuration; validated again here.</param>
        /// <param name="store">Where the latch is persisted; the supervisor owns the name <see cref="LatchBlobName"/>.</param>
        /// <param name="events">Ring the supervisor writes alarm, fire_risk, all_clear and fault_cleared events into (it is their only producer on the tick).</param>
        /// <exception cref="ArgumentNullException">When an argument is null.</exception>
        /// <exception cref="ArgumentException">When <paramref name="config"/> does not validate; the message lists every bad key.</exception>
        public SafetySupervisor(SafetyConfig config, IBlobStore store, EventRing events)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (events == null)
            {
                throw new ArgumentNullException("events");
            }

            var errors = new ConfigErrors();
            config.Validate("safety", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException("invalid safety configuration:\n" + errors.ToString());
            }

            _store = store;
            _events = events;
            ThermalConfig thermal = config.ResolveThermal();
            _thermal = new ThermalRule(thermal.LimitC, thermal.CeilingC, thermal.ToleranceMs, thermal.HysteresisC);
            CurrentConfig current = config.Current;
            _current = new OverCurrentRule(current.TolerancePercent, current.ToleranceMs, current.CeilingPercent, current.AbsoluteMaxA, current.ReductionGraceMs);
            VoltageConfig voltage = config.Voltage;
            _voltage = new VoltageRule(voltage.OverLimitV, voltage.OverToleranceMs, voltage.UnderLimitV, voltage.UnderToleranceMs);
            _relay = new RelayFeedbackRule(config.Relay.SettleMs, config.Relay.WeldCurrentA);
            _fireRiskRiseC = config.Escalation.FireRiskRiseC;
            _quietPeriodMs = config.Escalation.QuietPeriodMs;
            _recentTemperatures = new RollingMinimum(config.Escalation.FireRiskWindowMs, FireRiskBuckets);
            RestoreLatch();
        }

        /// <summary>
        /// <c>true</c> when the relay may be closed: nothing is latched and <see cref="Evaluate"/> has run at least once
        /// since the latest trip or accepted reset (a reset clears the latch, but only the next Evaluate, with fresh
        /// readings, permits the relay again). Becomes <c>false</c> in the very call that decides a trip.
        /// </summary>
        public bool RelayPermitted
        {
            get { return _relayPermitted; }
        }

        /// <summary>
        /// The relay coil the supervisor opens itself the moment it latches a trip, before it persists the latch; null (the
        /// default) leaves opening the relay to the caller. Set once by the tick's owner; tick thread only.
        /// </summary>
        public IDigitalOutput TripOutput
        {
            get { return _tripOutput; }
            set { _tripOutput = value; }
        }

        /// <summary><c>true</c> while a trip is latched (including one restored at construction).</summary>
        public bool IsLatched
        {
            get { return _latch.Code != FaultCode.None; }
        }

        /// <summary>The latched fault; <see cref="FaultCode.None"/> when nothing is latched.</summary>
        public FaultCode LatchedCode
        {
            get { return _latch.Code; }
        }

        /// <summary>Measured value that decided the latched trip, in <see cref="LatchedUnit"/>.</summary>
        public double LatchedValue
        {
            get { return _latch.Value; }
        }

        /// <summary>Limit the latched trip's value was judged against, in <see cref="LatchedUnit"/>.</summary>
        public double LatchedLimit
        {
            get { return _latch.Limit; }
        }

        /// <summary>Unit of <see cref="LatchedValue"/> and <see cref="LatchedLimit"/>.</summary>
        public ValueUnit LatchedUnit
        {
            get { return _latch.Unit; }
        }

        /// <summary>Monotonic time of the trip in milliseconds; -1 for a latch restored at construction or when nothing is latched.</summary>
        public long LatchedAtMs
        {
            get { return _latchedAtMs; }
        }

        /// <summary>Connector temperature at the trip in degrees Celsius (fire_risk's baseline); NaN when unknown or nothing is latched.</summary>
        public double TripTemperatureC
        {
            get { return _latch.TripTemperatureC; }
        }

        /// <summary>The fault the rules found in the last <see cref="Evaluate"/> (present now, latched or not); <see cref="FaultCode.None"/> when none.</summary>
        public FaultCode ActiveCode
        {
            get { return _activeCode; }
        }

        /// <summary>
        /// <c>true</c> when the last <see cref="Evaluate"/> found the relay welded (commanded open past its settle time,
        /// yet the mirror reads closed or current flows). Status reports it; <see cref="TryReset"/> refuses while it holds.
        /// </summary>
        public bool RelayWeldPresent
        {
            get { return _weldPresent; }
        }

        /// <summary>Thermal reset level in degrees Celsius (limit minus hysteresis): the connector must be strictly below it for a reset or all_clear.</summary>
        public double ResetLevelC
        {
            get { return _thermal.ResetLevelC; }
        }

        /// <summary><c>true</c> once fire_risk has been emitted for the current latch.</summary>
        public bool FireRiskRaised
        {
            get { return _fireRiskRaised; }
        }

        /// <summary><c>true</c> once all_clear has been emitted for the current latch.</summary>
        public bool AllClearSent
        {
            get { return _allClearSent; }
        }

        /// <summary>Times writing the latch record threw since construction; the trip itself stands regardless (it is held in RAM).</summary>
        public int PersistFailureCount
        {
            get { return _persistFailureCount; }
        }

        /// <summary>
        /// Runs every rule on this tick's <paramref name="inputs"/>, latches and persists a new trip, emits its events and
        /// returns <see cref="RelayPermitted"/>. Call once per tick, before the relay output is written. Allocates nothing.
        /// </summary>
        public bool Evaluate(SafetyInputs inputs)
        {
            long nowMs = inputs.NowMs;
            bool charging = inputs.RelayCommandedClosed;
            bool temperatureUsable = SensorFaultRule.IsUsable(inputs.TemperatureStatus, inputs.TemperatureC);

            FaultCode sensor = _sensors.Evaluate(inputs);
            FaultCode thermal = FaultCode.None;
            if (temperatureUsable)
            {
                thermal = _thermal.Evaluate(inputs.TemperatureC, nowMs);
            }
            else
            {
                _thermal.Reset();
            }

            FaultCode current = FaultCode.None;
            if (charging && SensorFaultRule.IsUsable(inputs.CurrentStatus, inputs.CurrentA))
            {
                current = _current.Evaluate(inputs.CurrentA, inputs.AllowedCurrentA, nowMs);
            }
            else
            {
                _current.Reset();
            }

            FaultCode voltage = FaultCode.None;
            if (SensorFaultRule.IsUsable(inputs.VoltageStatus, inputs.VoltageV))
            {
                voltage = _voltage.Evaluate(inputs.VoltageV, charging, nowMs);
            }
            else
            {
                _voltage.Reset();
            }

            FaultCode relay = _relay.Evaluate(inputs);
            _weldPresent = relay == FaultCode.RelayWelded;
            FaultCode ground = charging && inputs.ResidualCurrentFault ? FaultCode.GroundFailure : FaultCode.None;

            _activeCode = Choose(inputs, relay, ground, sensor, thermal, current, voltage);

            if (_restoredAlarmPending)
            {
                _restoredAlarmPending = false;
                EmitAlarm(nowMs, inputs.SpaceNumber, true);
            }

            if (_weldPresent && IsLatched && _latch.Code != FaultCode.RelayWelded)
            {
                // The weld outranks whatever tripped before: re-latch so the alarm and the record say so.
                ForgetEscalation();
                Latch(inputs, temperatureUsable);
            }
            else if (_activeCode != FaultCode.None && !IsLatched)
            {
                Latch(inputs, temperatureUsable);
            }

            if (IsLatched)
            {
                Escalate(inputs, temperatureUsable);
            }

            _relayPermitted = !IsLatched;
            return _relayPermitted;
        }

        /// <summary>
        /// Clears the latch on an authorised reset (the command path authenticates; this only checks that it is safe).
        /// Refuses, changing nothing, unless something is latched, every safety sensor (temperature, current and voltage,
        /// charging or not) gives a usable reading, the connector is strictly below <see cref="ResetLevelC"/>, current and
        /// voltage are within their limits right now, the relay is not welded (<see cref="RelayWeldPresent"/>), no equipment fault is reported (<see cref="SafetyInputs.EquipmentFault"/>) and the residual-current monitor's fault output is clear (<see cref="SafetyInputs.ResidualCurrentFault"/>). On success
        /// deletes the persisted latch, forgets the rules' timers, emits fault_cleared and permits the relay. Allocates nothing.
        /// </summary>
        /// <param name="inputs">This tick's readings; <see cref="SafetyInputs.NowMs"/> is the time of the reset.</param>
        public ResetResult TryReset(SafetyInputs inputs)
        {
            if (!IsLatched)
            {
                return ResetResult.NothingLatched;
            }

            // Every safety sensor, charging or not: a pod that cannot measure cannot be judged safe, and with a broken current
            // or voltage sensor the reset would delete the latch and send fault_cleared only to latch again once it charges.
            bool charging = inputs.RelayCommandedClosed;
            if (!SensorFaultRule.IsUsable(inputs.TemperatureStatus, inputs.TemperatureC) ||
                !SensorFaultRule.IsUsable(inputs.CurrentStatus, inputs.CurrentA) ||
                !SensorFaultRule.IsUsable(inputs.VoltageStatus, inputs.VoltageV))
            {
                return ResetResult.SensorFaultPresent;
            }

            if (!_thermal.IsBelowResetLevel(inputs.TemperatureC))
            {
                return ResetResult.TemperatureTooHigh;
            }

            if ((charging && _current.IsOverLimit(inputs.CurrentA, inputs.AllowedCurrentA)) ||
                _voltage.IsOutOfRange(inputs.VoltageV, charging) ||
                _weldPresent || inputs.EquipmentFault != FaultCode.None || inputs.ResidualCurrentFault || inputs.HazardDetected)
            {
                return ResetResult.ConditionPresent;
            }

            try
            {
                _store.Delete(LatchBlobName);
            }
            catch (Exception)
            {
                return ResetResult.StoreFailed;
            }

            FaultCode cleared = _latch.Code;
            ClearLatch();
            _thermal.Reset();
            _current.Reset();
            _voltage.Reset();
            Emit(EventKind.FaultCleared, inputs.NowMs, cleared, inputs.TemperatureC, _thermal.ResetLevelC, ValueUnit.Celsius, inputs.SpaceNumber, 0, false);
            // Permission comes back only from the next Evaluate, on fresh readings: a start queued behind the reset in the
            // same tick cannot close the relay on the state the reset saw.
            _relayPermitted = false;
            return ResetResult.Accepted;
        }

        // Picks the code to act on and records its value, limit and unit in the _found fields.
        private FaultCode Choose(SafetyInputs inputs, FaultCode relay, FaultCode ground, FaultCode sensor, FaultCode thermal, FaultCode current, FaultCode voltage)
        {
            if (relay == FaultCode.RelayWelded)
            {
                return _relay.LastByCurrent
                    ? Found(relay, inputs.CurrentA, _relay.WeldCurrentA, ValueUnit.Ampere, 0)
                    : Found(relay, 0, 0, ValueUnit.None, 0);
            }

            if (inputs.HazardDetected)
            {
                return Found(FaultCode.SmokeOrGasDetected, 0, 0, ValueUnit.None, 0);
            }

            if (ground != FaultCode.None)
            {
                return Found(ground, 0, 0, ValueUnit.None, 0);
            }

            if (thermal == FaultCode.ConnectorTemperatureCeiling)
            {
                return Found(thermal, inputs.TemperatureC, _thermal.LastLimitC, ValueUnit.Celsius, 0);
            }

            if (current == FaultCode.OverCurrentCeiling)
            {
                return Found(current, inputs.CurrentA, _current.LastLimitA, ValueUnit.Ampere, 0);
            }

            if (sensor != FaultCode.None)
            {
                return Found(sensor, 0, 0, ValueUnit.None, (int)_sensors.LastStatus);
            }

            if (thermal != FaultCode.None)
            {
                return Found(thermal, inputs.TemperatureC, _thermal.LastLimitC, ValueUnit.Celsius, 0);
            }

            if (current != FaultCode.None)
            {
                return Found(current, inputs.CurrentA, _current.LastLimitA, ValueUnit.Ampere, 0);
            }

            if (voltage != FaultCode.None)
            {
                return Found(voltage, inputs.VoltageV, _voltage.LastLimitV, ValueUnit.Volt, 0);
            }

            if (relay != FaultCode.None)
            {
                return Found(relay, 0, 0, ValueUnit.None, 0);
            }

            if (inputs.EquipmentFault != FaultCode.None)
            {
                return Found(inputs.EquipmentFault, 0, 0, ValueUnit.None, 0);
            }

            return Found(FaultCode.None, 0, 0, ValueUnit.None, 0);
        }

        private FaultCode Found(FaultCode code, double value, double limit, ValueUnit unit, int arg)
        {
            _foundValue = value;
            _foundLimit = limit;
            _foundUnit = unit;
            _foundArg = arg;
            return code;
        }

        private void Latch(SafetyInputs inputs, bool temperatureUsable)
        {
            _relayPermitted = false;
            if (_tripOutput != null)
            {
                // Open first: persisting the latch is a flash write that can take tens of milliseconds on the device.
                _tripOutput.Write(false);
            }

            _latch.Code = _activeCode;
            _latch.Value = _foundValue;
            _latch.Limit = _foundLimit;
            _latch.Unit = _foundUnit;
            _latch.TripTemperatureC = temperatureUsable ? inputs.TemperatureC : double.NaN;
            _latchedArg = _foundArg;
            _latchedAtMs = inputs.NowMs;
            try
            {
                _store.Write(LatchBlobName, _recordBuffer, _latch.Encode(_recordBuffer));
            }
            catch (Exception)
            {
                _persistFailureCount++;
            }

            EmitAlarm(inputs.NowMs, inputs.SpaceNumber, false);
        }

        private void RestoreLatch()
        {
            int length;
            try
            {
                length = _store.Read(LatchBlobName, _recordBuffer);
            }
            catch (Exception)
            {
                length = -2;
            }

            if (length == -1)
            {
                ClearLatch();
                return;
            }

            _restoredAlarmPending = true;
            _latchedAtMs = -1;
            _latchedArg = 0;
            if (!_latch.TryDecode(_recordBuffer, length))
            {
                _latch.Clear();
                _latch.Code = FaultCode.LatchRecordCorrupt;
            }
        }

        private void ClearLatch()
        {
            _latch.Clear();
            _restoredAlarmPending = false;
            _latchedArg = 0;
            _latchedAtMs = -1;
            ForgetEscalation();
        }

        private void ForgetEscalation()
        {
            _fireRiskRaised = false;
            _allClearSent = false;
            _recentTemperatures.Clear();
            _quiet.Stop();
        }

        // After a trip: fire_risk once when the smoke / gas detector reports or the connector heats on with the relay open;
        // all_clear once when it has stayed below the reset level with no fault present for longer than the quiet period.
        private void Escalate(SafetyInputs inputs, bool temperatureUsable)
        {
            // Smoke or gas is the fire the temperature rise only infers: fire_risk at once, naming the detector.
            if (inputs.HazardDetected && !_fireRiskRaised)
            {
                _fireRiskRaised = true;
                Emit(EventKind.FireRisk, inputs.NowMs, FaultCode.SmokeOrGasDetected, 0, 0, ValueUnit.None, inputs.SpaceNumber, 0, false);
            }

            if (!temperatureUsable)
            {
                _quiet.Stop();
                return;
            }

            long nowMs = inputs.NowMs;
            double temperatureC = inputs.TemperatureC;
            if (double.IsNaN(_latch.TripTemperatureC))
            {
                _latch.TripTemperatureC = temperatureC;
            }

            // temperatureC is finite here (usable), so the window's minimum is a finite reading and riskLevelC finite.
            _recentTemperatures.Add(nowMs, temperatureC);
            if (!_fireRiskRaised && Finite.Above(temperatureC, _thermal.LimitC) && Finite.Above(temperatureC, _latch.TripTemperatureC))
            {
                double riskLevelC = _recentTemperatures.Minimum(nowMs) + _fireRiskRiseC;
                if (Finite.AtLeast(temperatureC, riskLevelC))
                {
                    _fireRiskRaised = true;
                    Emit(EventKind.FireRisk, nowMs, _latch.Code, temperatureC, riskLevelC, ValueUnit.Celsius, inputs.SpaceNumber, 0, false);
                }
            }

            if (_activeCode == FaultCode.None && _thermal.IsBelowResetLevel(temperatureC))
            {
                _quiet.Start(nowMs);
            }
            else
            {
                _quiet.Stop();
            }

            if (!_allClearSent && _quiet.HasLastedMoreThan(nowMs, _quietPeriodMs))
            {
                _allClearSent = true;
                Emit(EventKind.AllClear, nowMs, _latch.Code, temperatureC, _thermal.ResetLevelC, ValueUnit.Celsius, inputs.SpaceNumber, 0, false);
            }
        }

        private void EmitAlarm(long nowMs, int spaceNumber, bool restored)
        {
            Emit(EventKind.Alarm, nowMs, _latch.Code, _latch.Value, _latch.Limit, _latch.Unit, spaceNumber, _latchedArg, restored);
        }

        private void Emit(EventKind kind, long nowMs, FaultCode code, double value, double limit, ValueUnit unit, int spaceNumber, int arg, bool restored)
        {
            _scratch.Kind = kind;
            _scratch.TimeMs = nowMs;
            _scratch.Code = code;
            _scratch.Value = value;
            _scratch.Limit = limit;
            _scratch.Unit = unit;
            _scratch.SpaceNumber = spaceNumber;
            _scratch.Arg = arg;
            _scratch.Restored = restored;
            _events.TryWrite(_scratch);
        }
    }
}
