using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The topic filters an <see cref="MqttLinkEngine"/> keeps subscribed, each with its QoS and whether it
    /// has been sent on the current connection. Subscribing again to a listed topic replaces its QoS and
    /// marks it unsent; a new connection marks every topic unsent, since a clean session knows none of them.
    /// </summary>
    /// <remarks>Not thread-safe: the engine calls it under its lock. Allocates nothing after construction.</remarks>
    public sealed class MqttSubscriptionList
    {
        private readonly string[] _topic;
        private readonly int[] _qos;
        private readonly bool[] _sent;
        private int _count;

        /// <summary>An empty list of at most <paramref name="capacity"/> topics.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MqttSubscriptionList(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity", "at least 1");
            }

            _topic = new string[capacity];
            _qos = new int[capacity];
            _sent = new bool[capacity];
        }

        /// <summary>Topics listed; they keep their index (0 to <see cref="Count"/> - 1) for good.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Lists <paramref name="topic"/> with <paramref name="qos"/> (or sets the QoS of a listed one), not yet sent.</summary>
        /// <exception cref="InvalidOperationException">The topic is new and the list is full.</exception>
        public void Set(string topic, int qos)
        {
            int index = IndexOf(topic);

            if (index < 0)
            {
                if (_count == _topic.Length)
                {
                    throw new InvalidOperationException("too many MQTT subscriptions");
                }

                index = _count;
                _count++;
                _topic[index] = topic;
            }

            _qos[index] = qos;
            _sent[index] = false;
        }

        /// <summary>Index of <paramref name="topic"/> (ordinal comparison), -1 when not listed.</summary>
        public int IndexOf(string topic)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_topic[i] == topic)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Topic at <paramref name="index"/>.</summary>
        public string TopicAt(int index)
        {
            return _topic[index];
        }

        /// <summary>QoS of the topic at <paramref name="index"/>.</summary>
        public int QosAt(int index)
        {
            return _qos[index];
        }

        /// <summary>Whether the topic at <paramref name="index"/> was sent on the current connection.</summary>
        public bool IsSent(int index)
        {
            return _sent[index];
        }

        /// <summary>
        /// Marks the topic at <paramref name="index"/> sent, when it still has the <paramref name="topic"/> and
        /// <paramref name="qos"/> that were sent; returns <c>false</c> (it stays unsent and goes out again) when
        /// a <see cref="Set"/> changed it meanwhile.
        /// </summary>
        public bool MarkSent(int index, string topic, int qos)
        {
            if (_topic[index] != topic || _qos[index] != qos)
            {
                return false;
            }

            _sent[index] = true;
            return true;
        }

        /// <summary>Marks every topic unsent (a new connection with a clean session).</summary>
        public void MarkAllUnsent()
        {
            for (int i = 0; i < _count; i++)
            {
                _sent[i] = false;
            }
        }
    }
}
