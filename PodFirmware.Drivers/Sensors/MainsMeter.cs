using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Mains voltage, charging current, real power and power factor from ONE interleaved burst over whole mains cycles
    /// (<see cref="IMainsSampler"/>): each channel's RMS with its bias removed goes through the same rails, stuck,
    /// calibration and plausibility steps as <see cref="VoltageSensor"/> and <see cref="CurrentSensor"/>; the real power is
    /// the mean of the bias-free products, P = mean((v − v̄)(i − ī)), scaled to watts; the power factor is P / (Vrms · Irms).
    /// </summary>
    /// <remarks>
    /// <para>With k pairs (v_j, i_j) in counts: k²·mean product = k·Σ(v·i) − Σv·Σi, exact in 64-bit integers. Watts =
    /// that / k² · (mV per count)_v · (mV per count)_i · (V per ADC mV) · (A per ADC mV) · calibrationGain_v · calibrationGain_i
    /// (the calibration offsets apply to the RMS values only). Power factor uses the uncalibrated values, in which the gains cancel.</para>
    /// <para>Both channels use the voltage channel's burst timing; the current channel's <c>burst</c> must equal it.
    /// Not thread-safe: control tick only. <see cref="Sample"/> blocks one burst and allocates nothing.</para>
    /// </remarks>
    public sealed class MainsMeter
    {
        /// <summary>Below this current in amperes the power factor is not reported (NaN): the quotient of two noise levels means nothing.</summary>
        public const double MinPowerFactorCurrentA = 0.5;

        private readonly IMainsSampler _sampler;
        private readonly MainsRmsChannel _voltage;
        private readonly MainsRmsChannel _current;
        private readonly int _pairs;
        private readonly int _pairPeriodUs;
        private readonly double _wattsPerCountSquared;
        private readonly double _rawWattsPerCountSquared;
        private double _realPowerW = double.NaN;
        private double _powerFactor = double.NaN;

        /// <summary>Builds both channels and their burst buffers from their configurations (copied: later changes have no effect).</summary>
        /// <param name="sampler">The interleaved sampler of the voltage and current inputs.</param>
        /// <param name="voltage">The voltage channel's configuration.</param>
        /// <param name="current">The current channel's configuration.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">A configuration fails validation, the two bursts differ, or a full scale does not match its adcBits.</exception>
        public MainsMeter(IMainsSampler sampler, VoltageSensorConfig voltage, CurrentSensorConfig current)
        {
            if (sampler == null)
            {
                throw new ArgumentNullException("sampler");
            }

            if (voltage == null)
            {
                throw new ArgumentNullException("voltage");
            }

            if (current == null)
            {
                throw new ArgumentNullException("current");
            }

            var errors = new ConfigErrors();
            voltage.Validate("voltage", errors);
            current.Validate("current", errors);
            CheckSameBurst("current.burst", voltage.Burst, current.Burst, errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException(errors.ToString(), "voltage");
            }

            int voltageMax = (1 << voltage.AdcBits) - 1;
            int currentMax = (1 << current.AdcBits) - 1;
            if (sampler.VoltageMaxRawCounts != voltageMax || sampler.CurrentMaxRawCounts != currentMax)
            {
                throw new ArgumentException("sampler full scale does not match the configured adcBits", "sampler");
            }

            var voltageBurst = new RmsBurst(voltageMax, voltage.Burst, voltage.ReferenceMv, voltage.RailMarginFraction);
            var currentBurst = new RmsBurst(currentMax, voltage.Burst, current.ReferenceMv, current.RailMarginFraction);
            _voltage = new MainsRmsChannel(voltageBurst, voltage.MainsVoltsPerAdcVolt,
                new SensorConditioner(voltage.CalibrationGain, voltage.CalibrationOffsetV, voltage.MaxStepV, voltage.StuckAfterMs, true));
            _current = new MainsRmsChannel(currentBurst, current.AmpsPerAdcVolt,
                new SensorConditioner(current.CalibrationGain, current.CalibrationOffsetA, current.MaxStepA, current.StuckAfterMs, true));
            _sampler = sampler;
            _pairs = voltage.Burst.BurstSamples;
            _pairPeriodUs = voltage.Burst.SamplePeriodUs;
            _rawWattsPerCountSquared = voltageBurst.MvPerCount * currentBurst.MvPerCount * _voltage.UnitsPerAdcMv * _current.UnitsPerAdcMv;
            _wattsPerCountSquared = _rawWattsPerCountSquared * voltage.CalibrationGain * current.CalibrationGain;
        }

        /// <summary>
        /// Reports under <paramref name="key"/> when <paramref name="other"/> differs from <paramref name="shared"/>: voltage and
        /// current share one interleaved burst, so their <c>burst</c> keys must be equal.
        /// </summary>
        public static void CheckSameBurst(string key, MainsBurstConfig shared, MainsBurstConfig other, ConfigErrors errors)
        {
            if (shared == null || other == null)
            {
                return;
            }

            if (shared.MainsFrequencyHz != other.MainsFrequencyHz || shared.SamplesPerCycle != other.SamplesPerCycle || shared.CyclesPerBurst != other.CyclesPerBurst)
            {
                errors.Fail(key, "must equal the voltage burst: voltage and current share one interleaved burst");
            }
        }

        /// <summary>Latest mains voltage in volts RMS; NaN whenever <see cref="VoltageStatus"/> is not Ok.</summary>
        public double VoltageV
        {
            get { return _voltage.Value; }
        }

        /// <summary>Verdict on the voltage channel's latest burst.</summary>
        public SensorStatus VoltageStatus
        {
            get { return _voltage.Status; }
        }

        /// <summary>Latest charging current in amperes RMS; NaN whenever <see cref="CurrentStatus"/> is not Ok.</summary>
        public double CurrentA
        {
            get { return _current.Value; }
        }

        /// <summary>Verdict on the current channel's latest burst.</summary>
        public SensorStatus CurrentStatus
        {
            get { return _current.Status; }
        }

        /// <summary>Real power in watts, mean(v·i) of the latest burst (negative if the CT is fitted backwards); NaN unless both channels are Ok.</summary>
        public double RealPowerW
        {
            get { return _realPowerW; }
        }

        /// <summary>Power factor of the latest burst, -1 to 1; NaN unless both channels are Ok and this burst's own current (before conditioning) is at least <see cref="MinPowerFactorCurrentA"/>.</summary>
        public double PowerFactor
        {
            get { return _powerFactor; }
        }

        /// <summary>Pairs per burst.</summary>
        public int Pairs
        {
            get { return _pairs; }
        }

        /// <summary>Spacing of the pairs in microseconds.</summary>
        public int PairPeriodUs
        {
            get { return _pairPeriodUs; }
        }

        /// <summary>The voltage channel's burst: raw counts of the latest reading (min, max). Owned by the tick; read as a snapshot.</summary>
        public RmsBurst VoltageBurst
        {
            get { return _voltage.Burst; }
        }

        /// <summary>The current channel's burst: raw counts of the latest reading (min, max). Owned by the tick; read as a snapshot.</summary>
        public RmsBurst CurrentBurst
        {
            get { return _current.Burst; }
        }

        /// <summary>Takes one interleaved burst and updates every property. Allocates nothing.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds.</param>
        /// <param name="mustChange"><c>true</c> when the raw samples cannot all repeat (while charging); see <see cref="CurrentSensor.Sample"/>.</param>
        public void Sample(long nowMs, bool mustChange)
        {
            RmsBurst v = _voltage.Burst;
            RmsBurst i = _current.Burst;
            int[] vs = v.Samples;
            int[] cs = i.Samples;
            _sampler.ReadInterleaved(vs, cs, _pairs, _pairPeriodUs);
            v.Analyse();
            i.Analyse();
            _voltage.Condition(nowMs, mustChange);
            _current.Condition(nowMs, mustChange);

            long sumOfProducts = 0;
            for (int k = 0; k < _pairs; k++)
            {
                sumOfProducts += (long)vs[k] * cs[k];
            }

            long n = _pairs;
            double meanProductCounts = (double)((n * sumOfProducts) - (v.Sum * i.Sum)) / ((double)n * n);
            bool usable = _voltage.Status == SensorStatus.Ok && _current.Status == SensorStatus.Ok;
            _realPowerW = usable ? meanProductCounts * _wattsPerCountSquared : double.NaN;
            _powerFactor = double.NaN;
            double apparentRaw = _voltage.RawValue * _current.RawValue;
            // Gated on this burst's own current: the conditioned value may still hold a level the samples have left.
            if (usable && Finite.AtLeast(_current.RawValue, MinPowerFactorCurrentA) && Finite.Above(apparentRaw, 0))
            {
                double pf = meanProductCounts * _rawWattsPerCountSquared / apparentRaw;
                _powerFactor = Finite.Max(-1.0, Finite.Min(1.0, pf));
            }
        }
    }
}
