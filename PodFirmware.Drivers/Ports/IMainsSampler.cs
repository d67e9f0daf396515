namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The mains voltage and the charging current sampled together: one burst of sample pairs, each pair taken (as near
    /// as the hardware allows) at the same instant, so the same burst gives both RMS values and the real power.
    /// Raw counts only; the conversion lives in <c>Sensors.MainsMeter</c>.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IMainsSampler
    {
        /// <summary>Full-scale raw value of the voltage channel in counts (4095 at 12 bits).</summary>
        int VoltageMaxRawCounts { get; }

        /// <summary>Full-scale raw value of the current channel in counts.</summary>
        int CurrentMaxRawCounts { get; }

        /// <summary>
        /// Reads <paramref name="pairs"/> pairs spaced <paramref name="pairPeriodUs"/> apart: the voltage sample of pair k into
        /// <paramref name="voltage"/>[k], then the current sample into <paramref name="current"/>[k]. Allocates nothing.
        /// </summary>
        /// <param name="voltage">Caller-owned buffer of at least <paramref name="pairs"/> elements.</param>
        /// <param name="current">Caller-owned buffer of at least <paramref name="pairs"/> elements.</param>
        /// <param name="pairs">Number of pairs to take.</param>
        /// <param name="pairPeriodUs">Spacing between pairs in microseconds.</param>
        void ReadInterleaved(int[] voltage, int[] current, int pairs, int pairPeriodUs);
    }
}
