using System;
using PodFirmware.Core.Concurrency;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// A bounded queue of verified <see cref="Command"/>s from the messaging pump (the only producer) to the
    /// control tick (the only consumer). Every slot is a <see cref="Command"/> allocated at construction and
    /// filled by copying field by field, so enqueueing and taking allocate nothing and never block or lock.
    /// </summary>
    /// <remarks>
    /// Thread-safety: exactly one thread may call <see cref="TryEnqueue"/> and exactly one (possibly other) thread
    /// <see cref="TryTake"/>; the hand-over of each slot is <see cref="SpscCursor"/>'s.
    /// A full queue refuses the new command (the pump answers it <c>busy</c>); nothing queued is ever overwritten.
    /// </remarks>
    public sealed class CommandQueue
    {
        /// <summary>Smallest capacity accepted.</summary>
        public const int MinCapacity = 1;

        /// <summary>Largest capacity accepted.</summary>
        public const int MaxCapacity = 32;

        private readonly Command[] _slots;
        private readonly SpscCursor _cursor;

        /// <summary>Creates a queue holding up to <paramref name="capacity"/> commands, all preallocated now.</summary>
        /// <param name="capacity">Most commands waiting at once, <see cref="MinCapacity"/> to <see cref="MaxCapacity"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is out of range.</exception>
        public CommandQueue(int capacity)
        {
            if (capacity < MinCapacity || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "1 to 32");
            }

            _cursor = new SpscCursor(capacity);
            _slots = new Command[capacity + 1];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new Command();
            }
        }

        /// <summary>Most commands held at once.</summary>
        public int Capacity
        {
            get { return _cursor.Capacity; }
        }

        /// <summary>Commands waiting. Exact on either owning thread when the other is idle; a snapshot otherwise.</summary>
        public int Count
        {
            get { return _cursor.Count; }
        }

        /// <summary>
        /// Producer only: copies <paramref name="source"/> into the next free slot. Returns <c>false</c> (nothing copied)
        /// when the queue is full. Allocates nothing; the caller keeps <paramref name="source"/>.
        /// </summary>
        public bool TryEnqueue(Command source)
        {
            int slot = _cursor.FreeSlot(_cursor.Capacity);
            if (slot < 0)
            {
                return false;
            }

            _slots[slot].CopyFrom(source);
            _cursor.Publish();
            return true;
        }

        /// <summary>
        /// Consumer only: moves the oldest command into <paramref name="into"/>; <c>false</c> (and <paramref name="into"/>
        /// untouched) when empty. Commands come out in the order they were enqueued. Allocates nothing.
        /// </summary>
        public bool TryTake(Command into)
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
