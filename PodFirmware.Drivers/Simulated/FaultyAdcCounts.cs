using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// What every simulated ADC channel does to the counts its physics gives: the injected wiring fault (open, short,
    /// stuck), deterministic noise, clipping to the rails, and memory of the last value for a stuck input. Shared by
    /// <see cref="SimulatedAcChannel"/> and <see cref="SimulatedNtcChannel"/>, which differ only in their physics.
    /// </summary>
    /// <remarks>Not thread-safe, like the channels that own it. Allocates nothing.</remarks>
    internal sealed class FaultyAdcCounts
    {
        private readonly int _maxRawCounts;
        private readonly bool _openReadsFullScale;
        private readonly CountNoise _noise;
        private int _lastCounts;
        private bool _hasLast;

        /// <param name="maxRawCounts">Full scale of the ADC in counts.</param>
        /// <param name="openReadsFullScale">Whether an open input is pulled to full scale (a short then reads 0), or to 0.</param>
        /// <param name="noise">The channel's noise source.</param>
        internal FaultyAdcCounts(int maxRawCounts, bool openReadsFullScale, CountNoise noise)
        {
            _maxRawCounts = maxRawCounts;
            _openReadsFullScale = openReadsFullScale;
            _noise = noise;
            Fault = SensorStatus.Ok;
        }

        /// <summary>Injected fault: Ok (none), Open, Short, or Stuck (repeat the last value).</summary>
        internal SensorStatus Fault;

        /// <summary>Peak deterministic noise in counts.</summary>
        internal int NoiseCounts
        {
            get { return _noise.PeakCounts; }
            set { _noise.PeakCounts = value; }
        }

        /// <summary>The counts the ADC reads when the healthy input would give <paramref name="idealCounts"/>.</summary>
        internal int Read(int idealCounts)
        {
            if (Fault == SensorStatus.Stuck && _hasLast)
            {
                return _lastCounts;
            }

            int counts = idealCounts;
            if (Fault == SensorStatus.Open)
            {
                counts = _openReadsFullScale ? _maxRawCounts : 0;
            }
            else if (Fault == SensorStatus.Short)
            {
                counts = _openReadsFullScale ? 0 : _maxRawCounts;
            }

            counts += _noise.Next();
            if (counts < 0)
            {
                counts = 0;
            }
            else if (counts > _maxRawCounts)
            {
                counts = _maxRawCounts;
            }

            _lastCounts = counts;
            _hasLast = true;
            return counts;
        }
    }
}
