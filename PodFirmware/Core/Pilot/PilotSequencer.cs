using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// The pod's side of the IEC 61851-1 Annex A sequence, as pure rules over one tick's facts:
    /// <list type="bullet">
    /// <item><see cref="Offer"/>: -12 V (state F, duty 0) while unavailable; the duty of <see cref="DutyCycle"/> while a current
    /// of 6 A or more is offered; otherwise constant +12 V (duty 1000, a pause when a session wants power).</item>
    /// <item><see cref="Judge"/>: debounces the reading (<see cref="PilotDebouncer"/>); E, an invalid level or a missing diode
    /// while the PWM runs or the relay is closed is <see cref="FaultCode.EVCommunicationError"/> at the first reading.</item>
    /// <item><see cref="MayClose"/>: the EV asks (C, or D when ventilation is allowed), no pilot fault, and the pod offers
    /// current; or, after the offer stopped with the relay closed and the session still running, until the EV goes to B or
    /// <see cref="EvConfig.PauseOpenMs"/> has passed.</item>
    /// </list>
    /// </summary>
    /// <remarks>Allocates nothing. Not thread-safe: owned by the control tick.</remarks>
    public sealed class PilotSequencer
    {
        /// <summary>Duty written for constant +12 V (no PWM).</summary>
        public const int ConstantHigh = 1000;

        /// <summary>Duty written for constant -12 V (state F).</summary>
        public const int ConstantLow = 0;

        private readonly EvConfig _config;
        private readonly PilotDebouncer _debouncer;
        private int _dutyPermille = ConstantLow;
        private double _offeredA;
        private long _pauseSinceMs;
        private CpState _state = CpState.F;
        private CpState _lastReading = CpState.F;
        private FaultCode _fault;

        /// <summary>Creates the sequencer over a validated <c>ev</c> section.</summary>
        public PilotSequencer(EvConfig config)
        {
            _config = config;
            _debouncer = new PilotDebouncer(config.DebounceReadings);
        }

        /// <summary>The duty decided by the last <see cref="Offer"/>, per mille: 0 state F, 1000 constant +12 V, else the PWM.</summary>
        public int DutyPermille
        {
            get { return _dutyPermille; }
        }

        /// <summary>Whether the PWM runs (the pod offers current).</summary>
        public bool Offering
        {
            get { return _dutyPermille > ConstantLow && _dutyPermille < ConstantHigh; }
        }

        /// <summary>The current offered by the PWM, A; 0 when it does not run.</summary>
        public double OfferedA
        {
            get { return Offering ? _offeredA : 0.0; }
        }

        /// <summary>The confirmed CP state; F while the pod drives -12 V.</summary>
        public CpState State
        {
            get { return _state; }
        }

        /// <summary>The last raw reading (before debouncing); F when not read.</summary>
        public CpState LastReading
        {
            get { return _lastReading; }
        }

        /// <summary>The pilot fault of the last reading, or <see cref="FaultCode.None"/>.</summary>
        public FaultCode Fault
        {
            get { return _fault; }
        }

        /// <summary>Whether the confirmed state asks for power: C, or D when ventilation is allowed.</summary>
        public bool EvAsks
        {
            get { return _state == CpState.C || (_state == CpState.D && _config.VentilationAllowed); }
        }

        /// <summary>Whether the EV asks in D (ventilation) where <c>ev.ventilationAllowed</c> is false: the pod refuses it (SuspendedEVSE).</summary>
        public bool VentilationRefused
        {
            get { return _state == CpState.D && !_config.VentilationAllowed; }
        }

        /// <summary>Whether the EV is connected but does not ask while the pod offers current (SuspendedEV).</summary>
        public bool EvWaiting
        {
            get { return Offering && _state == CpState.B; }
        }

        /// <summary>Decides the CP output of this tick; returns the duty to write.</summary>
        /// <param name="unavailable">Fault latched, self-test failed, moving or undocked: state F.</param>
        /// <param name="offeredA">The current a session that wants power may draw, A; 0 when none wants power.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        public int Offer(bool unavailable, double offeredA, long nowMs)
        {
            bool wasOffering = Offering;
            if (unavailable)
            {
                _dutyPermille = ConstantLow;
            }
            else
            {
                int duty = DutyCycle.PermilleFor(offeredA);
                _dutyPermille = duty == DutyCycle.None ? ConstantHigh : duty;
            }

            _offeredA = Offering && Finite.IsFinite(offeredA) ? Finite.Min(offeredA, DutyCycle.MaxCurrentA) : 0.0;
            if (wasOffering && !Offering)
            {
                _pauseSinceMs = nowMs;
            }

            return _dutyPermille;
        }

        /// <summary>Takes this tick's reading, made after <see cref="Offer"/>'s duty was written.</summary>
        /// <param name="reading">The classified burst; <see cref="CpState.F"/> when the pod drives -12 V (not read).</param>
        /// <param name="relayClosed">Whether the relay was closed at the start of the tick.</param>
        public void Judge(CpState reading, bool relayClosed)
        {
            _lastReading = reading;
            if (reading == CpState.F)
            {
                _debouncer.Reset();
                _state = CpState.F;
                _fault = FaultCode.None;
                return;
            }

            _state = _debouncer.Update(reading);
            bool bad = reading == CpState.E || reading == CpState.Invalid || reading == CpState.NoDiode;
            _fault = bad && (Offering || relayClosed) ? FaultCode.EVCommunicationError : FaultCode.None;
        }

        /// <summary>Whether the pilot lets the relay be closed at the end of this tick (every other condition is the controller's).</summary>
        /// <param name="relayClosed">Whether the relay was closed at the start of the tick.</param>
        /// <param name="sessionActive">Whether a session runs after this tick's commands and update.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        public bool MayClose(bool relayClosed, bool sessionActive, long nowMs)
        {
            if (!EvAsks || _fault != FaultCode.None)
            {
                return false;
            }

            return Offering || (relayClosed && sessionActive && nowMs - _pauseSinceMs < _config.PauseOpenMs);
        }
    }
}
