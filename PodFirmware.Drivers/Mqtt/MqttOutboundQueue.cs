using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The publishes an <see cref="MqttLinkEngine"/> has accepted and not yet handed to its client: a bounded
    /// first-in first-out ring of topic, payload, QoS, retain flag and the engine's message id. The link
    /// thread looks at the first one, offers it to the client, and removes it only once the client took it
    /// (or refused it for good), so a busy client keeps it first in line.
    /// </summary>
    /// <remarks>Not thread-safe: the engine calls it under its lock. Allocates nothing after construction.</remarks>
    public sealed class MqttOutboundQueue
    {
        private readonly string[] _topic;
        private readonly byte[][] _payload;
        private readonly int[] _qos;
        private readonly bool[] _retain;
        private readonly int[] _linkId;
        private int _head;
        private int _count;

        /// <summary>An empty queue of <paramref name="capacity"/> publishes.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttOutboundQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _topic = new string[capacity];
            _payload = new byte[capacity][];
            _qos = new int[capacity];
            _retain = new bool[capacity];
            _linkId = new int[capacity];
        }

        /// <summary>Publishes it holds at most.</summary>
        public int Capacity
        {
            get { return _topic.Length; }
        }

        /// <summary>Publishes waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary><c>true</c> when <see cref="TryAdd"/> would refuse.</summary>
        public bool IsFull
        {
            get { return _count == _topic.Length; }
        }

        /// <summary>
        /// Queues a publish behind the others; <paramref name="payload"/> is kept, not copied (the caller hands
        /// over its own copy). Returns <c>false</c> when the queue is full.
        /// </summary>
        /// <param name="topic">Topic name.</param>
        /// <param name="payload">The whole array is the payload.</param>
        /// <param name="qos">0 or 1 (not checked here).</param>
        /// <param name="retain">Retain flag.</param>
        /// <param name="linkId">The engine's id for the message (0 for QoS 0).</param>
        public bool TryAdd(string topic, byte[] payload, int qos, bool retain, int linkId)
        {
            if (_count == _topic.Length)
            {
                return false;
            }

            int slot = (_head + _count) % _topic.Length;
            _topic[slot] = topic;
            _payload[slot] = payload;
            _qos[slot] = qos;
            _retain[slot] = retain;
            _linkId[slot] = linkId;
            _count++;
            return true;
        }

        /// <summary>QoS of the first publish in line; meaningful only while <see cref="Count"/> is above 0.</summary>
        public int FirstQos
        {
            get { return _qos[_head]; }
        }

        /// <summary>Reads the first publish in line without removing it. Returns <c>false</c> when the queue is empty.</summary>
        public bool TryPeek(out string topic, out byte[] payload, out int qos, out bool retain, out int linkId)
        {
            if (_count == 0)
            {
                topic = null;
                payload = null;
                qos = 0;
                retain = false;
                linkId = 0;
                return false;
            }

            topic = _topic[_head];
            payload = _payload[_head];
            qos = _qos[_head];
            retain = _retain[_head];
            linkId = _linkId[_head];
            return true;
        }

        /// <summary>Removes the first publish in line (and releases its payload); does nothing when the queue is empty.</summary>
        public void RemoveFirst()
        {
            if (_count == 0)
            {
                return;
            }

            _topic[_head] = null;
            _payload[_head] = null;
            _head = (_head + 1) % _topic.Length;
            _count--;
        }
    }
}
