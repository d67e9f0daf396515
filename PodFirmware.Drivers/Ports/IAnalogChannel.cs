namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// One ADC input as raw counts. The conversion to engineering units lives in the sensor
    /// drivers, never in the channel, so a simulated twin and the real ADC share that code.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IAnalogChannel
    {
        /// <summary>Full-scale raw value in counts (for a 12-bit ADC, 4095).</summary>
        int MaxRawCounts { get; }

        /// <summary>Reads one sample in counts, 0 to <see cref="MaxRawCounts"/>.</summary>
        int ReadRawCounts();

        /// <summary>
        /// Reads <paramref name="count"/> samples spaced <paramref name="samplePeriodUs"/> apart
        /// into <paramref name="samples"/>, starting at index 0. Allocates nothing.
        /// </summary>
        /// <param name="samples">Caller-owned buffer of at least <paramref name="count"/> elements.</param>
        /// <param name="count">Number of samples to take.</param>
        /// <param name="samplePeriodUs">Spacing between samples in microseconds.</param>
        void ReadBurst(int[] samples, int count, int samplePeriodUs);
    }
}
