namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The receive side of an opened UART (the GNSS receiver's): what the driver has buffered, read
    /// without blocking.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface ISerialInput
    {
        /// <summary>Bytes the driver holds now, ready to read without waiting.</summary>
        int BytesToRead { get; }

        /// <summary>
        /// Copies up to <paramref name="count"/> buffered bytes into <paramref name="buffer"/> at
        /// <paramref name="offset"/>; returns how many were copied (0 when none).
        /// </summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
