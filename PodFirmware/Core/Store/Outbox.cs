using System;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Store
{
    /// <summary>
    /// The store-first outbox: a fixed set of slots, one blob per record (<c>outbox-00</c> ..), written before a
    /// record is published and deleted only once the broker acknowledged it, so alarms and session records survive
    /// a lost link and a reboot. Bounded: when every slot is taken the lowest-ranked oldest record gives way
    /// (telemetry first, see <see cref="OutboxRecordFormat.Rank"/>) and every loss is counted. Sequence numbers are
    /// unique for the pod's lifetime, across reboots and even after every record was removed (docs/store.md).
    /// </summary>
    /// <remarks>
    /// Not thread-safe: owned by the messaging thread, never touched by the control tick. Buffers are allocated at
    /// construction; <see cref="Append"/>, <see cref="Remove"/> and <see cref="TryGetNextAfter"/> allocate nothing
    /// beyond what the store adapter does. Store exceptions are caught and counted in <see cref="StoreFailureCount"/>.
    /// </remarks>
    public sealed class Outbox
    {
        /// <summary>Most slots an outbox may have (slot names have two digits).</summary>
        public const int MaxCapacity = 100;

        /// <summary>
        /// Sequence numbers reserved per write of the high-water mark: the mark is persisted once every this many
        /// appends, and a reboot skips what was reserved but not used (a jump of at most this many).
        /// </summary>
        public const int SequenceBlock = 16;

        private const int SeqBlobLength = 16;
        private static readonly string[] SeqBlobNames = { "outbox-seq-0", "outbox-seq-1" };

        private readonly IBlobStore _store;
        private readonly int _maxPayloadBytes;
        private readonly string[] _slotNames;
        private readonly long[] _sequence;
        private readonly RecordKind[] _kind;
        private readonly byte[] _record;
        private readonly byte[] _seqRecord = new byte[SeqBlobLength];
        private int _count;
        private long _next;
        private long _reserved;
        private int _nextSeqBlob;

        /// <summary>
        /// Creates the outbox over <paramref name="store"/> with <paramref name="capacity"/> slots (1 to
        /// <see cref="MaxCapacity"/>) of at most <paramref name="maxPayloadBytes"/> bytes of payload (1 to 65536) and
        /// recovers what a previous boot left there (<see cref="Recover"/>).
        /// </summary>
        public Outbox(IBlobStore store, int capacity, int maxPayloadBytes)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            if (maxPayloadBytes < 1 || maxPayloadBytes > 65536)
            {
                throw new ArgumentOutOfRangeException("maxPayloadBytes");
            }

            _store = store;
            _maxPayloadBytes = maxPayloadBytes;
            _slotNames = new string[capacity];
            _sequence = new long[capacity];
            _kind = new RecordKind[capacity];
            _record = new byte[OutboxRecordFormat.Overhead + maxPayloadBytes];
            for (int i = 0; i < capacity; i++)
            {
                _slotNames[i] = SlotName(i);
            }

            LastDamagedSequence = -1;
            Recover();
        }

        /// <summary>Number of slots.</summary>
        public int Capacity
        {
            get { return _slotNames.Length; }
        }

        /// <summary>Largest payload a record may carry, in bytes.</summary>
        public int MaxPayloadBytes
        {
            get { return _maxPayloadBytes; }
        }

        /// <summary>Records held (written and not yet removed).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary><c>true</c> when every slot holds a record: the next append makes room or is refused.</summary>
        public bool IsFull
        {
            get { return _count == _slotNames.Length; }
        }

        /// <summary>
        /// The sequence number the next successful <see cref="Append"/> assigns. The caller writes it into the
        /// payload (message id <c>{podId}-{sequence}</c>) before appending, so receivers can drop duplicates.
        /// </summary>
        public long NextSequence
        {
            get { return _next; }
        }

        /// <summary>
        /// Alarm, session and command-result records lost to the bound since construction: evicted to make room or
        /// refused because every slot held a record that ranks higher. Non-zero means "say so in status"
        /// (FaultCode.StoreOverflow).
        /// </summary>
        public int OverflowCount { get; private set; }

        /// <summary>Telemetry records evicted or refused because the outbox was full, since construction.</summary>
        public int TelemetryDroppedCount { get; private set; }

        /// <summary>Torn or corrupt slots found (by <see cref="Recover"/> or a later read) and deleted, since construction.</summary>
        public int DiscardedCorruptCount { get; private set; }

        /// <summary>
        /// Of <see cref="DiscardedCorruptCount"/>, the records that were complete once and later failed their checks
        /// (flash bit rot, not a torn write; see <see cref="OutboxRecordFormat.IsTorn"/>), since construction: a stored
        /// message that will never be delivered. Reported as the StoreRecordDamaged warning.
        /// </summary>
        public int DamagedCount { get; private set; }

        /// <summary>The sequence number the latest damaged record still stated (its message id is <c>{podId}-{sequence}</c>); -1 when unreadable or none.</summary>
        public long LastDamagedSequence { get; private set; }

        /// <summary>The kind the latest damaged record still stated; 0 (no kind) when unreadable or none.</summary>
        public RecordKind LastDamagedKind { get; private set; }

        /// <summary>The store the records live in: the messaging side's flash, which also holds its other small records (the replay horizon).</summary>
        public IBlobStore Store
        {
            get { return _store; }
        }

        /// <summary>Store reads, writes or deletes that threw, since construction; a failed append keeps nothing.</summary>
        public int StoreFailureCount { get; private set; }

        /// <summary>
        /// Rebuilds the slot index from the store: keeps every valid record, deletes and counts torn or corrupt ones
        /// (and a second record claiming a sequence already seen), and resumes sequence numbers after both the
        /// highest record found and the persisted high-water mark. Called by the constructor.
        /// </summary>
        public void Recover()
        {
            _count = 0;
            long highest = -1;
            for (int slot = 0; slot < _slotNames.Length; slot++)
            {
                _sequence[slot] = -1;
            }

            for (int slot = 0; slot < _slotNames.Length; slot++)
            {
                int length = ReadBlob(_slotNames[slot], _record);
                if (length == -1)
                {
                    continue;
                }

                if (length < 0 || OutboxRecordFormat.Validate(_record, length, _maxPayloadBytes) < 0)
                {
                    Discard(slot, length);
                    continue;
                }

                if (FindSlot(OutboxRecordFormat.SequenceOf(_record)) >= 0)
                {
                    // a second copy of a record held: nothing is missing
                    Discard(slot, -1);
                    continue;
                }

                _sequence[slot] = OutboxRecordFormat.SequenceOf(_record);
                _kind[slot] = OutboxRecordFormat.KindOf(_record);
                _count++;
                if (_sequence[slot] > highest)
                {
                    highest = _sequence[slot];
                }
            }

            long mark0 = ReadMark(0);
            long mark1 = ReadMark(1);
            _reserved = mark0 > mark1 ? mark0 : mark1;
            // Sequences start at 1 on a fresh store, so 0 never names a message.
            if (_reserved < 1)
            {
                _reserved = 1;
            }

            // Overwrite the older (or unreadable) copy next, so a torn mark write always leaves the newer one intact.
            _nextSeqBlob = mark0 > mark1 ? 1 : 0;
            _next = highest + 1 > _reserved ? highest + 1 : _reserved;
        }

        /// <summary>
        /// Stores a record of <paramref name="kind"/> holding the first <paramref name="length"/> bytes of
        /// <paramref name="payload"/> (0 to <see cref="MaxPayloadBytes"/>) before returning, and gives it
        /// <paramref name="sequence"/> (= the <see cref="NextSequence"/> read before the call). When full, first deletes
        /// the oldest record of the lowest rank held if that rank is not above <paramref name="kind"/>'s, else refuses
        /// the new record; either loss is counted. Returns <c>false</c> with <paramref name="sequence"/> -1 when the record
        /// was refused or the store failed (nothing is kept then).
        /// </summary>
        public bool Append(RecordKind kind, byte[] payload, int length, out long sequence)
        {
            if (length < 0 || length > _maxPayloadBytes || length > payload.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            sequence = -1;
            int slot = FindFreeSlot();
            if (slot < 0)
            {
                int victim = FindVictim();
                if (OutboxRecordFormat.Rank(_kind[victim]) > OutboxRecordFormat.Rank(kind))
                {
                    CountLoss(kind);
                    return false;
                }

                CountLoss(_kind[victim]);
                DeleteSlot(victim);
                slot = victim;
            }

            long assigned = _next;
            if (assigned >= _reserved && !WriteMark(assigned + SequenceBlock))
            {
                return false;
            }

            // Consumed even if the write below fails: a partly written record must never share its number.
            _next = assigned + 1;
            int recordLength = OutboxRecordFormat.Encode(_record, kind, assigned, payload, length);
            try
            {
                _store.Write(_slotNames[slot], _record, recordLength);
            }
            catch (Exception)
            {
                StoreFailureCount++;
                TryDelete(_slotNames[slot]);
                return false;
            }

            _sequence[slot] = assigned;
            _kind[slot] = kind;
            _count++;
            sequence = assigned;
            return true;
        }

        /// <summary>
        /// Finds the held record with the smallest sequence above <paramref name="afterSequence"/> (pass -1 for the oldest),
        /// reads it back from the store, checks it and copies its payload into <paramref name="payload"/> (at least
        /// <see cref="MaxPayloadBytes"/> long). A record that no longer reads back intact is deleted, counted in
        /// <see cref="DiscardedCorruptCount"/> and skipped. Returns <c>false</c> when there is none.
        /// </summary>
        public bool TryGetNextAfter(long afterSequence, byte[] payload, out long sequence, out RecordKind kind, out int length)
        {
            while (true)
            {
                int slot = -1;
                for (int i = 0; i < _sequence.Length; i++)
                {
                    if (_sequence[i] > afterSequence && (slot < 0 || _sequence[i] < _sequence[slot]))
                    {
                        slot = i;
                    }
                }

                if (slot < 0)
                {
                    sequence = -1;
                    kind = RecordKind.Telemetry;
                    length = 0;
                    return false;
                }

                int blobLength = ReadBlob(_slotNames[slot], _record);
                int payloadLength = blobLength < 0 ? -1 : OutboxRecordFormat.Validate(_record, blobLength, _maxPayloadBytes);
                if (payloadLength < 0 || OutboxRecordFormat.SequenceOf(_record) != _sequence[slot])
                {
                    _count--;
                    Discard(slot, blobLength);
                    continue;
                }

                Array.Copy(_record, OutboxRecordFormat.HeaderLength, payload, 0, payloadLength);
                sequence = _sequence[slot];
                kind = _kind[slot];
                length = payloadLength;
                return true;
            }
        }

        /// <summary><c>true</c> while the record numbered <paramref name="sequence"/> is held.</summary>
        public bool Contains(long sequence)
        {
            return FindSlot(sequence) >= 0;
        }

        /// <summary>
        /// Deletes the record numbered <paramref name="sequence"/> (after the broker acknowledged it); returns <c>false</c>
        /// when it is not held (already removed or evicted).
        /// </summary>
        public bool Remove(long sequence)
        {
            int slot = FindSlot(sequence);
            if (slot < 0)
            {
                return false;
            }

            DeleteSlot(slot);
            return true;
        }

        private static string SlotName(int slot)
        {
            return "outbox-" + (slot < 10 ? "0" : "") + slot.ToString();
        }

        private int FindSlot(long sequence)
        {
            if (sequence < 0)
            {
                return -1;
            }

            for (int i = 0; i < _sequence.Length; i++)
            {
                if (_sequence[i] == sequence)
                {
                    return i;
                }
            }

            return -1;
        }

        private int FindFreeSlot()
        {
            for (int i = 0; i < _sequence.Length; i++)
            {
                if (_sequence[i] < 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The slot holding the oldest record of the lowest rank; only called when every slot is taken.</summary>
        private int FindVictim()
        {
            int victim = 0;
            for (int i = 1; i < _sequence.Length; i++)
            {
                int rank = OutboxRecordFormat.Rank(_kind[i]);
                int victimRank = OutboxRecordFormat.Rank(_kind[victim]);
                if (rank < victimRank || (rank == victimRank && _sequence[i] < _sequence[victim]))
                {
                    victim = i;
                }
            }

            return victim;
        }

        private void CountLoss(RecordKind kind)
        {
            if (kind == RecordKind.Telemetry)
            {
                TelemetryDroppedCount++;
            }
            else
            {
                OverflowCount++;
            }
        }

        private void DeleteSlot(int slot)
        {
            _sequence[slot] = -1;
            _count--;
            TryDelete(_slotNames[slot]);
        }

        // _record holds the slot's blob (length bytes; negative when it could not be read).
        private void Discard(int slot, int length)
        {
            _sequence[slot] = -1;
            DiscardedCorruptCount++;
            if (length >= 0 && !OutboxRecordFormat.IsTorn(_record, length))
            {
                DamagedCount++;
                LastDamagedSequence = OutboxRecordFormat.SalvageSequence(_record, length);
                LastDamagedKind = OutboxRecordFormat.SalvageKind(_record, length);
            }

            TryDelete(_slotNames[slot]);
        }

        private void TryDelete(string name)
        {
            try
            {
                _store.Delete(name);
            }
            catch (Exception)
            {
                StoreFailureCount++;
            }
        }

        /// <summary>The blob's length, -1 when absent, -2 when too long or unreadable.</summary>
        private int ReadBlob(string name, byte[] buffer)
        {
            try
            {
                return _store.Read(name, buffer);
            }
            catch (Exception)
            {
                StoreFailureCount++;
                return -2;
            }
        }

        /// <summary>The high-water mark in copy <paramref name="index"/>, or -1 when absent or not intact.</summary>
        private long ReadMark(int index)
        {
            int length = ReadBlob(SeqBlobNames[index], _seqRecord);
            if (length != SeqBlobLength || _seqRecord[0] != (byte)'O' || _seqRecord[1] != (byte)'S' ||
                _seqRecord[2] != OutboxRecordFormat.Version ||
                (uint)OutboxRecordFormat.ReadInt32(_seqRecord, 12) != Crc32.Compute(_seqRecord, 0, 12))
            {
                return -1;
            }

            return OutboxRecordFormat.ReadInt64(_seqRecord, 4);
        }

        /// <summary>Persists "no sequence at or above <paramref name="mark"/> was used yet"; <c>false</c> when the store failed.</summary>
        private bool WriteMark(long mark)
        {
            _seqRecord[0] = (byte)'O';
            _seqRecord[1] = (byte)'S';
            _seqRecord[2] = OutboxRecordFormat.Version;
            _seqRecord[3] = 0;
            OutboxRecordFormat.WriteInt64(_seqRecord, 4, mark);
            OutboxRecordFormat.WriteInt32(_seqRecord, 12, (int)Crc32.Compute(_seqRecord, 0, 12));
            try
            {
                _store.Write(SeqBlobNames[_nextSeqBlob], _seqRecord, SeqBlobLength);
            }
            catch (Exception)
            {
                StoreFailureCount++;
                return false;
            }

            _nextSeqBlob = 1 - _nextSeqBlob;
            _reserved = mark;
            return true;
        }
    }
}
