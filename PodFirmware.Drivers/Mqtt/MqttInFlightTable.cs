using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The QoS 1 publishes of the current connection that the client took and the broker has not yet
    /// acknowledged: each client packet id with the engine's own message id. A packet id means something
    /// only within its connection, so the table is cleared whenever the connection closes; its capacity is
    /// the engine's back-pressure on QoS 1 publishes in flight.
    /// </summary>
    /// <remarks>Not thread-safe: the engine's link thread is its only user. Allocates nothing after construction.</remarks>
    public sealed class MqttInFlightTable
    {
        private readonly int[] _packetId;
        private readonly int[] _linkId;
        private int _count;

        /// <summary>An empty table of <paramref name="capacity"/> entries.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttInFlightTable(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _packetId = new int[capacity];
            _linkId = new int[capacity];
        }

        /// <summary>Publishes in flight.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary><c>true</c> when no further QoS 1 publish may be handed to the client.</summary>
        public bool IsFull
        {
            get { return _count == _packetId.Length; }
        }

        /// <summary>Records that the client took the publish <paramref name="linkId"/> as <paramref name="packetId"/>.</summary>
        /// <exception cref="InvalidOperationException">The table is full.</exception>
        public void Add(int packetId, int linkId)
        {
            if (_count == _packetId.Length)
            {
                throw new InvalidOperationException("too many MQTT publishes in flight");
            }

            _packetId[_count] = packetId;
            _linkId[_count] = linkId;
            _count++;
        }

        /// <summary>
        /// Removes the entry of <paramref name="packetId"/> and gives its engine id; <c>false</c> (and
        /// <paramref name="linkId"/> 0) when none is in flight under that packet id (e.g. a QoS 0 publish).
        /// </summary>
        public bool TryRemove(int packetId, out int linkId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_packetId[i] == packetId)
                {
                    linkId = _linkId[i];
                    _count--;
                    _packetId[i] = _packetId[_count];
                    _linkId[i] = _linkId[_count];
                    return true;
                }
            }

            linkId = 0;
            return false;
        }

        /// <summary>Forgets every entry: the connection closed, so none of them will be acknowledged.</summary>
        public void Clear()
        {
            _count = 0;
        }
    }
}
