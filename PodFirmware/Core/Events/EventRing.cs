using System;
using System.Threading;

namespace PodFirmware.Core.Events
{
    /// <summary>
    /// A fixed-size queue of <see cref="PodEvent"/>s between one producer (the control tick) and one
    /// consumer (the messaging pump). Every slot is allocated at construction and filled in place, so
    /// writing and taking allocate nothing, and neither side ever blocks or locks.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Overflow: a full ring drops the NEW event and counts it; it never overwrites an event the consumer
    /// may be reading and never blocks the tick. <see cref="ReservedForSafety"/> slots are kept for the
    /// safety kinds (<see cref="IsSafetyKind"/>: alarm, fire_risk, all_clear, fault_cleared): other kinds
    /// are dropped once only the reserve is free, so a burst of status or session events cannot crowd out
    /// an alarm. Safety events are dropped only when the whole ring is full (<see cref="DroppedSafetyCount"/>).
    /// </para>
    /// <para>
    /// Thread-safety: exactly one thread may call <see cref="TryWrite"/> and exactly one (possibly other)
    /// thread may call <see cref="TryTake"/>. The producer owns the write index, the consumer the read
    /// index; each publishes its index with a full fence only after the slot is filled or emptied.
    /// </para>
    /// </remarks>
    public sealed class EventRing
    {
        private readonly PodEvent[] _slots;
        private readonly int _capacity;
        private readonly int _reservedForSafety;

        // Indices into _slots (length capacity + 1: one slot always stays empty so full and empty differ).
        // Each side reads the other's index and publishes its own through Interlocked (a full fence), so a
        // slot's fields are visible before the index that hands the slot over. Not `volatile`: its
        // IsVolatile modifier is absent from nanoFramework v1, whereas Interlocked exists on both builds.
        private int _writeIndex;
        private int _readIndex;

        private int _droppedCount;
        private int _droppedSafetyCount;

        /// <summary>Creates a ring holding up to <paramref name="capacity"/> events, all preallocated now.</summary>
        /// <param name="capacity">Most events held at once; at least 1.</param>
        /// <param name="reservedForSafety">Slots only safety kinds may use; 0 to <paramref name="capacity"/> - 1.</param>
        /// <exception cref="ArgumentOutOfRangeException">When either count is out of range.</exception>
        public EventRing(int capacity, int reservedForSafety)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            if (reservedForSafety < 0 || reservedForSafety >= capacity)
            {
                throw new ArgumentOutOfRangeException("reservedForSafety", "0 to capacity - 1");
            }

            _capacity = capacity;
            _reservedForSafety = reservedForSafety;
            _slots = new PodEvent[capacity + 1];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new PodEvent();
            }
        }

        /// <summary>Most events held at once.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Slots that only safety kinds (<see cref="IsSafetyKind"/>) may fill.</summary>
        public int ReservedForSafety
        {
            get { return _reservedForSafety; }
        }

        /// <summary>Events waiting to be taken. Exact on either owning thread when the other is idle; a snapshot otherwise.</summary>
        public int Count
        {
            get { return Used(Load(ref _writeIndex), Load(ref _readIndex)); }
        }

        /// <summary>Events of any kind dropped because the ring was full for them, since construction. Written by the producer; readable anywhere.</summary>
        public int DroppedCount
        {
            get { return _droppedCount; }
        }

        /// <summary>Safety-kind events dropped because even the reserve was full, since construction. Included in <see cref="DroppedCount"/>.</summary>
        public int DroppedSafetyCount
        {
            get { return _droppedSafetyCount; }
        }

        /// <summary><c>true</c> for the kinds the reserve protects: alarm, fire_risk, all_clear and fault_cleared.</summary>
        public static bool IsSafetyKind(EventKind kind)
        {
            return kind == EventKind.Alarm || kind == EventKind.FireRisk || kind == EventKind.AllClear || kind == EventKind.FaultCleared;
        }

        /// <summary>
        /// Producer only: copies <paramref name="source"/> into the next free slot. Returns <c>false</c> and counts
        /// a drop when there is no room for its kind. Never blocks; allocates nothing; the caller keeps <paramref name="source"/>.
        /// </summary>
        public bool TryWrite(PodEvent source)
        {
            int write = _writeIndex;
            bool safety = IsSafetyKind(source.Kind);
            int room = safety ? _capacity : _capacity - _reservedForSafety;
            if (Used(write, Load(ref _readIndex)) >= room)
            {
                _droppedCount++;
                if (safety)
                {
                    _droppedSafetyCount++;
                }

                return false;
            }

            _slots[write].CopyFrom(source);
            Interlocked.Exchange(ref _writeIndex, Next(write));
            return true;
        }

        /// <summary>
        /// Consumer only: moves the oldest event into <paramref name="into"/>; <c>false</c> (and <paramref name="into"/>
        /// untouched) when the ring is empty. Events come out in the order they were written. Allocates nothing.
        /// </summary>
        public bool TryTake(PodEvent into)
        {
            int read = _readIndex;
            if (read == Load(ref _writeIndex))
            {
                return false;
            }

            into.CopyFrom(_slots[read]);
            _slots[read].Clear();
            Interlocked.Exchange(ref _readIndex, Next(read));
            return true;
        }

        private static int Load(ref int index)
        {
            return Interlocked.CompareExchange(ref index, 0, 0);
        }

        private int Next(int index)
        {
            return index == _capacity ? 0 : index + 1;
        }

        private int Used(int write, int read)
        {
            int used = write - read;
            return used < 0 ? used + _capacity + 1 : used;
        }
    }
}
