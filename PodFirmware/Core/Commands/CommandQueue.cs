using System;
using System.Threading;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// A bounded queue of verified <see cref="Command"/>s from the messaging pump (the only producer) to the
    /// control tick (the only consumer). Every slot is a <see cref="Command"/> allocated at construction and
    /// filled by copying field by field, so enqueueing and taking allocate nothing and never block or lock.
    /// </summary>
    /// <remarks>
    /// Thread-safety: exactly one thread may call <see cref="TryEnqueue"/> and exactly one (possibly other) thread
    /// <see cref="TryTake"/>. Each side publishes its index through <see cref="Interlocked"/> (a full fence) only after
    /// the slot is filled or emptied; <c>volatile</c> is not used because nanoFramework v1 lacks its modifier.
    /// A full queue refuses the new command (the pump answers it <c>busy</c>); nothing queued is ever overwritten.
    /// </remarks>
    public sealed class CommandQueue
    {
        /// <summary>Smallest capacity accepted.</summary>
        public const int MinCapacity = 1;

        /// <summary>Largest capacity accepted.</summary>
        public const int MaxCapacity = 32;

        private readonly Command[] _slots;
        private readonly int _capacity;

        // One slot always stays empty so full and empty differ.
        private int _writeIndex;
        private int _readIndex;

        /// <summary>Creates a queue holding up to <paramref name="capacity"/> commands, all preallocated now.</summary>
        /// <param name="capacity">Most commands waiting at once, <see cref="MinCapacity"/> to <see cref="MaxCapacity"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is out of range.</exception>
        public CommandQueue(int capacity)
        {
            if (capacity < MinCapacity || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity", "1 to 32");
            }

            _capacity = capacity;
            _slots = new Command[capacity + 1];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new Command();
            }
        }

        /// <summary>Most commands held at once.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Commands waiting. Exact on either owning thread when the other is idle; a snapshot otherwise.</summary>
        public int Count
        {
            get { return Used(Load(ref _writeIndex), Load(ref _readIndex)); }
        }

        /// <summary>
        /// Producer only: copies <paramref name="source"/> into the next free slot. Returns <c>false</c> (nothing copied)
        /// when the queue is full. Allocates nothing; the caller keeps <paramref name="source"/>.
        /// </summary>
        public bool TryEnqueue(Command source)
        {
            int write = _writeIndex;
            if (Used(write, Load(ref _readIndex)) >= _capacity)
            {
                return false;
            }

            _slots[write].CopyFrom(source);
            Interlocked.Exchange(ref _writeIndex, Next(write));
            return true;
        }

        /// <summary>
        /// Consumer only: moves the oldest command into <paramref name="into"/>; <c>false</c> (and <paramref name="into"/>
        /// untouched) when empty. Commands come out in the order they were enqueued. Allocates nothing.
        /// </summary>
        public bool TryTake(Command into)
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
