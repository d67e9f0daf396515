using System;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// The RMS core shared by the current and voltage channels: reads one burst of raw samples over
    /// whole mains cycles into a buffer allocated once, removes the DC bias by subtracting the burst
    /// mean, and reports the RMS of what is left in millivolts at the ADC pin, together with the rail
    /// status, clipping and a checksum of the raw samples for stuck detection.
    /// </summary>
    /// <remarks>
    /// With N samples x_i in counts: mean = sum(x) / N; RMS = sqrt(N * sum(x^2) - sum(x)^2) / N,
    /// computed exactly in 64-bit integers; millivolts = counts * ReferenceMv / (2^bits - 1).
    /// Not thread-safe: owned by the control tick. <see cref="Read"/> allocates nothing.
    /// </remarks>
    public sealed class RmsBurst
    {
        private readonly IAnalogChannel _channel;
        private readonly int[] _samples;
        private readonly int _count;
        private readonly int _samplePeriodUs;
        private readonly int _maxRawCounts;
        private readonly double _mvPerCount;
        private readonly double _railCounts;

        private double _rmsMv;
        private double _meanMv;
        private int _minRawCounts;
        private int _maxSeenRawCounts;
        private int _fingerprint;
        private SensorStatus _railStatus;
        private bool _hasBurst;
        private long _sum;

        /// <summary>Allocates the burst buffer for <paramref name="burst"/>.BurstSamples samples.</summary>
        /// <param name="channel">The ADC channel; its MaxRawCounts must equal 2^<paramref name="adcBits"/> - 1.</param>
        /// <param name="burst">Burst timing (validated).</param>
        /// <param name="adcBits">ADC resolution in bits.</param>
        /// <param name="referenceMv">ADC input voltage at full scale in millivolts.</param>
        /// <param name="railMarginFraction">Band next to each rail, as a fraction of full scale, that counts as the rail.</param>
        /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
        /// <exception cref="ArgumentException">The channel's full scale does not match <paramref name="adcBits"/>, or the burst is empty.</exception>
        public RmsBurst(IAnalogChannel channel, MainsBurstConfig burst, int adcBits, double referenceMv, double railMarginFraction)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (burst == null)
            {
                throw new ArgumentNullException("burst");
            }

            _maxRawCounts = (1 << adcBits) - 1;
            if (channel.MaxRawCounts != _maxRawCounts)
            {
                throw new ArgumentException("channel full scale is " + channel.MaxRawCounts.ToString() + " counts, configured adcBits give " + _maxRawCounts.ToString(), "channel");
            }

            _count = burst.BurstSamples;
            _samplePeriodUs = burst.SamplePeriodUs;
            if (_count < 1 || _samplePeriodUs < 1)
            {
                throw new ArgumentException("burst has no samples or no sample period; validate the configuration first", "burst");
            }

            _channel = channel;
            _samples = new int[_count];
            _mvPerCount = referenceMv / _maxRawCounts;
            _railCounts = railMarginFraction * _maxRawCounts;
            _railStatus = SensorStatus.Open;
        }

        // For an interleaved burst (MainsMeter): the caller fills Samples and calls Analyse; there is no channel.
        internal RmsBurst(int maxRawCounts, MainsBurstConfig burst, double referenceMv, double railMarginFraction)
        {
            _maxRawCounts = maxRawCounts;
            _count = burst.BurstSamples;
            _samplePeriodUs = burst.SamplePeriodUs;
            if (_count < 1 || _samplePeriodUs < 1)
            {
                throw new ArgumentException("burst has no samples or no sample period; validate the configuration first", "burst");
            }

            _samples = new int[_count];
            _mvPerCount = referenceMv / _maxRawCounts;
            _railCounts = railMarginFraction * _maxRawCounts;
            _railStatus = SensorStatus.Open;
        }

        // The raw sample buffer, SampleCount long; an interleaved burst writes into it before Analyse.
        internal int[] Samples
        {
            get { return _samples; }
        }

        // Millivolts at the ADC pin per count.
        internal double MvPerCount
        {
            get { return _mvPerCount; }
        }

        // Sum of the samples of the latest burst, in counts.
        internal long Sum
        {
            get { return _sum; }
        }

        /// <summary>Samples per burst.</summary>
        public int SampleCount
        {
            get { return _count; }
        }

        /// <summary>Spacing of the burst's samples in microseconds.</summary>
        public int SamplePeriodUs
        {
            get { return _samplePeriodUs; }
        }

        /// <summary>RMS of the latest burst with its mean removed, in millivolts at the ADC pin; 0 before the first <see cref="Read"/>.</summary>
        public double RmsMv
        {
            get { return _rmsMv; }
        }

        /// <summary>Mean of the latest burst in millivolts at the ADC pin (the bias the channel actually sits at).</summary>
        public double MeanMv
        {
            get { return _meanMv; }
        }

        /// <summary>Smallest raw sample of the latest burst in counts.</summary>
        public int MinRawCounts
        {
            get { return _minRawCounts; }
        }

        /// <summary>Largest raw sample of the latest burst in counts.</summary>
        public int MaxRawCounts
        {
            get { return _maxSeenRawCounts; }
        }

        /// <summary>
        /// Open when every sample of the latest burst lies within the rail margin of 0 counts (input
        /// pulled down: sensor unplugged or unpowered), Short when every sample lies within it of full
        /// scale (input shorted to the supply), otherwise Ok. Open before the first <see cref="Read"/>.
        /// </summary>
        public SensorStatus RailStatus
        {
            get { return _railStatus; }
        }

        /// <summary><c>true</c> when some sample of the latest burst sat exactly at 0 or full scale: the waveform was clipped, so <see cref="RmsMv"/> is a lower bound. <c>false</c> before the first <see cref="Read"/>.</summary>
        public bool IsClipped
        {
            get { return _hasBurst && (_minRawCounts <= 0 || _maxSeenRawCounts >= _maxRawCounts); }
        }

        /// <summary>Checksum of every raw sample of the latest burst, in order: equal for two bursts only if (almost certainly) every sample is equal.</summary>
        public int Fingerprint
        {
            get { return _fingerprint; }
        }

        /// <summary>Takes one burst from the channel (blocking for about SampleCount * SamplePeriodUs microseconds) and updates every property. Allocates nothing.</summary>
        public void Read()
        {
            _channel.ReadBurst(_samples, _count, _samplePeriodUs);
            Analyse();
        }

        // Updates every property from the samples in the buffer. Allocates nothing.
        internal void Analyse()
        {
            long sum = 0;
            long sumOfSquares = 0;
            int min = int.MaxValue;
            int max = int.MinValue;
            int hash = unchecked((int)2166136261);
            for (int i = 0; i < _count; i++)
            {
                int x = _samples[i];
                sum += x;
                sumOfSquares += (long)x * x;
                if (x < min)
                {
                    min = x;
                }

                if (x > max)
                {
                    max = x;
                }

                // FNV-1a over the samples: any single changed sample changes the checksum.
                hash = unchecked((hash ^ x) * 16777619);
            }

            long n = _count;
            long varianceTimesNSquared = (n * sumOfSquares) - (sum * sum);
            double rmsCounts = varianceTimesNSquared > 0 ? Math.Sqrt((double)varianceTimesNSquared) / n : 0.0;

            _rmsMv = rmsCounts * _mvPerCount;
            _meanMv = (double)sum / n * _mvPerCount;
            _minRawCounts = min;
            _maxSeenRawCounts = max;
            _fingerprint = hash;
            _sum = sum;
            _hasBurst = true;
            if (Finite.AtMost(max, _railCounts))
            {
                _railStatus = SensorStatus.Open;
            }
            else if (Finite.AtLeast(min, _maxRawCounts - _railCounts))
            {
                _railStatus = SensorStatus.Short;
            }
            else
            {
                _railStatus = SensorStatus.Ok;
            }
        }
    }
}
