using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Counters
{
    /// <summary>
    /// The pod's lifetime counters kept on flash: total energy, sessions and charging time, and the same three for one
    /// UTC day ("today"). Crash-consistent like the outbox's sequence mark: every change writes a whole checksummed record
    /// with a rising generation, alternately to the blobs <see cref="BlobA"/> and <see cref="BlobB"/>, so a write cut by a
    /// power loss or a record damaged later leaves the other copy, one change older, and <see cref="Restore"/> takes the
    /// newest intact one.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Record (<see cref="RecordLength"/> bytes, little-endian):
    /// <code>
    /// 0  'L' 'C'            magic
    /// 2  1                  format version
    /// 3  0                  reserved
    /// 4  generation         int64, rises by 1 with every write
    /// 12 totalEnergyMilliWh int64
    /// 20 totalSessions      int32
    /// 24 totalChargingMs    int64
    /// 32 day                int32, UTC days since 1970-01-01 of the day figures; -1 none yet
    /// 36 dayEnergyMilliWh   int64
    /// 44 daySessions        int32
    /// 48 dayChargingMs      int64
    /// 56 crc32              uint32, CRC-32 (IEEE) of bytes 0 to 55
    /// </code>
    /// </para>
    /// <para>Allocates only at construction. Not thread-safe: one owner (the messaging side); the figures are read as plain fields.</para>
    /// </remarks>
    public sealed class LifetimeCounters
    {
        /// <summary>First of the two blobs holding the record.</summary>
        public const string BlobA = "counters-0";

        /// <summary>Second of the two blobs holding the record.</summary>
        public const string BlobB = "counters-1";

        /// <summary>Length of one record in bytes.</summary>
        public const int RecordLength = 60;

        /// <summary>Seconds in one UTC day.</summary>
        public const long SecondsPerDay = 86400;

        private const byte Version = 1;

        private readonly IBlobStore _store;

        // Twice the record, so a longer blob reads as too long rather than as a valid-looking prefix.
        private readonly byte[] _record = new byte[RecordLength * 2];
        private long _generation;

        /// <summary>Binds the counters to <paramref name="store"/>; all figures are 0 until <see cref="Restore"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
        public LifetimeCounters(IBlobStore store)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            _store = store;
            Day = -1;
        }

        /// <summary>Energy delivered over the pod's life, mWh.</summary>
        public long TotalEnergyMilliWh { get; private set; }

        /// <summary>Charging sessions finished over the pod's life.</summary>
        public int TotalSessions { get; private set; }

        /// <summary>Time spent in sessions over the pod's life (start to stop, suspended time included), ms.</summary>
        public long TotalChargingMs { get; private set; }

        /// <summary>The UTC day (days since 1970-01-01) the day figures belong to; -1 before any session stopped with a valid UTC.</summary>
        public int Day { get; private set; }

        /// <summary>Energy of the sessions that stopped on <see cref="Day"/>, mWh.</summary>
        public long DayEnergyMilliWh { get; private set; }

        /// <summary>Sessions that stopped on <see cref="Day"/>.</summary>
        public int DaySessions { get; private set; }

        /// <summary>Time of the sessions that stopped on <see cref="Day"/>, ms.</summary>
        public long DayChargingMs { get; private set; }

        /// <summary>Blobs found damaged (wrong length, magic, version or checksum) by <see cref="Restore"/> since construction.</summary>
        public int DamagedCount { get; private set; }

        /// <summary>Store exceptions met since construction (reads and writes); a failed write keeps the figures in RAM.</summary>
        public int StoreFailureCount { get; private set; }

        /// <summary>
        /// Loads the newest intact record of the two blobs (highest generation); with none, every figure stays 0. A blob that
        /// is present but not intact is counted in <see cref="DamagedCount"/> and left for the next write to replace.
        /// </summary>
        public void Restore()
        {
            long best = -1;
            for (int copy = 0; copy < 2; copy++)
            {
                int length;
                try
                {
                    length = _store.Read(copy == 0 ? BlobA : BlobB, _record);
                }
                catch (Exception)
                {
                    StoreFailureCount++;
                    continue;
                }

                if (length == -1)
                {
                    continue;
                }

                // Any other negative length is a blob too long for the buffer: damaged like a bad checksum.
                if (!IsIntact(_record, length))
                {
                    DamagedCount++;
                    continue;
                }

                long generation = ReadInt64(_record, 4);
                if (generation > best)
                {
                    best = generation;
                    TotalEnergyMilliWh = ReadInt64(_record, 12);
                    TotalSessions = ReadInt32(_record, 20);
                    TotalChargingMs = ReadInt64(_record, 24);
                    Day = ReadInt32(_record, 32);
                    DayEnergyMilliWh = ReadInt64(_record, 36);
                    DaySessions = ReadInt32(_record, 44);
                    DayChargingMs = ReadInt64(_record, 48);
                }
            }

            _generation = best < 0 ? 0 : best;
        }

        /// <summary>
        /// Counts one finished session and writes the record. The session counts towards the day of
        /// <paramref name="stopUtcS"/> (the day figures restart when that day differs from <see cref="Day"/>); a session
        /// stopped while the pod had no valid UTC (<paramref name="stopUtcS"/> 0 or less) counts in the totals only.
        /// Negative energy or duration counts as 0. Allocates nothing.
        /// </summary>
        /// <param name="energyMilliWh">Energy the session delivered, mWh.</param>
        /// <param name="durationMs">Start to stop, ms.</param>
        /// <param name="stopUtcS">UTC of the stop, s since 1970-01-01; 0 when unknown.</param>
        /// <returns><c>false</c> when the record could not be written (counted in <see cref="StoreFailureCount"/>).</returns>
        public bool AddSession(long energyMilliWh, long durationMs, long stopUtcS)
        {
            long energy = energyMilliWh > 0 ? energyMilliWh : 0;
            long duration = durationMs > 0 ? durationMs : 0;
            TotalEnergyMilliWh += energy;
            TotalSessions++;
            TotalChargingMs += duration;
            if (stopUtcS > 0)
            {
                int day = (int)(stopUtcS / SecondsPerDay);
                if (day != Day)
                {
                    Day = day;
                    DayEnergyMilliWh = 0;
                    DaySessions = 0;
                    DayChargingMs = 0;
                }

                DayEnergyMilliWh += energy;
                DaySessions++;
                DayChargingMs += duration;
            }

            return Persist();
        }

        /// <summary><c>true</c> when the day figures belong to the UTC day of <paramref name="nowUtcS"/> (s since 1970; 0 or less: unknown, false).</summary>
        public bool IsToday(long nowUtcS)
        {
            return nowUtcS > 0 && Day >= 0 && nowUtcS / SecondsPerDay == Day;
        }

        private bool Persist()
        {
            _generation++;
            byte[] r = _record;
            r[0] = (byte)'L';
            r[1] = (byte)'C';
            r[2] = Version;
            r[3] = 0;
            WriteInt64(r, 4, _generation);
            WriteInt64(r, 12, TotalEnergyMilliWh);
            WriteInt64(r, 20, TotalSessions);
            WriteInt64(r, 24, TotalChargingMs);
            WriteInt64(r, 32, Day);
            WriteInt64(r, 36, DayEnergyMilliWh);
            WriteInt64(r, 44, DaySessions);
            WriteInt64(r, 48, DayChargingMs);
            WriteInt64(r, 56, Crc(r, 56));
            try
            {
                // Odd generations go to A, even to B: the copy overwritten is always the older one.
                _store.Write((_generation & 1) != 0 ? BlobA : BlobB, r, RecordLength);
                return true;
            }
            catch (Exception)
            {
                StoreFailureCount++;
                return false;
            }
        }

        private static bool IsIntact(byte[] r, int length)
        {
            return length == RecordLength && r[0] == (byte)'L' && r[1] == (byte)'C' && r[2] == Version &&
                   (uint)ReadInt32(r, 56) == Crc(r, 56) && ReadInt64(r, 4) >= 0;
        }

        /// <summary>CRC-32 (IEEE, zlib) of <paramref name="r"/>[0..<paramref name="count"/>).</summary>
        private static uint Crc(byte[] r, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= r[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }

        // Writes the low bytes of value; an int32 field is written as 8 and its upper 4 overwritten by the next field.
        private static void WriteInt64(byte[] b, int offset, long value)
        {
            int end = offset + 8 > RecordLength ? RecordLength : offset + 8;
            for (int i = offset; i < end; i++)
            {
                b[i] = (byte)value;
                value >>= 8;
            }
        }

        private static long ReadInt64(byte[] b, int offset)
        {
            long value = 0;
            for (int i = 7; i >= 0; i--)
            {
                value = (value << 8) | b[offset + i];
            }

            return value;
        }

        private static int ReadInt32(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24);
        }
    }
}
