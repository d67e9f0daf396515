using System.Collections;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>An in-memory <see cref="IMqttLink"/>: records publishes and subscriptions, delivers injected messages.</summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        private readonly ArrayList _inbound = new ArrayList();
        private int _nextId;

        /// <summary>One recorded publish.</summary>
        public sealed class Sent
        {
            /// <summary>Topic.</summary>
            public string Topic;

            /// <summary>Payload as UTF-8 text.</summary>
            public string Text;

            /// <summary>QoS.</summary>
            public int Qos;

            /// <summary>Retain flag.</summary>
            public bool Retain;
        }

        /// <summary>Every publish, oldest first.</summary>
        public readonly ArrayList Published = new ArrayList();

        /// <summary>Every Subscribe call as "topic@qos".</summary>
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>What IsConnected reports.</summary>
        public bool Connected = true;

        /// <summary>Publishes still accepted; one more is refused as by a full outbound queue (unlimited by default).</summary>
        public int AcceptPublishes = int.MaxValue;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get { return Connected; }
        }

        /// <inheritdoc/>
        public int DroppedInboundCount
        {
            get { return 0; }
        }

        /// <inheritdoc/>
        public int InboundCount
        {
            get { return _inbound.Count; }
        }

        /// <inheritdoc/>
        public void Start(MqttLinkOptions options)
        {
        }

        /// <inheritdoc/>
        public void Stop()
        {
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
        {
            messageId = 0;
            if (!Connected || AcceptPublishes <= 0)
            {
                return false;
            }

            AcceptPublishes--;

            messageId = ++_nextId;
            var sent = new Sent();
            sent.Topic = topic;
            sent.Text = System.Text.Encoding.UTF8.GetString(payload, 0, length);
            sent.Qos = qos;
            sent.Retain = retain;
            Published.Add(sent);
            return true;
        }

        /// <inheritdoc/>
        public void Subscribe(string topic, int qos)
        {
            Subscriptions.Add(topic + "@" + qos.ToString());
        }

        /// <inheritdoc/>
        public bool TryTakeMessage(MqttInboundMessage into)
        {
            if (_inbound.Count == 0)
            {
                return false;
            }

            var message = (MqttInboundMessage)_inbound[0];
            _inbound.RemoveAt(0);
            into.Topic = message.Topic;
            into.Payload = message.Payload;
            into.Length = message.Length;
            return true;
        }

        /// <inheritdoc/>
        public bool TryTakeAck(out int messageId)
        {
            messageId = 0;
            return false;
        }

        /// <summary>Queues <paramref name="payload"/> as received on <paramref name="topic"/>.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            var message = new MqttInboundMessage();
            message.Topic = topic;
            message.Payload = payload;
            message.Length = payload.Length;
            _inbound.Add(message);
        }

        /// <summary>The publishes on <paramref name="topic"/>, oldest first.</summary>
        public ArrayList On(string topic)
        {
            var found = new ArrayList();
            for (int i = 0; i < Published.Count; i++)
            {
                var sent = (Sent)Published[i];
                if (sent.Topic == topic)
                {
                    found.Add(sent);
                }
            }

            return found;
        }
    }
}
