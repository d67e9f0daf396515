namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// The byte stream a technician types into and reads from: the UART on the board (115200 8N1), stdin/stdout on
    /// the host. Used only by the console thread.
    /// </summary>
    public interface IConsolePort
    {
        /// <summary>
        /// Copies up to <paramref name="count"/> received bytes into <paramref name="buffer"/> at <paramref name="offset"/>;
        /// returns how many, 0 when none arrived within the port's short read timeout, or -1 when the stream has ended
        /// (host stdin closed).
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends <paramref name="text"/> as UTF-8, as is (the caller adds line ends).</summary>
        void Write(string text);
    }
}
