using System;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Session
{
    /// <summary>
    /// The charging session of one connector as a state machine with OCPP connector statuses:
    /// start and stop rules, reservation, the controller's current limit, metering in integers and
    /// the session record. Rules, status diagram and metering method: docs/session.md.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Tick thread only: every method and property must be called from the control tick, which
    /// hands in a filled <see cref="SessionInputs"/>. Commands (<see cref="Start"/>, <see cref="Stop(SessionInputs)"/>,
    /// <see cref="Reserve"/>, <see cref="CancelReservation"/>, <see cref="SetCurrentLimit(double)"/>) take
    /// effect at once; <see cref="Update"/> advances metering, limits, stops and statuses.
    /// </para>
    /// <para>
    /// Allocation-free after construction: records, the event and the power buckets are allocated
    /// here; strings are only referenced (the session id and account of the start command).
    /// </para>
    /// </remarks>
    public sealed class ChargingSession
    {
        /// <summary>Buckets of the recent-average-power ring; each spans <see cref="SessionConfig.PowerWindowMs"/> / this.</summary>
        public const int PowerBuckets = 10;

        /// <summary>mW·ms in one mWh (3600 s × 1000 ms).</summary>
        public const long MilliWattMsPerMilliWh = 3600000;

        /// <summary>mWh in one kWh.</summary>
        public const long MilliWhPerKwh = 1000000;

        /// <summary>Longest reservation accepted by <see cref="Reserve"/>, in s (one day); longer requests are cut to it.</summary>
        public const int MaxReservationS = 86400;

        private readonly SessionConfig _config;
        private readonly double _ratedCurrentA;
        private readonly EventRing _events;
        private readonly long _bucketSpanMs;

        private readonly SessionRecord _current = new SessionRecord();
        private readonly PodEvent _event = new PodEvent();
        private readonly long[] _bucketMwMs = new long[PowerBuckets];
        private readonly long[] _bucketMs = new long[PowerBuckets];
        private int _bucket;

        // Last inputs seen (by Update or a command), so SetCurrentLimit can refresh the status at once.
        private long _nowMs;
        private bool _docked;
        private bool _plugged;
        private bool _moving;
        private bool _faultLatched;
        private int _spaceNumber;

        private ConnectorStatus _status = ConnectorStatus.Unavailable;
        private bool _active;
        private bool _everStarted;
        private bool _finishing;
        private long _lastMeterMs;
        private long _accMwMs;
        private long _idleSinceMs = -1;
        private bool _evIdle;
        private bool _pilotPaused;
        private bool _evWaiting;

        private double _controllerLimitA;
        private double _sessionLimitA;
        private long _maxEnergyMilliWh = -1;
        private bool _offerPaused;
        private long _maxDurationMs = -1;
        private long _maxAmountScaled = -1;

        private string _reservationAccount;
        private string _reservedFor;
        private long _reservationUntilMs;

        private int _lastDetail;

        /// <summary>Creates the session machine; status starts <see cref="ConnectorStatus.Unavailable"/> until the first <see cref="Update"/>.</summary>
        /// <param name="config">Validated session settings.</param>
        /// <param name="ratedCurrentA">The pod's rated current in A, greater than 0; the highest allowed current.</param>
        /// <param name="events">Ring that receives Status, SessionStarted and Session events.</param>
        /// <exception cref="ArgumentException">When the config is invalid, the rated current is not positive or an argument is null (construction happens at boot).</exception>
        public ChargingSession(SessionConfig config, double ratedCurrentA, EventRing events)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            if (events == null)
            {
                throw new ArgumentNullException("events");
            }

            if (!Finite.IsFinite(ratedCurrentA) || !Finite.Above(ratedCurrentA, 0))
            {
                throw new ArgumentOutOfRangeException("ratedCurrentA", "must be a positive number of A");
            }

            var errors = new ConfigErrors();
            config.Validate("session", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException(errors.ToString(), "config");
            }

            _config = config;
            _ratedCurrentA = ratedCurrentA;
            _events = events;
            _bucketSpanMs = config.PowerWindowMs / PowerBuckets;
            _controllerLimitA = ratedCurrentA;
            _sessionLimitA = ratedCurrentA;
        }

        /// <summary>The connector status as of the last call.</summary>
        public ConnectorStatus Status
        {
            get { return _status; }
        }

        /// <summary><c>true</c> while a session runs (from an accepted <see cref="Start"/> until it stops), suspended or not.</summary>
        public bool IsActive
        {
            get { return _active; }
        }

        /// <summary>
        /// <c>true</c> when the relay may close: a session runs, the allowed current is above 0 A, and the last inputs
        /// were docked, not moving, plugged and without a latched fault. The safety supervisor still has the last word.
        /// </summary>
        public bool WantsPower
        {
            get { return _active && Finite.Above(AllowedCurrentA, 0) && _docked && !_moving && _plugged && !_faultLatched; }
        }

        /// <summary>The current the EV may draw now, in A: the least of the rated current, the controller's limit and the start's own limit (rated when none).</summary>
        public double AllowedCurrentA
        {
            get
            {
                // All three are finite: the rated current is checked at construction, the controller's limit by
                // ApplyCurrentLimit, the session's own limit comes from a whole number of centi-amperes.
                double allowed = Finite.Below(_ratedCurrentA, _controllerLimitA) ? _ratedCurrentA : _controllerLimitA;
                return _active && Finite.Below(_sessionLimitA, allowed) ? _sessionLimitA : allowed;
            }
        }

        /// <summary>The controller's current limit in A (rated until <see cref="SetCurrentLimit(double)"/> sets one).</summary>
        public double ControllerLimitA
        {
            get { return _controllerLimitA; }
        }

        /// <summary>The pod's rated current in A.</summary>
        public double RatedCurrentA
        {
            get { return _ratedCurrentA; }
        }

        /// <summary>
        /// The running session's record, updated every <see cref="Update"/> (energy, amount, peak temperature, faults seen);
        /// after a stop it keeps the final record until the next start. Do not modify.
        /// </summary>
        public SessionRecord Current
        {
            get { return _current; }
        }

        /// <summary>Time since the start in ms (suspended time included); the final duration after a stop; 0 before any session.</summary>
        public long ElapsedMs
        {
            get
            {
                if (!_everStarted)
                {
                    return 0;
                }

                return (_active ? _nowMs : _current.StopMs) - _current.StartMs;
            }
        }

        /// <summary>
        /// Energy target of the running session in mWh: the lesser of maxEnergyKwh and the energy whose amount reaches maxAmount
        /// at the session's tariff (rounded up); -1 when there is none or no session runs.
        /// </summary>
        public long TargetMilliWh
        {
            get
            {
                if (!_active)
                {
                    return -1;
                }

                long target = _maxEnergyMilliWh;
                if (_maxAmountScaled >= 0 && _current.TariffPerKwhScaled > 0)
                {
                    long tariff = _current.TariffPerKwhScaled;
                    long forAmount = ((_maxAmountScaled * MilliWhPerKwh) + tariff - 1) / tariff;
                    if (target < 0 || forAmount < target)
                    {
                        target = forAmount;
                    }
                }

                return target;
            }
        }

        /// <summary>
        /// Progress of the running session, 0 to 100 %: delivered / <see cref="TargetMilliWh"/> when there is an energy target,
        /// otherwise elapsed / maxDurationS; -1 when there is neither or no session runs.
        /// </summary>
        public int ProgressPercent
        {
            get
            {
                long target = TargetMilliWh;
                long done;
                if (target > 0)
                {
                    done = _current.EnergyMilliWh * 100 / target;
                }
                else if (target == 0)
                {
                    done = 100;
                }
                else if (_active && _maxDurationMs > 0)
                {
                    done = ElapsedMs * 100 / _maxDurationMs;
                }
                else
                {
                    return -1;
                }

                return done > 100 ? 100 : (done < 0 ? 0 : (int)done);
            }
        }

        /// <summary>
        /// Estimated seconds until the running session reaches a limit (rounded up): for an energy target from the recent
        /// average power (<see cref="AveragePowerMilliW"/>), for a duration limit from the clock; the sooner of the two.
        /// -1 when no session runs, there is no limit, or the only limit is an energy target and the recent power is 0.
        /// </summary>
        public long RemainingS
        {
            get
            {
                if (!_active)
                {
                    return -1;
                }

                long remainingMs = -1;
                long target = TargetMilliWh;
                long power = AveragePowerMilliW;
                if (target >= 0 && power > 0)
                {
                    long leftMilliWh = target - _current.EnergyMilliWh;
                    remainingMs = leftMilliWh <= 0 ? 0 : ((leftMilliWh * MilliWattMsPerMilliWh) + power - 1) / power;
                }

                if (_maxDurationMs > 0)
                {
                    long byClock = _maxDurationMs - ElapsedMs;
                    if (byClock < 0)
                    {
                        byClock = 0;
                    }

                    if (remainingMs < 0 || byClock < remainingMs)
                    {
                        remainingMs = byClock;
                    }
                }

                return remainingMs < 0 ? -1 : (remainingMs + 999) / 1000;
            }
        }

        /// <summary>Average power of the running session over about the last <see cref="SessionConfig.PowerWindowMs"/>, in mW; 0 before any metered time.</summary>
        public long AveragePowerMilliW
        {
            get
            {
                long energy = 0;
                long time = 0;
                for (int i = 0; i < PowerBuckets; i++)
                {
                    energy += _bucketMwMs[i];
                    time += _bucketMs[i];
                }

                return time > 0 ? energy / time : 0;
            }
        }

        /// <summary>The running session's prepaid amount (its start's <c>maxAmount</c>), currency scaled by 10^4; -1 when none.</summary>
        public long MaxAmountScaled
        {
            get { return _maxAmountScaled; }
        }

        /// <summary><c>true</c> while a reservation is live (it expires by itself at the end of its window).</summary>
        public bool HasReservation
        {
            get { return _reservationAccount != null; }
        }

        /// <summary>The account holding the live reservation; null when none.</summary>
        public string ReservationAccount
        {
            get { return _reservationAccount; }
        }

        /// <summary>Seconds left of the live reservation as of the last call, rounded up; 0 when none.</summary>
        public long ReservationLeftS
        {
            get { return _reservationAccount == null ? 0 : SecondsLeft(_reservationUntilMs - _nowMs); }
        }

        /// <summary>Detail of the last command's result: the seconds left of another account's reservation for <see cref="CommandResultCode.ReservedForOther"/>; 0 otherwise.</summary>
        public int LastDetail
        {
            get { return _lastDetail; }
        }

        /// <summary>
        /// Starts a session for <paramref name="cmd"/>.Account with id <paramref name="cmd"/>.Id, its own current limit
        /// (LimitAScaled when HasLimit), tariff and max* limits. Checks, first failure wins: Moving, NotDocked,
        /// FaultLatched, SessionActive, NotPlugged, ReservedForOther (LastDetail = seconds left). The holder's start
        /// consumes the reservation. Emits SessionStarted and a Status event. Allocation-free.
        /// </summary>
        /// <param name="cmd">A verified start command; only read.</param>
        /// <param name="now">This tick's inputs.</param>
        /// <returns>Ok or the rejection.</returns>
        public CommandResultCode Start(Command cmd, SessionInputs now)
        {
            Observe(now);
            ExpireReservation();
            CommandResultCode refusal = StartRefusal(cmd.Account);
            if (refusal != CommandResultCode.Ok)
            {
                return refusal;
            }

            _reservedFor = _reservationAccount;
            _reservationAccount = null;
            _active = true;
            _everStarted = true;
            _finishing = false;
            _current.Clear();
            _current.SessionId = cmd.Id;
            _current.Account = cmd.Account;
            _current.Card = cmd.Card;
            _current.StartMs = now.NowMs;
            _current.StartUtcS = now.UtcValid ? now.UtcS : 0;
            _current.TariffPerKwhScaled = cmd.HasTariff ? cmd.TariffPerKwhScaled : 0;
            _current.FaultsSeenMask = now.ActiveFaultsMask;
            TrackTemperature(now);

            _sessionLimitA = cmd.HasLimit ? (double)cmd.LimitAScaled / 100.0 : _ratedCurrentA;
            _maxEnergyMilliWh = cmd.HasMaxEnergy ? cmd.MaxEnergyWh * 1000 : -1;
            _maxDurationMs = cmd.HasMaxDuration ? (long)cmd.MaxDurationS * 1000 : -1;
            _maxAmountScaled = cmd.HasMaxAmount ? cmd.MaxAmountScaled : -1;

            _accMwMs = 0;
            _lastMeterMs = now.NowMs;
            _idleSinceMs = -1;
            _evIdle = false;
            for (int i = 0; i < PowerBuckets; i++)
            {
                _bucketMwMs[i] = 0;
                _bucketMs[i] = 0;
            }

            _bucket = 0;

            _event.Clear();
            _event.Kind = EventKind.SessionStarted;
            _event.TimeMs = now.NowMs;
            _event.SpaceNumber = now.SpaceNumber;
            _event.Text = cmd.Id;
            _event.Record.CopyFrom(_current);
            _events.TryWrite(_event);

            RefreshStatus();
            return CommandResultCode.Ok;
        }

        /// <summary>
        /// Stops the running session for <paramref name="account"/>: a session started on a reservation stops only for the
        /// reservation holder's account (ReservedForOther otherwise, also for a stop naming no account), as only the holder
        /// could start it; any other session stops as <see cref="Stop(SessionInputs)"/>. Allocation-free.
        /// </summary>
        /// <param name="account">The account the stop names; null when it names none.</param>
        /// <param name="now">This tick's inputs.</param>
        public CommandResultCode Stop(string account, SessionInputs now)
        {
            if (_active && _reservedFor != null && account != _reservedFor)
            {
                _lastDetail = 0;
                return CommandResultCode.ReservedForOther;
            }

            return Stop(now);
        }

        /// <summary>Stops the running session with <see cref="StopReason.StopCommand"/> and emits its record; NoSession when none runs. Allocation-free.</summary>
        /// <param name="now">This tick's inputs.</param>
        public CommandResultCode Stop(SessionInputs now)
        {
            Observe(now);
            ExpireReservation();
            if (!_active)
            {
                _lastDetail = 0;
                RefreshStatus();
                return CommandResultCode.NoSession;
            }

            // Bill the power delivered since the last metered tick: the relay stayed closed until now.
            Meter(now);
            EndSession(now, StopReason.StopCommand, FaultCode.None);
            RefreshStatus();
            return CommandResultCode.Ok;
        }

        /// <summary>
        /// Reserves the pod for <paramref name="account"/> for <paramref name="durationS"/> seconds (0 or less: the
        /// configured default; more than a day is cut to a day). Checks, first failure wins: NotDocked (not docked or
        /// moving), FaultLatched, SessionActive, ReservedForOther (another account's live reservation; LastDetail =
        /// seconds left). The same holder reserving again replaces its reservation. Allocation-free.
        /// </summary>
        /// <param name="account">The account to hold the pod; not null.</param>
        /// <param name="durationS">Window length in s; 0 for <see cref="SessionConfig.ReservationDefaultS"/>.</param>
        /// <param name="now">This tick's inputs.</param>
        public CommandResultCode Reserve(string account, int durationS, SessionInputs now)
        {
            if (account == null)
            {
                throw new ArgumentNullException("account");
            }

            Observe(now);
            ExpireReservation();
            _lastDetail = 0;
            CommandResultCode refusal = CommandResultCode.Ok;
            if (!_docked || _moving)
            {
                refusal = CommandResultCode.NotDocked;
            }
            else if (_faultLatched)
            {
                refusal = CommandResultCode.FaultLatched;
            }
            else if (_active)
            {
                refusal = CommandResultCode.SessionActive;
            }
            else if (_reservationAccount != null && _reservationAccount != account)
            {
                _lastDetail = (int)ReservationLeftS;
                refusal = CommandResultCode.ReservedForOther;
            }

            if (refusal == CommandResultCode.Ok)
            {
                int seconds = durationS <= 0 ? _config.ReservationDefaultS : (durationS > MaxReservationS ? MaxReservationS : durationS);
                _reservationAccount = account;
                _reservationUntilMs = now.NowMs + ((long)seconds * 1000);
            }

            RefreshStatus();
            return refusal;
        }

        /// <summary>
        /// Cancels <paramref name="account"/>'s live reservation. NoReservation when none is live; ReservedForOther
        /// (LastDetail = seconds left) when another account holds it. Allocation-free.
        /// </summary>
        /// <param name="account">The account asking.</param>
        /// <param name="now">This tick's inputs.</param>
        public CommandResultCode CancelReservation(string account, SessionInputs now)
        {
            Observe(now);
            ExpireReservation();
            _lastDetail = 0;
            CommandResultCode result = CommandResultCode.Ok;
            if (_reservationAccount == null)
            {
                result = CommandResultCode.NoReservation;
            }
            else if (_reservationAccount != account)
            {
                _lastDetail = (int)ReservationLeftS;
                result = CommandResultCode.ReservedForOther;
            }
            else
            {
                _reservationAccount = null;
            }

            RefreshStatus();
            return result;
        }

        /// <summary>
        /// Sets the controller's current limit (load management), applied at once to <see cref="AllowedCurrentA"/> and
        /// <see cref="WantsPower"/>: 0 A suspends a running session as SuspendedEVSE (the relay must open, the session stays).
        /// LimitOutOfRange unless 0 &lt;= <paramref name="limitA"/> &lt;= rated. Allocation-free.
        /// </summary>
        /// <param name="limitA">Allowed current in A.</param>
        public CommandResultCode SetCurrentLimit(double limitA)
        {
            return ApplyCurrentLimit(limitA);
        }

        /// <summary>
        /// <see cref="SetCurrentLimit(double)"/> applied in a tick: observes <paramref name="now"/> first, so the Status event
        /// it may emit carries this tick's time (not the previous <see cref="Update"/>'s). The control tick uses this one.
        /// Allocation-free.
        /// </summary>
        /// <param name="limitA">Allowed current in A.</param>
        /// <param name="now">This tick's inputs.</param>
        public CommandResultCode SetCurrentLimit(double limitA, SessionInputs now)
        {
            Observe(now);
            return ApplyCurrentLimit(limitA);
        }

        private CommandResultCode ApplyCurrentLimit(double limitA)
        {
            _lastDetail = 0;
            // NaN and infinities are refused first, whatever the runtime's comparison would say.
            if (!Finite.IsFinite(limitA) || !Finite.AtLeast(limitA, 0) || !Finite.AtMost(limitA, _ratedCurrentA))
            {
                return CommandResultCode.LimitOutOfRange;
            }

            _controllerLimitA = limitA;
            RefreshStatus();
            return CommandResultCode.Ok;
        }

        /// <summary>
        /// Advances one tick: stops on a latched fault (Trip), undock or moving (Undocked), unplug (Unplugged) or the
        /// controller-lost policy (ControllerLost), in that order; meters energy and amount; tracks peak temperature and
        /// faults seen; stops at the energy, amount or duration limit; ends Finishing on unplug; expires the reservation;
        /// updates the status and emits a Status event when it changes. Allocation-free.
        /// </summary>
        /// <param name="now">This tick's inputs.</param>
        public void Update(SessionInputs now)
        {
            Observe(now);
            ExpireReservation();
            if (_active)
            {
                Meter(now);
                _current.FaultsSeenMask |= now.ActiveFaultsMask;
                if (now.FaultLatched && now.LatchedFault != FaultCode.None)
                {
                    _current.FaultsSeenMask |= 1 << (int)now.LatchedFault;
                }

                TrackTemperature(now);
                TrackEvIdle(now);

                if (now.FaultLatched)
                {
                    EndSession(now, StopReason.Trip, now.LatchedFault);
                }
                else if (!now.Docked || now.Moving)
                {
                    EndSession(now, StopReason.Undocked, FaultCode.None);
                }
                else if (!now.Plugged)
                {
                    EndSession(now, StopReason.Unplugged, FaultCode.None);
                }
                else if (now.ControllerLostStop)
                {
                    EndSession(now, StopReason.ControllerLost, FaultCode.None);
                }
                else if (_maxEnergyMilliWh >= 0 && _current.EnergyMilliWh >= _maxEnergyMilliWh)
                {
                    EndSession(now, StopReason.EnergyLimit, FaultCode.None);
                }
                else if (_maxAmountScaled >= 0 && _current.AmountScaled >= _maxAmountScaled)
                {
                    EndSession(now, StopReason.AmountLimit, FaultCode.None);
                }
                else if (_maxDurationMs >= 0 && now.NowMs - _current.StartMs >= _maxDurationMs)
                {
                    EndSession(now, StopReason.DurationLimit, FaultCode.None);
                }
            }

            if (_finishing && !now.Plugged)
            {
                _finishing = false;
            }

            RefreshStatus();
        }

        /// <summary>
        /// What the control pilot shows after this tick's reading, for the connector status: <paramref name="paused"/> when a
        /// running session wants power but the pod offers none (the allowed current is below the least duty's 6 A) or refuses
        /// an EV asking with ventilation, shown as SuspendedEVSE; <paramref name="evWaiting"/> when the pod offers current and the EV stays in B, shown as
        /// SuspendedEV. Emits a Status event when the status changes. Allocation-free.
        /// </summary>
        /// <param name="paused">The pod stopped its PWM although the session wants power.</param>
        /// <param name="evWaiting">The EV does not ask for the current offered.</param>
        public void ObservePilot(bool paused, bool evWaiting)
        {
            if (paused == _pilotPaused && evWaiting == _evWaiting)
            {
                return;
            }

            _pilotPaused = paused;
            _evWaiting = evWaiting;
            RefreshStatus();
        }

        private CommandResultCode StartRefusal(string account)
        {
            _lastDetail = 0;
            if (_moving)
            {
                return CommandResultCode.Moving;
            }

            if (!_docked)
            {
                return CommandResultCode.NotDocked;
            }

            if (_faultLatched)
            {
                return CommandResultCode.FaultLatched;
            }

            if (_active)
            {
                return CommandResultCode.SessionActive;
            }

            if (!_plugged)
            {
                return CommandResultCode.NotPlugged;
            }

            if (_reservationAccount != null && _reservationAccount != account)
            {
                _lastDetail = (int)ReservationLeftS;
                return CommandResultCode.ReservedForOther;
            }

            return CommandResultCode.Ok;
        }

        private void Observe(SessionInputs now)
        {
            if (now.NowMs > _nowMs)
            {
                _nowMs = now.NowMs;
            }

            _docked = now.Docked;
            _plugged = now.Plugged;
            _moving = now.Moving;
            _faultLatched = now.FaultLatched;
            _spaceNumber = now.SpaceNumber;
            _offerPaused = now.OfferPaused;
        }

        private void ExpireReservation()
        {
            if (_reservationAccount != null && _nowMs >= _reservationUntilMs)
            {
                _reservationAccount = null;
            }
        }

        /// <summary>
        /// Integrates real power since the last metered tick: mW = round(P × 1000), P = mean(v·i) of the tick's burst (0 when
        /// negative), times the ms elapsed. Nothing is metered unless the relay is closed and voltage, current and power are usable.
        /// </summary>
        private void Meter(SessionInputs now)
        {
            long dtMs = now.NowMs - _lastMeterMs;
            if (dtMs <= 0)
            {
                return;
            }

            _lastMeterMs = now.NowMs;
            long milliWatts = 0;
            if (now.RelayClosed && now.VoltageUsable && now.CurrentUsable && Finite.IsFinite(now.PowerW))
            {
                milliWatts = RoundNonNegative(now.PowerW * 1000.0);
            }

            long mwMs = milliWatts * dtMs;
            _accMwMs += mwMs;
            _current.EnergyMilliWh = _accMwMs / MilliWattMsPerMilliWh;
            _current.AmountScaled = _current.EnergyMilliWh * _current.TariffPerKwhScaled / MilliWhPerKwh;

            _bucketMwMs[_bucket] += mwMs;
            _bucketMs[_bucket] += dtMs;
            if (_bucketMs[_bucket] >= _bucketSpanMs)
            {
                _bucket = _bucket == PowerBuckets - 1 ? 0 : _bucket + 1;
                _bucketMwMs[_bucket] = 0;
                _bucketMs[_bucket] = 0;
            }
        }

        private void TrackTemperature(SessionInputs now)
        {
            if (now.TemperatureUsable && Finite.IsFinite(now.TemperatureC) && (double.IsNaN(_current.PeakTemperatureC) || Finite.Above(now.TemperatureC, _current.PeakTemperatureC)))
            {
                _current.PeakTemperatureC = now.TemperatureC;
            }
        }

        private void TrackEvIdle(SessionInputs now)
        {
            bool idleNow = now.RelayClosed && now.CurrentUsable && Finite.IsFinite(now.CurrentA) && Finite.Above(AllowedCurrentA, 0) && Finite.Below(now.CurrentA, _config.EvIdleCurrentA);
            if (!idleNow)
            {
                _idleSinceMs = -1;
                _evIdle = false;
                return;
            }

            if (_idleSinceMs < 0)
            {
                _idleSinceMs = now.NowMs;
            }

            _evIdle = now.NowMs - _idleSinceMs >= _config.EvIdleDelayMs;
        }

        private void EndSession(SessionInputs now, StopReason reason, FaultCode fault)
        {
            _active = false;
            _finishing = now.Plugged;
            _evIdle = false;
            _idleSinceMs = -1;
            _sessionLimitA = _ratedCurrentA;
            _current.StopMs = now.NowMs;
            _current.StopUtcS = now.UtcValid ? now.UtcS : 0;
            _current.StopReason = reason;
            _current.StopFault = fault;

            _event.Clear();
            _event.Kind = EventKind.Session;
            _event.TimeMs = now.NowMs;
            _event.SpaceNumber = now.SpaceNumber;
            _event.Arg = (int)reason;
            _event.Code = fault;
            _event.Text = _current.SessionId;
            _event.Record.CopyFrom(_current);
            _events.TryWrite(_event);
        }

        private void RefreshStatus()
        {
            ConnectorStatus status;
            if (_faultLatched)
            {
                status = ConnectorStatus.Faulted;
            }
            else if (!_docked || _moving)
            {
                status = ConnectorStatus.Unavailable;
            }
            else if (_active)
            {
                status = Finite.AtMost(AllowedCurrentA, 0) || _pilotPaused || _offerPaused ? ConnectorStatus.SuspendedEVSE :
                    (_evIdle || _evWaiting ? ConnectorStatus.SuspendedEV : ConnectorStatus.Charging);
            }
            else if (_finishing)
            {
                status = ConnectorStatus.Finishing;
            }
            else if (_reservationAccount != null)
            {
                status = ConnectorStatus.Reserved;
            }
            else if (_plugged)
            {
                status = ConnectorStatus.Preparing;
            }
            else
            {
                status = ConnectorStatus.Available;
            }

            if (status == _status)
            {
                return;
            }

            _status = status;
            _event.Clear();
            _event.Kind = EventKind.Status;
            _event.TimeMs = _nowMs;
            _event.SpaceNumber = _spaceNumber;
            _event.Arg = (int)status;
            _events.TryWrite(_event);
        }

        private static long SecondsLeft(long ms)
        {
            return ms <= 0 ? 0 : (ms + 999) / 1000;
        }

        /// <summary>Rounds half away from zero, negatives (sensor noise around 0) to 0, NaN and infinities to 0 (no energy is metered from a non-finite reading); the same on device and host, unlike Math.Round's midpoint rule.</summary>
        private static long RoundNonNegative(double value)
        {
            return Finite.IsFinite(value) && Finite.Above(value, 0) ? (long)(value + 0.5) : 0;
        }
    }
}
