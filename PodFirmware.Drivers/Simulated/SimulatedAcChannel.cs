using System;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// The twin of an AC current or voltage front end on an ADC pin: set an RMS value in amperes or
    /// volts and it produces the sine the real chain would put on the pin (through the inverse of the
    /// configured CT, Hall or transformer scaling, around its bias), at the configured mains frequency,
    /// sampled at the period the caller asks for, quantised to counts and clipped to the rails.
    /// </summary>
    /// <remarks>
    /// Time runs on from burst to burst (the phase carries over), so whole-cycle bursts of a clean
    /// sine would repeat exactly; the default 2 counts of deterministic noise stand in for the real
    /// ADC's noise, which is what lets stuck detection tell a live channel from a frozen one.
    /// Faults: Open puts the pin at 0 counts (input pulled down), Short at full scale, Stuck repeats
    /// the last value produced. Not thread-safe. Reads allocate nothing.
    /// </remarks>
    public sealed class SimulatedAcChannel : IAnalogChannel
    {
        private const double TwoPi = 2.0 * Math.PI;

        private readonly double _unitsPerAdcVolt;
        private readonly double _zeroMv;
        private readonly double _countsPerMv;
        private readonly int _maxRawCounts;
        private readonly int _defaultPeriodUs;
        private readonly FaultyAdcCounts _adc;
        private double _rmsValue;
        private double _frequencyHz;
        private double _phaseCycles;
        private double _phaseLagDeg;

        /// <summary>Creates the twin of a current channel at 0 A.</summary>
        /// <param name="config">The same configuration the current sensor under test uses.</param>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        public SimulatedAcChannel(CurrentSensorConfig config)
            : this(NotNull(config).AmpsPerAdcVolt, config.AdcZeroMv, config.AdcBits, config.ReferenceMv, config.Burst)
        {
        }

        /// <summary>Creates the twin of a voltage channel at 0 V.</summary>
        /// <param name="config">The same configuration the voltage sensor under test uses.</param>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        public SimulatedAcChannel(VoltageSensorConfig config)
            : this(NotNull(config).MainsVoltsPerAdcVolt, config.BiasMv, config.AdcBits, config.ReferenceMv, config.Burst)
        {
        }

        private SimulatedAcChannel(double unitsPerAdcVolt, double zeroMv, int adcBits, double referenceMv, MainsBurstConfig burst)
        {
            _unitsPerAdcVolt = unitsPerAdcVolt;
            _zeroMv = zeroMv;
            _maxRawCounts = (1 << adcBits) - 1;
            _countsPerMv = _maxRawCounts / referenceMv;
            _frequencyHz = burst.MainsFrequencyHz;
            _defaultPeriodUs = burst.SamplePeriodUs;
            // An open input reads 0 counts, a shorted one full scale.
            _adc = new FaultyAdcCounts(_maxRawCounts, false, new CountNoise(20250101u, 2));
        }

        /// <summary>RMS value of the simulated sine, in amperes (current twin) or volts (voltage twin); 0 or more.</summary>
        public double RmsValue
        {
            get { return _rmsValue; }
            set { _rmsValue = value; }
        }

        /// <summary>
        /// How far this channel's sine lags the mains cycle, in degrees (0 by default). Set on the current twin of an inductive
        /// load: 36.87 degrees gives a power factor of 0.8 against a voltage twin at 0 sampled with it (<see cref="SimulatedMains"/>).
        /// </summary>
        public double PhaseLagDeg
        {
            get { return _phaseLagDeg; }
            set { _phaseLagDeg = value; }
        }

        /// <summary>Frequency of the simulated mains in hertz; starts at the configured mains frequency.</summary>
        public double FrequencyHz
        {
            get { return _frequencyHz; }
            set { _frequencyHz = value; }
        }

        /// <summary>Injected fault: Ok (none), Open (0 counts), Short (full scale), or Stuck (repeat the last value).</summary>
        public SensorStatus Fault
        {
            get { return _adc.Fault; }
            set { _adc.Fault = value; }
        }

        /// <summary>Peak deterministic noise added to each sample in counts; default 2, 0 for a clean sine.</summary>
        public int NoiseCounts
        {
            get { return _adc.NoiseCounts; }
            set { _adc.NoiseCounts = value; }
        }

        /// <summary>Full-scale raw value in counts, 2^AdcBits - 1 of the configuration.</summary>
        public int MaxRawCounts
        {
            get { return _maxRawCounts; }
        }

        /// <summary>One sample at the current simulated instant; time then moves on by the configured sample period.</summary>
        public int ReadRawCounts()
        {
            return Next(_defaultPeriodUs);
        }

        /// <summary>Fills <paramref name="samples"/> with <paramref name="count"/> samples spaced <paramref name="samplePeriodUs"/> apart in simulated time. Allocates nothing.</summary>
        public void ReadBurst(int[] samples, int count, int samplePeriodUs)
        {
            for (int i = 0; i < count; i++)
            {
                samples[i] = Next(samplePeriodUs);
            }
        }

        /// <summary>One sample at the current simulated instant; time then moves on by <paramref name="periodUs"/>.</summary>
        internal int Next(int periodUs)
        {
            double phase = _phaseCycles - (_phaseLagDeg / 360.0);
            _phaseCycles += _frequencyHz * periodUs * 1e-6;
            _phaseCycles -= Math.Floor(_phaseCycles);

            double peakMv = _rmsValue * Math.Sqrt(2.0) / _unitsPerAdcVolt * 1000.0;
            double mv = _zeroMv + (peakMv * Math.Sin(TwoPi * phase));
            return _adc.Read((int)Math.Floor((mv * _countsPerMv) + 0.5));
        }

        private static CurrentSensorConfig NotNull(CurrentSensorConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            return config;
        }

        private static VoltageSensorConfig NotNull(VoltageSensorConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            return config;
        }
    }
}
