using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>
    /// A <see cref="FakeMqttLink"/> that also records <see cref="Start"/> and <see cref="Stop"/>, and can be made to
    /// throw from <see cref="Start"/> or <see cref="IsConnected"/>.
    /// </summary>
    public sealed class RecordingLink : IMqttLink
    {
        public readonly FakeMqttLink Inner = new FakeMqttLink();
        public MqttLinkOptions StartedWith;
        public int Starts;
        public int Stops;
        public bool StartThrows;
        public bool IsConnectedThrows;

        public bool IsConnected
        {
            get
            {
                if (IsConnectedThrows)
                {
                    throw new InvalidOperationException("link state unreadable");
                }

                return Inner.IsConnected;
            }
        }

        public int DroppedInboundCount
        {
            get { return Inner.DroppedInboundCount; }
        }

        public int InboundCount
        {
            get { return Inner.InboundCount; }
        }

        public void Start(MqttLinkOptions options)
        {
            Starts++;
            StartedWith = options;
            if (StartThrows)
            {
                throw new InvalidOperationException("no TLS certificate");
            }
        }

        public void Stop()
        {
            Stops++;
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
        {
            return Inner.Publish(topic, payload, length, qos, retain, out messageId);
        }

        public void Subscribe(string topic, int qos)
        {
            Inner.Subscribe(topic, qos);
        }

        public bool TryTakeMessage(MqttInboundMessage into)
        {
            return Inner.TryTakeMessage(into);
        }

        public bool TryTakeAck(out int messageId)
        {
            return Inner.TryTakeAck(out messageId);
        }
    }
}
