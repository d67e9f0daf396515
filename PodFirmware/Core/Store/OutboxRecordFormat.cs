using PodFirmware.Core.Safety;

namespace PodFirmware.Core.Store
{
    /// <summary>
    /// The byte layout of one outbox slot blob, little-endian, checksummed (docs/store.md):
    /// <code>
    /// 0  'O' 'B'         magic
    /// 2  1               format version
    /// 3  kind            RecordKind
    /// 4  sequence        int64, unique for the pod's lifetime, never reused
    /// 12 payloadLength   int32, 0 to the outbox's maximum payload
    /// 16 payload         payloadLength bytes
    /// 16+n crc32         uint32, CRC-32 of bytes 0 to 15+n
    /// </code>
    /// </summary>
    /// <remarks>Stateless; allocates nothing; safe to call from any thread on distinct buffers.</remarks>
    public static class OutboxRecordFormat
    {
        /// <summary>Bytes before the payload.</summary>
        public const int HeaderLength = 16;

        /// <summary>Bytes of header and checksum together: a record is <c>Overhead + payloadLength</c> bytes long.</summary>
        public const int Overhead = HeaderLength + 4;

        /// <summary>The format version written and accepted.</summary>
        public const byte Version = 1;

        /// <summary>
        /// Writes a record into <paramref name="buffer"/> (at least <see cref="Overhead"/> + <paramref name="length"/> bytes)
        /// and returns its length in bytes.
        /// </summary>
        public static int Encode(byte[] buffer, RecordKind kind, long sequence, byte[] payload, int length)
        {
            buffer[0] = (byte)'O';
            buffer[1] = (byte)'B';
            buffer[2] = Version;
            buffer[3] = (byte)kind;
            WriteInt64(buffer, 4, sequence);
            WriteInt32(buffer, 12, length);
            for (int i = 0; i < length; i++)
            {
                buffer[HeaderLength + i] = payload[i];
            }

            WriteInt32(buffer, HeaderLength + length, (int)Crc32.Compute(buffer, 0, HeaderLength + length));
            return Overhead + length;
        }

        /// <summary>
        /// Checks the record in the first <paramref name="length"/> bytes of <paramref name="buffer"/>: length, magic,
        /// version, known kind, a payload length of at most <paramref name="maxPayloadBytes"/> that matches the blob
        /// length, a non-negative sequence, and the checksum. Returns the payload length, or -1 when any check fails.
        /// </summary>
        public static int Validate(byte[] buffer, int length, int maxPayloadBytes)
        {
            if (length < Overhead || buffer[0] != (byte)'O' || buffer[1] != (byte)'B' || buffer[2] != Version)
            {
                return -1;
            }

            int payloadLength = ReadInt32(buffer, 12);
            if (payloadLength < 0 || payloadLength > maxPayloadBytes || payloadLength != length - Overhead)
            {
                return -1;
            }

            if (buffer[3] < (byte)RecordKind.Alarm || buffer[3] > (byte)RecordKind.Move || ReadInt64(buffer, 4) < 0)
            {
                return -1;
            }

            if ((uint)ReadInt32(buffer, HeaderLength + payloadLength) != Crc32.Compute(buffer, 0, HeaderLength + payloadLength))
            {
                return -1;
            }

            return payloadLength;
        }

        /// <summary>
        /// Whether a blob that <see cref="Validate"/> refused looks cut short by a power loss during its write (a torn
        /// write keeps only a prefix): shorter than the header, or shorter than the payload length its header states.
        /// Any other refused blob was complete once and changed afterwards (flash bit rot). A flip that raises the
        /// stated length also looks torn: the two cannot be told apart then.
        /// </summary>
        public static bool IsTorn(byte[] buffer, int length)
        {
            return length < HeaderLength || ReadInt32(buffer, 12) > length - Overhead;
        }

        /// <summary>The sequence number a damaged (not torn) blob still states, or -1 when it is negative or the blob is too short.</summary>
        public static long SalvageSequence(byte[] buffer, int length)
        {
            if (length < HeaderLength)
            {
                return -1;
            }

            long sequence = ReadInt64(buffer, 4);
            return sequence < 0 ? -1 : sequence;
        }

        /// <summary>The kind a damaged blob still states, or 0 (no kind) when its kind byte is not a known kind.</summary>
        public static RecordKind SalvageKind(byte[] buffer, int length)
        {
            if (length < 4 || buffer[3] < (byte)RecordKind.Alarm || buffer[3] > (byte)RecordKind.Move)
            {
                return (RecordKind)0;
            }

            return (RecordKind)buffer[3];
        }

        /// <summary>The kind of a record <see cref="Validate"/> accepted.</summary>
        public static RecordKind KindOf(byte[] buffer)
        {
            return (RecordKind)buffer[3];
        }

        /// <summary>The sequence number of a record <see cref="Validate"/> accepted.</summary>
        public static long SequenceOf(byte[] buffer)
        {
            return ReadInt64(buffer, 4);
        }

        /// <summary>
        /// How hard a kind is kept when the outbox is full, higher is kept longer: telemetry 0, command result 1,
        /// alarm, session and move 2.
        /// </summary>
        public static int Rank(RecordKind kind)
        {
            if (kind == RecordKind.Telemetry)
            {
                return 0;
            }

            return kind == RecordKind.CommandResult ? 1 : 2;
        }

        /// <summary>Writes <paramref name="value"/> little-endian at <paramref name="offset"/>.</summary>
        public static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a little-endian int32 at <paramref name="offset"/>.</summary>
        public static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        /// <summary>Writes <paramref name="value"/> little-endian at <paramref name="offset"/>.</summary>
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, (int)value);
            WriteInt32(buffer, offset + 4, (int)(value >> 32));
        }

        /// <summary>Reads a little-endian int64 at <paramref name="offset"/>.</summary>
        public static long ReadInt64(byte[] buffer, int offset)
        {
            return (uint)ReadInt32(buffer, offset) | ((long)ReadInt32(buffer, offset + 4) << 32);
        }
    }
}
