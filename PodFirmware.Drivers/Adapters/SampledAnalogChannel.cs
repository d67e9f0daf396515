using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// <see cref="IAnalogChannel"/> over one ADC input (<see cref="IAdcConverter"/>): raw counts clamped to
    /// 0 to full scale, and bursts whose samples are spaced on a microsecond timer. Conversion to
    /// engineering units stays in the sensor drivers.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The device has no microsecond sleep (a thread sleeps whole milliseconds), so a burst busy-waits on
    /// <see cref="IMicrosecondTimer"/> (on the ESP32 its 64-bit hardware timer; nanoFramework's Stopwatch
    /// counts milliseconds and could not space samples closer than 1 ms). Deadlines are absolute from the
    /// first sample: sample <c>i</c> is taken once <c>i * samplePeriodUs</c> have passed, so one late
    /// sample does not shift the rest. A period shorter than one conversion plus the interpreter's overhead
    /// (tens of microseconds) degrades to back-to-back sampling.
    /// </para>
    /// <para>Allocates nothing. Not thread-safe: owned by the control tick.</para>
    /// </remarks>
    public sealed class SampledAnalogChannel : IAnalogChannel
    {
        private readonly IAdcConverter _converter;
        private readonly IMicrosecondTimer _timer;
        private readonly int _maxRawCounts;

        /// <summary>Wraps <paramref name="converter"/>, spacing bursts on <paramref name="timer"/>.</summary>
        /// <param name="converter">The opened ADC input.</param>
        /// <param name="timer">The microsecond timer the burst spacing is measured on.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The converter's full scale is below 1 count.</exception>
        public SampledAnalogChannel(IAdcConverter converter, IMicrosecondTimer timer)
        {
            if (converter == null)
            {
                throw new ArgumentNullException("converter");
            }

            if (timer == null)
            {
                throw new ArgumentNullException("timer");
            }

            if (converter.MaxValue < 1)
            {
                throw new ArgumentOutOfRangeException("converter", "full scale below 1 count");
            }

            _converter = converter;
            _timer = timer;
            _maxRawCounts = converter.MaxValue;
        }

        /// <summary>Full-scale raw value in counts (4095 for the ESP32's 12-bit converter).</summary>
        public int MaxRawCounts
        {
            get { return _maxRawCounts; }
        }

        /// <summary>Converts once and returns counts, clamped to 0 to <see cref="MaxRawCounts"/>.</summary>
        /// <returns>The sample in counts.</returns>
        public int ReadRawCounts()
        {
            int counts = _converter.ReadValue();

            if (counts < 0)
            {
                return 0;
            }

            return counts > _maxRawCounts ? _maxRawCounts : counts;
        }

        /// <summary>
        /// Takes <paramref name="count"/> samples, sample <c>i</c> at <c>i * samplePeriodUs</c> microseconds
        /// after the first, into <paramref name="samples"/>. Blocks the caller for about
        /// <c>(count - 1) * samplePeriodUs</c> microseconds; allocates nothing.
        /// </summary>
        /// <param name="samples">Caller-owned buffer of at least <paramref name="count"/> elements.</param>
        /// <param name="count">Number of samples to take.</param>
        /// <param name="samplePeriodUs">Spacing between samples in microseconds; 0 samples back to back.</param>
        /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A count or period is negative, or the buffer is too small.</exception>
        public void ReadBurst(int[] samples, int count, int samplePeriodUs)
        {
            if (samples == null)
            {
                throw new ArgumentNullException("samples");
            }

            if (count < 0 || count > samples.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (samplePeriodUs < 0)
            {
                throw new ArgumentOutOfRangeException("samplePeriodUs");
            }

            long startUs = _timer.NowUs;

            for (int i = 0; i < count; i++)
            {
                long dueUs = (long)i * samplePeriodUs;

                while (_timer.NowUs - startUs < dueUs)
                {
                    // busy-wait: see remarks
                }

                samples[i] = ReadRawCounts();
            }
        }
    }
}
