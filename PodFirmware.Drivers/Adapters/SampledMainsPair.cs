using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// <see cref="IMainsSampler"/> over two ADC inputs (<see cref="IAdcConverter"/>): pair k is taken once
    /// <c>k * pairPeriodUs</c> have passed on the microsecond timer, the voltage first and the current right after it;
    /// counts are clamped to 0 to full scale, as <see cref="SampledAnalogChannel"/> does.
    /// </summary>
    /// <remarks>
    /// The current sample of a pair lags its voltage sample by one conversion plus the interpreter's overhead (tens of
    /// microseconds on the ESP32, under 1 degree of a 50 Hz cycle); docs/config.md, "Metering", says what that does to the
    /// power factor. Busy-waits like <see cref="SampledAnalogChannel"/>. Allocates nothing. Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class SampledMainsPair : IMainsSampler
    {
        private readonly IAdcConverter _voltage;
        private readonly IAdcConverter _current;
        private readonly IMicrosecondTimer _timer;

        /// <summary>Pairs <paramref name="voltage"/> with <paramref name="current"/>, spacing pairs on <paramref name="timer"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A converter's full scale is below 1 count.</exception>
        public SampledMainsPair(IAdcConverter voltage, IAdcConverter current, IMicrosecondTimer timer)
        {
            if (voltage == null)
            {
                throw new ArgumentNullException("voltage");
            }

            if (current == null)
            {
                throw new ArgumentNullException("current");
            }

            if (timer == null)
            {
                throw new ArgumentNullException("timer");
            }

            if (voltage.MaxValue < 1 || current.MaxValue < 1)
            {
                throw new ArgumentOutOfRangeException("voltage", "full scale below 1 count");
            }

            _voltage = voltage;
            _current = current;
            _timer = timer;
        }

        /// <summary>Full-scale raw value of the voltage converter in counts.</summary>
        public int VoltageMaxRawCounts
        {
            get { return _voltage.MaxValue; }
        }

        /// <summary>Full-scale raw value of the current converter in counts.</summary>
        public int CurrentMaxRawCounts
        {
            get { return _current.MaxValue; }
        }

        /// <summary>Takes <paramref name="pairs"/> pairs, pair k at <c>k * pairPeriodUs</c> after the first. Allocates nothing.</summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The count or period is negative, or a buffer is too small.</exception>
        public void ReadInterleaved(int[] voltage, int[] current, int pairs, int pairPeriodUs)
        {
            if (voltage == null)
            {
                throw new ArgumentNullException("voltage");
            }

            if (current == null)
            {
                throw new ArgumentNullException("current");
            }

            if (pairs < 0 || pairs > voltage.Length || pairs > current.Length)
            {
                throw new ArgumentOutOfRangeException("pairs");
            }

            if (pairPeriodUs < 0)
            {
                throw new ArgumentOutOfRangeException("pairPeriodUs");
            }

            long startUs = _timer.NowUs;
            for (int k = 0; k < pairs; k++)
            {
                long dueUs = (long)k * pairPeriodUs;
                while (_timer.NowUs - startUs < dueUs)
                {
                    // busy-wait: see SampledAnalogChannel
                }

                voltage[k] = Clamp(_voltage.ReadValue(), _voltage.MaxValue);
                current[k] = Clamp(_current.ReadValue(), _current.MaxValue);
            }
        }

        private static int Clamp(int counts, int max)
        {
            if (counts < 0)
            {
                return 0;
            }

            return counts > max ? max : counts;
        }
    }
}
