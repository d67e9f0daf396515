namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// Deterministic ADC noise for the simulated channels: integers spread evenly over
    /// -<see cref="PeakCounts"/> to +<see cref="PeakCounts"/>, from a seeded linear congruential generator,
    /// so every run of a test sees the same sequence.
    /// </summary>
    /// <remarks>Not thread-safe. Allocates nothing after construction.</remarks>
    public sealed class CountNoise
    {
        private uint _state;
        private int _peakCounts;

        /// <summary>Creates a generator.</summary>
        /// <param name="seed">Starting state; the same seed gives the same sequence.</param>
        /// <param name="peakCounts">Largest deviation in counts, 0 (silent) or more.</param>
        public CountNoise(uint seed, int peakCounts)
        {
            _state = seed;
            PeakCounts = peakCounts;
        }

        /// <summary>Largest deviation in counts, 0 or more (negative values are taken as 0).</summary>
        public int PeakCounts
        {
            get { return _peakCounts; }
            set { _peakCounts = value < 0 ? 0 : value; }
        }

        /// <summary>The next deviation in counts, from -PeakCounts to +PeakCounts.</summary>
        public int Next()
        {
            // Numerical Recipes LCG; the upper bits are the well-mixed ones.
            _state = unchecked((_state * 1664525u) + 1013904223u);
            if (_peakCounts == 0)
            {
                return 0;
            }

            int span = (2 * _peakCounts) + 1;
            return (int)((_state >> 16) % (uint)span) - _peakCounts;
        }
    }
}
