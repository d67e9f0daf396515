namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The few file operations the portable <c>FileBlobStore</c> needs, over one directory (the
    /// device's <c>I:\pod</c>, a data directory on the host). Names are plain file names inside that
    /// directory; the store validates them before they get here. The crash-consistent write protocol is
    /// the store's, not the adapter's: an adapter only does what each call says.
    /// </summary>
    /// <remarks>Not thread-safe: one owner (the store).</remarks>
    public interface IBlobFiles
    {
        /// <summary><c>true</c> when file <paramref name="name"/> exists.</summary>
        bool Exists(string name);

        /// <summary>
        /// Copies file <paramref name="name"/> into <paramref name="buffer"/>; returns its length in bytes,
        /// or -2 when the file is longer than the buffer. The file must exist.
        /// </summary>
        int ReadAll(string name, byte[] buffer);

        /// <summary>
        /// Creates or truncates file <paramref name="name"/>, writes the first <paramref name="length"/>
        /// bytes of <paramref name="data"/> and flushes them before returning.
        /// </summary>
        void WriteAll(string name, byte[] data, int length);

        /// <summary>Removes file <paramref name="name"/> when it exists; no error otherwise.</summary>
        void Delete(string name);

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>; <paramref name="to"/> must not exist.</summary>
        void Move(string from, string to);
    }
}
