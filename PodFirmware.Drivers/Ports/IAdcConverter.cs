namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// One opened ADC input as the hardware reports it: one conversion per call, unclamped. The portable
    /// <c>SampledAnalogChannel</c> turns it into an <see cref="IAnalogChannel"/> (clamping, burst timing).
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IAdcConverter
    {
        /// <summary>The converter's full-scale value in counts (4095 at 12 bits).</summary>
        int MaxValue { get; }

        /// <summary>Converts once and returns the raw counts as the driver gives them (not clamped).</summary>
        int ReadValue();
    }
}
