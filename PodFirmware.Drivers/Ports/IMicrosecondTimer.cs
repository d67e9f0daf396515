namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// A free-running microsecond counter for spacing ADC samples closer than a millisecond. The device
    /// reads the ESP32's 64-bit hardware timer; tests advance it by hand.
    /// </summary>
    /// <remarks>Safe to read from any thread.</remarks>
    public interface IMicrosecondTimer
    {
        /// <summary>Microseconds since an arbitrary start; monotonic, never wraps in practice (64 bits).</summary>
        long NowUs { get; }
    }
}
