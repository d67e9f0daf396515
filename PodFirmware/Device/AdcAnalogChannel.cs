using System;
using System.Device.Adc;
using nanoFramework.Hardware.Esp32;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IAnalogChannel"/> over one nanoFramework <see cref="AdcChannel"/>: raw counts only,
    /// conversion to engineering units stays in the sensor drivers.
    /// </summary>
    /// <remarks>
    /// <para>
    /// ESP32 channel numbers are nanoFramework's logical ones, not GPIO numbers: 0 to 7 are ADC1
    /// (0 = GPIO36, 3 = GPIO39, 4 = GPIO32, 5 = GPIO33, 6 = GPIO34, 7 = GPIO35), 10 to 19 are ADC2,
    /// which the ESP32 cannot sample while Wi-Fi is on. The native driver opens channels with 12-bit
    /// width and 11/12 dB attenuation (about 0 to 3.1 V full scale).
    /// </para>
    /// <para>Not thread-safe: owned by the control tick, like the port.</para>
    /// </remarks>
    public sealed class AdcAnalogChannel : IAnalogChannel
    {
        private readonly AdcChannel _channel;
        private readonly int _maxRawCounts;

        /// <summary>Opens logical ADC channel <paramref name="channelNumber"/> of <paramref name="controller"/>.</summary>
        /// <param name="controller">The board's ADC controller.</param>
        /// <param name="channelNumber">Logical channel number (see remarks).</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        public AdcAnalogChannel(AdcController controller, int channelNumber)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _maxRawCounts = controller.MaxValue;
            _channel = controller.OpenChannel(channelNumber);
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
            int counts = _channel.ReadValue();

            if (counts < 0)
            {
                return 0;
            }

            return counts > _maxRawCounts ? _maxRawCounts : counts;
        }

        /// <summary>
        /// Takes <paramref name="count"/> samples, sample <c>i</c> at <c>i * samplePeriodUs</c>
        /// microseconds after the first, into <paramref name="samples"/>. Blocks the caller for about
        /// <c>(count - 1) * samplePeriodUs</c> microseconds; allocates nothing.
        /// </summary>
        /// <param name="samples">Caller-owned buffer of at least <paramref name="count"/> elements.</param>
        /// <param name="count">Number of samples to take.</param>
        /// <param name="samplePeriodUs">Spacing between samples in microseconds; 0 samples back to back.</param>
        /// <remarks>
        /// The device has no microsecond sleep (Thread.Sleep takes milliseconds), so the spacing is a
        /// busy-wait. It spins on the ESP32 microsecond timer (<see cref="HighResTimer.GetCurrent"/>),
        /// not on Stopwatch ticks: nanoFramework's Stopwatch is Environment.TickCount64 in
        /// milliseconds scaled to ticks, so spinning on it could not space samples closer than 1 ms.
        /// Deadlines are absolute from the first sample, so one late sample does not shift the rest.
        /// A period shorter than one conversion plus the interpreter's overhead (tens of
        /// microseconds) degrades to back-to-back sampling, and a burst that outlasts the managed
        /// scheduler's time slice (about 20 ms) can be preempted by other threads: keep bursts short.
        /// </remarks>
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

            ulong startUs = HighResTimer.GetCurrent();

            for (int i = 0; i < count; i++)
            {
                ulong dueUs = (ulong)i * (ulong)samplePeriodUs;

                while (HighResTimer.GetCurrent() - startUs < dueUs)
                {
                    // spin: see remarks
                }

                samples[i] = ReadRawCounts();
            }
        }
    }
}
