using System.Collections;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>
    /// An IMqttLink the test drives: records every publish (topic, payload text, id), accepts publishes only while
    /// connected, and delivers an ack only when the test says so.
    /// </summary>
    public sealed class AckingMqttLink : IMqttLink
    {
        private readonly ArrayList _acks = new ArrayList();
        private int _nextId = 1;

        public readonly ArrayList Topics = new ArrayList();
        public readonly ArrayList Payloads = new ArrayList();
        public readonly ArrayList Ids = new ArrayList();

        public bool Connected;

        /// <summary>Publishes that succeeded before this one fail (the link drops half-way); -1 for never.</summary>
        public int FailAfterPublishes = -1;

        public bool IsConnected
        {
            get { return Connected; }
        }

        public int DroppedInboundCount
        {
            get { return 0; }
        }

        public int InboundCount
        {
            get { return 0; }
        }

        public int PublishCount
        {
            get { return Topics.Count; }
        }

        public void Start(MqttLinkOptions options)
        {
        }

        public void Stop()
        {
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
        {
            messageId = 0;
            if (!Connected || FailAfterPublishes == 0)
            {
                return false;
            }

            if (FailAfterPublishes > 0)
            {
                FailAfterPublishes--;
            }

            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)payload[i];
            }

            messageId = _nextId++;
            Topics.Add(topic);
            Payloads.Add(new string(chars));
            Ids.Add(messageId);
            return true;
        }

        public void Subscribe(string topic, int qos)
        {
        }

        public bool TryTakeMessage(MqttInboundMessage into)
        {
            return false;
        }

        public bool TryTakeAck(out int messageId)
        {
            if (_acks.Count == 0)
            {
                messageId = 0;
                return false;
            }

            messageId = (int)_acks[0];
            _acks.RemoveAt(0);
            return true;
        }

        /// <summary>The broker acknowledges publish number <paramref name="index"/> (0-based, in publish order).</summary>
        public void Ack(int index)
        {
            _acks.Add(Ids[index]);
        }

        /// <summary>The broker acknowledges every publish made so far.</summary>
        public void AckAll()
        {
            for (int i = 0; i < Ids.Count; i++)
            {
                _acks.Add(Ids[i]);
            }
        }

        /// <summary>How many publishes carried <paramref name="text"/> to <paramref name="topic"/>.</summary>
        public int CountOf(string topic, string text)
        {
            int count = 0;
            for (int i = 0; i < Topics.Count; i++)
            {
                if ((string)Topics[i] == topic && (string)Payloads[i] == text)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
