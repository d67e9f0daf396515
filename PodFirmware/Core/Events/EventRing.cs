using System;
using PodFirmware.Core.Concurrency;

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
    /// may be reading and never blocks the tick. <see cref="ReservedForProtected"/> slots are kept for the
    /// protected kinds (<see cref="IsProtectedKind"/>: alarm, fire_risk, all_clear, fault_cleared, the session
    /// record and command results, which the pod promises to deliver): other kinds are dropped once only the
    /// reserve is free, so a burst of status, lock or relay events cannot crowd out an alarm or a record.
    /// Protected events are dropped only when the whole ring is full (<see cref="DroppedProtectedCount"/>).
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
        private readonly int _reservedForProtected;

        // Indices into _slots (length capacity + 1: one slot always stays empty so full and empty differ).
        // The hand-over of slots between the tick and the messaging thread.
        private readonly SpscCursor _cursor;

        private int _spaceNumber;
        private int _droppedCount;
        private int _droppedProtectedCount;

        /// <summary>Creates a ring holding up to <paramref name="capacity"/> events, all preallocated now.</summary>
        /// <param name="capacity">Most events held at once; at least 1.</param>
        /// <param name="reservedForProtected">Slots only protected kinds may use; 0 to <paramref name="capacity"/> - 1.</param>
        /// <exception cref="ArgumentOutOfRangeException">When either count is out of range.</exception>
        public EventRing(int capacity, int reservedForProtected)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            if (reservedForProtected < 0 || reservedForProtected >= capacity)
            {
                throw new ArgumentOutOfRangeException("reservedForProtected", "0 to capacity - 1");
            }

            _capacity = capacity;
            _cursor = new SpscCursor(capacity);
            _reservedForProtected = reservedForProtected;
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

        /// <summary>Slots that only protected kinds (<see cref="IsProtectedKind"/>) may fill.</summary>
        public int ReservedForProtected
        {
            get { return _reservedForProtected; }
        }

        /// <summary>
        /// Producer only: the parking space the pod stands at now (0 while undocked), set by the tick every tick. An event
        /// written with <see cref="PodEvent.SpaceNumber"/> 0 gets this one, so producers that do not know the space (locks,
        /// heartbeat) still name it.
        /// </summary>
        public int SpaceNumber
        {
            get { return _spaceNumber; }
            set { _spaceNumber = value; }
        }

        /// <summary>Events waiting to be taken. Exact on either owning thread when the other is idle; a snapshot otherwise.</summary>
        public int Count
        {
            get { return _cursor.Count; }
        }

        /// <summary>Events of any kind dropped because the ring was full for them, since construction. Written by the producer; readable anywhere.</summary>
        public int DroppedCount
        {
            get { return _droppedCount; }
        }

        /// <summary>Protected-kind events dropped because even the reserve was full, since construction. Included in <see cref="DroppedCount"/>.</summary>
        public int DroppedProtectedCount
        {
            get { return _droppedProtectedCount; }
        }

        /// <summary>
        /// <c>true</c> for the kinds the reserve protects, those the pod stores and delivers: alarm, fire_risk, all_clear,
        /// fault_cleared, session (the record) and command_result.
        /// </summary>
        public static bool IsProtectedKind(EventKind kind)
        {
            return kind == EventKind.Alarm || kind == EventKind.FireRisk || kind == EventKind.AllClear || kind == EventKind.FaultCleared ||
                   kind == EventKind.Session || kind == EventKind.CommandResult;
        }

        /// <summary>
        /// Producer only: copies <paramref name="source"/> into the next free slot. Returns <c>false</c> and counts
        /// a drop when there is no room for its kind. Never blocks; allocates nothing; the caller keeps <paramref name="source"/>.
        /// </summary>
        public bool TryWrite(PodEvent source)
        {
            bool isProtected = IsProtectedKind(source.Kind);
            int slot = _cursor.FreeSlot(isProtected ? _capacity : _capacity - _reservedForProtected);
            if (slot < 0)
            {
                _droppedCount++;
                if (isProtected)
                {
                    _droppedProtectedCount++;
                }

                return false;
            }

            PodEvent written = _slots[slot];
            written.CopyFrom(source);
            if (written.SpaceNumber == 0)
            {
                written.SpaceNumber = _spaceNumber;
            }

            _cursor.Publish();
            return true;
        }

        /// <summary>
        /// Consumer only: moves the oldest event into <paramref name="into"/>; <c>false</c> (and <paramref name="into"/>
        /// untouched) when the ring is empty. Events come out in the order they were written. Allocates nothing.
        /// </summary>
        public bool TryTake(PodEvent into)
        {
            int slot = _cursor.OldestSlot();
            if (slot < 0)
            {
                return false;
            }

            into.CopyFrom(_slots[slot]);
            _slots[slot].Clear();
            _cursor.Release();
            return true;
        }
    }
}
