namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// An RFID card reader at the pod (the MFRC522 on the board, <c>SimulatedCardReader</c> on the host): it only reads the
    /// UID of an ISO/IEC 14443 A card in its field. Debouncing, rate limiting, hashing and what a read does are decided in
    /// portable code (<c>CardGate</c>, <c>CardDesk</c>).
    /// </summary>
    /// <remarks>Not thread-safe: owned by the messaging thread, which polls it.</remarks>
    public interface ICardReader
    {
        /// <summary>
        /// Looks for a card in the field once and copies its UID (4, 7 or 10 bytes) into <paramref name="uid"/>.
        /// </summary>
        /// <param name="uid">Caller-owned buffer of at least <c>CardGate.MaxUidBytes</c> (10) bytes.</param>
        /// <returns>The UID's length in bytes, or 0 when no card answered.</returns>
        int ReadUid(byte[] uid);
    }
}
