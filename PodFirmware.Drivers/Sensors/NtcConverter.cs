using System;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// The NTC divider's math in both directions: raw counts to divider ratio to resistance to °C,
    /// and °C back to counts (used by the simulated twin, so both share one set of formulas).
    /// </summary>
    /// <remarks>
    /// Counts to node voltage: V = counts / (2^bits - 1) * ReferenceMv; ratio = V / SupplyMv (the
    /// reference cancels when the divider is fed from it). Low side: R = Rs * ratio / (1 - ratio);
    /// high side: R = Rs * (1 - ratio) / ratio. Immutable after construction; safe to share between
    /// threads. Allocates nothing after construction.
    /// </remarks>
    public sealed class NtcConverter
    {
        /// <summary>0 °C in kelvin.</summary>
        public const double KelvinAtZeroC = 273.15;

        private const double KelvinAt25C = 298.15;

        // Keeps the resistance finite when a ratio at a rail slips past classification.
        private const double MinRatio = 1e-9;

        private readonly NtcModel _model;
        private readonly NtcPosition _position;
        private readonly double _r25Ohm;
        private readonly double _betaK;
        private readonly double _a;
        private readonly double _b;
        private readonly double _c;
        private readonly double _seriesOhm;
        private readonly double _supplyMv;
        private readonly double _referenceMv;
        private readonly int _maxRawCounts;
        private readonly double _railCounts;

        /// <summary>Copies the divider and thermistor parameters from <paramref name="config"/> (which should have passed Validate).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
        public NtcConverter(TemperatureSensorConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            _model = config.ParsedModel;
            _position = config.ParsedNtcPosition;
            _r25Ohm = config.R25Ohm;
            _betaK = config.BetaK;
            _a = config.SteinhartA;
            _b = config.SteinhartB;
            _c = config.SteinhartC;
            _seriesOhm = config.SeriesResistorOhm;
            _supplyMv = config.SupplyMv;
            _referenceMv = config.ReferenceMv;
            _maxRawCounts = (1 << config.AdcBits) - 1;
            _railCounts = config.RailMarginFraction * _maxRawCounts;
        }

        /// <summary>Full-scale raw value in counts, 2^AdcBits - 1 (4095 at 12 bits).</summary>
        public int MaxRawCounts
        {
            get { return _maxRawCounts; }
        }

        /// <summary>
        /// Judges one raw reading: within the rail margin of 0 or of full scale it is Open or Short
        /// (which rail is which follows the NTC position), otherwise Ok.
        /// </summary>
        /// <param name="rawCounts">The ADC reading in counts.</param>
        /// <returns><see cref="SensorStatus.Ok"/>, <see cref="SensorStatus.Open"/> or <see cref="SensorStatus.Short"/>.</returns>
        public SensorStatus Classify(int rawCounts)
        {
            // _railCounts is finite: validated config (railMarginFraction) times an int.
            bool lowRail = Finite.AtMost(rawCounts, _railCounts);
            bool highRail = Finite.AtLeast(rawCounts, _maxRawCounts - _railCounts);
            if (lowRail)
            {
                return _position == NtcPosition.LowSide ? SensorStatus.Short : SensorStatus.Open;
            }

            if (highRail)
            {
                return _position == NtcPosition.LowSide ? SensorStatus.Open : SensorStatus.Short;
            }

            return SensorStatus.Ok;
        }

        /// <summary>Temperature in °C for a reading in counts (fractional counts allowed). Meaningful only where <see cref="Classify"/> says Ok.</summary>
        public double TemperatureCFromCounts(double rawCounts)
        {
            double ratio = rawCounts / _maxRawCounts * _referenceMv / _supplyMv;
            if (Finite.Below(ratio, MinRatio))
            {
                ratio = MinRatio;
            }
            else if (Finite.Above(ratio, 1.0 - MinRatio))
            {
                ratio = 1.0 - MinRatio;
            }

            double resistanceOhm = _position == NtcPosition.LowSide
                ? _seriesOhm * ratio / (1.0 - ratio)
                : _seriesOhm * (1.0 - ratio) / ratio;
            return TemperatureCFromResistanceOhm(resistanceOhm);
        }

        /// <summary>The exact (unquantised, unclipped) reading in counts the divider gives at <paramref name="temperatureC"/> °C.</summary>
        public double CountsFromTemperatureC(double temperatureC)
        {
            double resistanceOhm = ResistanceOhmFromTemperatureC(temperatureC);
            double ratio = _position == NtcPosition.LowSide
                ? resistanceOhm / (resistanceOhm + _seriesOhm)
                : _seriesOhm / (resistanceOhm + _seriesOhm);
            return ratio * _supplyMv / _referenceMv * _maxRawCounts;
        }

        /// <summary>Temperature in °C of the thermistor at <paramref name="resistanceOhm"/> ohm, by the configured model.</summary>
        public double TemperatureCFromResistanceOhm(double resistanceOhm)
        {
            double lnR;
            double inverseK;
            if (_model == NtcModel.SteinhartHart)
            {
                lnR = Math.Log(resistanceOhm);
                inverseK = _a + (_b * lnR) + (_c * lnR * lnR * lnR);
            }
            else
            {
                inverseK = (1.0 / KelvinAt25C) + (Math.Log(resistanceOhm / _r25Ohm) / _betaK);
            }

            return (1.0 / inverseK) - KelvinAtZeroC;
        }

        /// <summary>Resistance in ohm of the thermistor at <paramref name="temperatureC"/> °C, by the configured model.</summary>
        public double ResistanceOhmFromTemperatureC(double temperatureC)
        {
            double inverseK = 1.0 / (temperatureC + KelvinAtZeroC);
            if (_model != NtcModel.SteinhartHart)
            {
                return _r25Ohm * Math.Exp(_betaK * (inverseK - (1.0 / KelvinAt25C)));
            }

            // Solves A + B x + C x^3 = 1/T for x = ln R by Newton's method from the C = 0 solution;
            // with B > 0 and C >= 0 the function is monotonic, so this converges in a few steps.
            double x = (inverseK - _a) / _b;
            for (int i = 0; i < 8; i++)
            {
                double f = _a + (_b * x) + (_c * x * x * x) - inverseK;
                double slope = _b + (3.0 * _c * x * x);
                x -= f / slope;
            }

            return Math.Exp(x);
        }
    }
}
