using System.Threading;

namespace PodFirmware.Core.Concurrency
{
    /// <summary>
    /// The read and write positions of a bounded single-producer, single-consumer ring of
    /// <see cref="Capacity"/> + 1 preallocated slots (one always stays empty so full and empty differ).
    /// The ring's owner keeps the slots; this class says which slot each side may touch and when it is
    /// handed over. Shared by the event ring (tick to messaging) and the command queue (messaging to tick).
    /// </summary>
    /// <remarks>
    /// Thread-safety: exactly one producer thread calls <see cref="FreeSlot"/>/<see cref="Publish"/>, exactly one
    /// consumer thread calls <see cref="OldestSlot"/>/<see cref="Release"/>. Each side reads the other's index and
    /// publishes its own through <see cref="Interlocked"/> (a full fence) only after the slot is filled or emptied.
    /// <c>volatile</c> is not used because nanoFramework v1 lacks the modifier; Interlocked exists on both builds.
    /// Allocates nothing.
    /// </remarks>
    public sealed class SpscCursor
    {
        private readonly int _capacity;
        private int _writeIndex;
        private int _readIndex;

        /// <summary>A cursor over <paramref name="capacity"/> usable slots (the ring allocates <paramref name="capacity"/> + 1).</summary>
        public SpscCursor(int capacity)
        {
            _capacity = capacity;
        }

        /// <summary>Most items held at once.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Items waiting. Exact on either owning thread when the other is idle; a snapshot otherwise.</summary>
        public int Count
        {
            get { return Used(Load(ref _writeIndex), Load(ref _readIndex)); }
        }

        /// <summary>
        /// Producer only: the slot to fill next, or -1 when <paramref name="room"/> or more items are already waiting
        /// (<paramref name="room"/> at most <see cref="Capacity"/>; less keeps a reserve for other producers' kinds).
        /// </summary>
        public int FreeSlot(int room)
        {
            int write = _writeIndex;
            return Used(write, Load(ref _readIndex)) >= room ? -1 : write;
        }

        /// <summary>Producer only: hands the slot returned by <see cref="FreeSlot"/>, now filled, to the consumer.</summary>
        public void Publish()
        {
            Interlocked.Exchange(ref _writeIndex, Next(_writeIndex));
        }

        /// <summary>Consumer only: the slot holding the oldest item, or -1 when empty.</summary>
        public int OldestSlot()
        {
            int read = _readIndex;
            return read == Load(ref _writeIndex) ? -1 : read;
        }

        /// <summary>Consumer only: gives the slot returned by <see cref="OldestSlot"/>, now emptied, back to the producer.</summary>
        public void Release()
        {
            Interlocked.Exchange(ref _readIndex, Next(_readIndex));
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
