namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// One digital input (relay mirror contact, lock position, dock, plug). <c>true</c> means
    /// the sensed condition is active; the adapter hides the pin's polarity and pull.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IDigitalInput
    {
        /// <summary>Reads the input now; <c>true</c> when the sensed condition is active.</summary>
        bool Read();
    }
}
