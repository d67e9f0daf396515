using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The publish completions a client reported (any thread) and the engine's link thread has not yet matched:
    /// a bounded first-in first-out ring of connection number, client packet id and whether the publish was
    /// delivered. When it is full a new report is refused (the engine sizes it for every completion one pass
    /// can produce).
    /// </summary>
    /// <remarks>Not thread-safe: the engine calls it under its lock. Allocates nothing after construction.</remarks>
    public sealed class MqttCompletionQueue
    {
        private readonly int[] _session;
        private readonly int[] _packetId;
        private readonly bool[] _delivered;
        private int _head;
        private int _count;

        /// <summary>An empty queue of <paramref name="capacity"/> reports.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttCompletionQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _session = new int[capacity];
            _packetId = new int[capacity];
            _delivered = new bool[capacity];
        }

        /// <summary>Reports waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Queues one report; <c>false</c> when the queue is full.</summary>
        /// <param name="session">The engine's number of the connection the publish was handed over in.</param>
        /// <param name="packetId">The client's packet id.</param>
        /// <param name="delivered"><c>true</c> when the broker acknowledged it (QoS 1) or it was written (QoS 0).</param>
        public bool TryAdd(int session, int packetId, bool delivered)
        {
            if (_count == _session.Length)
            {
                return false;
            }

            int slot = (_head + _count) % _session.Length;
            _session[slot] = session;
            _packetId[slot] = packetId;
            _delivered[slot] = delivered;
            _count++;
            return true;
        }

        /// <summary>Takes the oldest report; <c>false</c> when none is waiting.</summary>
        public bool TryTake(out int session, out int packetId, out bool delivered)
        {
            if (_count == 0)
            {
                session = 0;
                packetId = 0;
                delivered = false;
                return false;
            }

            session = _session[_head];
            packetId = _packetId[_head];
            delivered = _delivered[_head];
            _head = (_head + 1) % _session.Length;
            _count--;
            return true;
        }

        /// <summary>Forgets every report (a new connection starts: the old one's reports are no longer news).</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
