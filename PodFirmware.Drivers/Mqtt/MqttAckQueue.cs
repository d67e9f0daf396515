using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The engine's ids of QoS 1 publishes the broker acknowledged, held until the caller takes them: a bounded
    /// first-in first-out ring in the order the acknowledgements arrived. When it is full the oldest id is
    /// dropped to make room (the caller's own timeout resends what it never saw acknowledged).
    /// </summary>
    /// <remarks>Not thread-safe: the engine calls it under its lock. Allocates nothing after construction.</remarks>
    public sealed class MqttAckQueue
    {
        private readonly int[] _ids;
        private int _head;
        private int _count;

        /// <summary>An empty queue of <paramref name="capacity"/> ids.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttAckQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _ids = new int[capacity];
        }

        /// <summary>Ids waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Adds <paramref name="id"/> behind the others, dropping the oldest when full.</summary>
        public void Add(int id)
        {
            if (_count == _ids.Length)
            {
                _head = (_head + 1) % _ids.Length;
                _count--;
            }

            _ids[(_head + _count) % _ids.Length] = id;
            _count++;
        }

        /// <summary>Takes the oldest id; <c>false</c> (and <paramref name="id"/> 0) when none is waiting.</summary>
        public bool TryTake(out int id)
        {
            if (_count == 0)
            {
                id = 0;
                return false;
            }

            id = _ids[_head];
            _head = (_head + 1) % _ids.Length;
            _count--;
            return true;
        }
    }
}
