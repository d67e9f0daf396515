using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Pilot
{
    /// <summary>
    /// Reads one burst of the CP channel into a preallocated buffer and keeps its highest and lowest level in V on the CP
    /// line (through <see cref="CpDivider"/>). A burst spans at least two 1 kHz PWM periods, so it holds both levels.
    /// </summary>
    /// <remarks>Allocates nothing after construction. Not thread-safe: owned by the control tick.</remarks>
    public sealed class CpBurstReader
    {
        private readonly IAnalogChannel _channel;
        private readonly int[] _samples;
        private readonly int _samplePeriodUs;

        /// <summary>Creates the reader.</summary>
        /// <param name="channel">The CP ADC channel.</param>
        /// <param name="samples">Samples per burst, 2 or more.</param>
        /// <param name="samplePeriodUs">Spacing of the samples, µs, more than 0.</param>
        public CpBurstReader(IAnalogChannel channel, int samples, int samplePeriodUs)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (samples < 2)
            {
                throw new ArgumentOutOfRangeException("samples");
            }

            if (samplePeriodUs <= 0)
            {
                throw new ArgumentOutOfRangeException("samplePeriodUs");
            }

            _channel = channel;
            _samples = new int[samples];
            _samplePeriodUs = samplePeriodUs;
        }

        /// <summary>Highest CP level of the last burst, V.</summary>
        public double HighV { get; private set; }

        /// <summary>Lowest CP level of the last burst, V.</summary>
        public double LowV { get; private set; }

        /// <summary>Highest raw ADC counts of the last burst (the sample <see cref="HighV"/> came from).</summary>
        public int HighCounts { get; private set; }

        /// <summary>Lowest raw ADC counts of the last burst (the sample <see cref="LowV"/> came from).</summary>
        public int LowCounts { get; private set; }

        /// <summary>Samples one burst and updates <see cref="HighV"/> and <see cref="LowV"/>.</summary>
        public void Read()
        {
            _channel.ReadBurst(_samples, _samples.Length, _samplePeriodUs);
            int max = _samples[0];
            int min = max;
            for (int i = 1; i < _samples.Length; i++)
            {
                int s = _samples[i];
                if (s > max)
                {
                    max = s;
                }

                if (s < min)
                {
                    min = s;
                }
            }

            HighCounts = max;
            LowCounts = min;
            HighV = CpDivider.CpVolts(max, _channel.MaxRawCounts);
            LowV = CpDivider.CpVolts(min, _channel.MaxRawCounts);
        }
    }
}
