namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// Small named blobs that survive a reboot (latched fault, pending alarms and session records).
    /// The device keeps them as files on the internal flash (I:\); the host in a data directory;
    /// tests in memory. A write either completes or leaves the previous content: adapters write
    /// a temporary file and rename it, and readers verify the checksum the caller embeds.
    /// </summary>
    /// <remarks>Not thread-safe: one owner per name.</remarks>
    public interface IBlobStore
    {
        /// <summary>
        /// Copies blob <paramref name="name"/> into <paramref name="buffer"/>; returns its length in bytes,
        /// or -1 when there is no such blob. A blob longer than the buffer is an error (returns -2).
        /// </summary>
        int Read(string name, byte[] buffer);

        /// <summary>Replaces blob <paramref name="name"/> with the first <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        void Write(string name, byte[] data, int length);

        /// <summary>Removes blob <paramref name="name"/>; no error when it does not exist.</summary>
        void Delete(string name);
    }
}
