using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The received messages an <see cref="MqttLinkEngine"/> holds until the caller takes them: a bounded
    /// first-in first-out ring of topic and payload. When it is full the newest message is dropped and
    /// counted, so what is queued keeps its order.
    /// </summary>
    /// <remarks>Not thread-safe: the engine calls it under its lock. Allocates nothing after construction.</remarks>
    public sealed class MqttInboundQueue
    {
        private readonly string[] _topic;
        private readonly byte[][] _payload;
        private int _head;
        private int _count;
        private int _dropped;

        /// <summary>An empty queue of <paramref name="capacity"/> messages.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttInboundQueue(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _topic = new string[capacity];
            _payload = new byte[capacity][];
        }

        /// <summary>Messages it holds at most.</summary>
        public int Capacity
        {
            get { return _topic.Length; }
        }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Messages dropped because the queue was full, since construction.</summary>
        public int DroppedCount
        {
            get { return _dropped; }
        }

        /// <summary>
        /// Queues a message as received: the whole <paramref name="payload"/> array is its payload and is kept,
        /// not copied (null becomes an empty payload, a null topic the empty string). Returns <c>false</c> and
        /// counts it in <see cref="DroppedCount"/> when the queue is full.
        /// </summary>
        public bool TryAdd(string topic, byte[] payload)
        {
            if (_count == _topic.Length)
            {
                _dropped++;
                return false;
            }

            int slot = (_head + _count) % _topic.Length;
            _topic[slot] = topic == null ? "" : topic;
            _payload[slot] = payload == null ? new byte[0] : payload;
            _count++;
            return true;
        }

        /// <summary>
        /// Moves the oldest message into <paramref name="into"/>: its topic, the payload array (handed over) and
        /// its length (the array's). Returns <c>false</c> when none is waiting.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public bool TryTake(MqttInboundMessage into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            if (_count == 0)
            {
                return false;
            }

            byte[] payload = _payload[_head];
            into.Topic = _topic[_head];
            into.Payload = payload;
            into.Length = payload.Length;
            _topic[_head] = null;
            _payload[_head] = null;
            _head = (_head + 1) % _topic.Length;
            _count--;
            return true;
        }
    }
}
