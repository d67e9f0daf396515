using System;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Pilot;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// An EV on the pod's CP and PP lines, with the standard's components: 2.74 kΩ (S2 open, state B), 1.3 kΩ added by S2
    /// (state C) or 270 Ω (state D, ventilation), behind a diode (0.7 V), loaded on the pod's ±12 V generator through
    /// 1 kΩ. <see cref="CpChannel"/> gives the counts the pod's CP divider (<see cref="CpDivider"/>) would give at each
    /// sample of a burst, following the duty written on the <see cref="SimulatedPwmOutput"/>; <see cref="PpChannel"/>
    /// gives the counts of the cable's PP resistor (<see cref="PpDivider"/>).
    /// </summary>
    /// <remarks>
    /// Behaviour: connected and asking, the EV closes S2 as soon as it sees the PWM and opens it <see cref="ReactionMs"/>
    /// after the PWM stops; its charger follows the current the duty offers (IEC 61851-1, read by the EV) after
    /// <see cref="ReactionMs"/>, up to <see cref="MaxA"/> (<see cref="DrawA"/>); with <see cref="IgnoresLimit"/> it draws
    /// <see cref="MaxA"/> whatever the duty says. Its battery takes <see cref="BatteryToFillWh"/> (unlimited by default);
    /// once <see cref="Charge"/> has put that much in, the EV stops asking (C → B). Misbehaviours: no diode, CP shorted to PE, PP open. Not thread-safe;
    /// reads allocate nothing.
    /// </remarks>
    public sealed class SimulatedEv
    {
        /// <summary>The EV's permanent resistor, Ω (state B).</summary>
        public const double RbOhms = 2740.0;

        /// <summary>The resistor S2 adds for state C, Ω.</summary>
        public const double RcOhms = 1300.0;

        /// <summary>The resistor S2 adds for state D, Ω.</summary>
        public const double RdOhms = 270.0;

        /// <summary>The generator's series resistor, Ω.</summary>
        public const double SourceOhms = 1000.0;

        /// <summary>The EV diode's forward drop, V.</summary>
        public const double DiodeDropV = 0.7;

        private readonly IClock _clock;
        private readonly SimulatedPwmOutput _pwm;
        private bool _sawPwm;
        private long _pwmStoppedAtMs = long.MinValue / 2;
        private double _pendingA;
        private long _pendingSinceMs;
        private double _followA;
        private int _phaseUs;

        /// <summary>Creates a disconnected EV that asks for power when connected, follows at once, draws up to 32 A, on a 220 Ω (32 A) cable.</summary>
        public SimulatedEv(IClock clock, SimulatedPwmOutput pwm)
        {
            if (clock == null || pwm == null)
            {
                throw new ArgumentNullException(clock == null ? "clock" : "pwm");
            }

            _clock = clock;
            _pwm = pwm;
            AsksForPower = true;
            MaxA = 32.0;
            PpOhms = 220.0;
            CpChannel = new CpLine(this);
            PpChannel = new PpLine(this);
        }

        /// <summary>Plugged into the pod (the CP and PP lines connect).</summary>
        public bool Connected { get; set; }

        /// <summary>Asks for power: closes S2 once the pilot offers current.</summary>
        public bool AsksForPower { get; set; }

        /// <summary>Asks in state D (ventilation) rather than C.</summary>
        public bool Ventilation { get; set; }

        /// <summary>The most the charger draws, A.</summary>
        public double MaxA { get; set; }

        /// <summary>How long the EV takes to follow a duty change (and to open S2 after the PWM stops), ms.</summary>
        public int ReactionMs { get; set; }

        /// <summary>Draws <see cref="MaxA"/> whatever the duty offers.</summary>
        public bool IgnoresLimit { get; set; }

        /// <summary>The CP diode is missing.</summary>
        public bool DiodeMissing { get; set; }

        /// <summary>The CP line is shorted to PE.</summary>
        public bool CpShorted { get; set; }

        /// <summary>The cable's PP resistor, Ω; positive infinity for an open PP.</summary>
        public double PpOhms { get; set; }

        /// <summary>Energy the battery takes until it is full, Wh; positive infinity (the default) never fills.</summary>
        public double BatteryToFillWh { get; set; } = double.PositiveInfinity;

        /// <summary>Energy charged so far, Wh.</summary>
        public double ChargedWh { get; private set; }

        /// <summary>The CP ADC channel the pod samples.</summary>
        public IAnalogChannel CpChannel { get; private set; }

        /// <summary>The PP ADC channel the pod samples.</summary>
        public IAnalogChannel PpChannel { get; private set; }

        /// <summary>Whether S2 is closed now (state C or D).</summary>
        public bool S2Closed
        {
            get
            {
                Observe();
                return Connected && AsksForPower && (_sawPwm || _clock.MonotonicMs - _pwmStoppedAtMs < ReactionMs);
            }
        }

        /// <summary>The current the charger draws with the relay closed, A: the offered current it has followed, up to <see cref="MaxA"/>.</summary>
        public double DrawA
        {
            get
            {
                Observe();
                if (!Connected || !S2Closed)
                {
                    return 0.0;
                }

                return IgnoresLimit ? MaxA : Finite.Min(MaxA, _followA);
            }
        }

        /// <summary>
        /// Puts <paramref name="currentA"/> at <paramref name="voltageV"/> for <paramref name="ms"/> into the battery; when it is
        /// full the EV stops asking for power (S2 opens: C → B).
        /// </summary>
        public void Charge(double currentA, double voltageV, int ms)
        {
            double wh = currentA * voltageV * ms / 3600000.0;
            if (Finite.IsFinite(wh) && Finite.Above(wh, 0))
            {
                ChargedWh += wh;
            }

            if (AsksForPower && Finite.AtLeast(ChargedWh, BatteryToFillWh))
            {
                AsksForPower = false;
            }
        }

        // Watches the generator: when the PWM starts or stops, and the current its duty offers, followed after ReactionMs.
        private void Observe()
        {
            long nowMs = _clock.MonotonicMs;
            int duty = _pwm.DutyPermille;
            bool pwm = duty > 0 && duty < 1000;
            if (_sawPwm && !pwm)
            {
                _pwmStoppedAtMs = nowMs;
            }

            _sawPwm = pwm;
            double offeredA = pwm && Connected ? OfferedA(duty) : 0.0;
            if (offeredA != _pendingA)
            {
                _pendingA = offeredA;
                _pendingSinceMs = nowMs;
            }

            if (nowMs - _pendingSinceMs >= ReactionMs)
            {
                _followA = _pendingA;
            }
        }

        // What the EV reads from the duty (IEC 61851-1 Annex A, EV side).
        private static double OfferedA(int permille)
        {
            if (permille >= 80 && permille < 100)
            {
                return 6.0;
            }

            if (permille >= 100 && permille <= 850)
            {
                return permille * 0.06;
            }

            return permille > 850 && permille <= 960 ? (permille - 640) * 0.25 : 0.0;
        }

        // The CP level for the generator at +12 V (high) or -12 V.
        private double CpLevel(bool high)
        {
            double source = high ? 12.0 : -12.0;
            if (!Connected)
            {
                return source;
            }

            if (CpShorted)
            {
                return 0.0;
            }

            double load = RbOhms;
            if (S2Closed)
            {
                double extra = Ventilation ? RdOhms : RcOhms;
                load = RbOhms * extra / (RbOhms + extra);
            }

            if (!DiodeMissing)
            {
                if (!high)
                {
                    return source;
                }

                double currentA = (source - DiodeDropV) / (SourceOhms + load);
                return source - (currentA * SourceOhms);
            }

            return source * load / (load + SourceOhms);
        }

        private int BurstSample(int index, int samplePeriodUs, int maxCounts)
        {
            int duty = _pwm.DutyPermille;
            int t = (_phaseUs + (index * samplePeriodUs)) % 1000;
            bool high = duty >= 1000 || (duty > 0 && t < duty);
            return CpDivider.Counts(CpLevel(high), maxCounts);
        }

        private sealed class CpLine : IAnalogChannel
        {
            private readonly SimulatedEv _ev;

            public CpLine(SimulatedEv ev)
            {
                _ev = ev;
            }

            public int MaxRawCounts
            {
                get { return 4095; }
            }

            public int ReadRawCounts()
            {
                return _ev.BurstSample(0, 0, MaxRawCounts);
            }

            public void ReadBurst(int[] samples, int count, int samplePeriodUs)
            {
                for (int i = 0; i < count; i++)
                {
                    samples[i] = _ev.BurstSample(i, samplePeriodUs, MaxRawCounts);
                }

                // The next burst starts elsewhere in the PWM period, as the tick is not locked to the generator.
                _ev._phaseUs = (_ev._phaseUs + 377) % 1000;
            }
        }

        private sealed class PpLine : IAnalogChannel
        {
            private readonly SimulatedEv _ev;

            public PpLine(SimulatedEv ev)
            {
                _ev = ev;
            }

            public int MaxRawCounts
            {
                get { return 4095; }
            }

            public int ReadRawCounts()
            {
                return PpDivider.Counts(_ev.Connected ? _ev.PpOhms : double.PositiveInfinity, MaxRawCounts);
            }

            public void ReadBurst(int[] samples, int count, int samplePeriodUs)
            {
                int counts = ReadRawCounts();
                for (int i = 0; i < count; i++)
                {
                    samples[i] = counts;
                }
            }
        }
    }
}
