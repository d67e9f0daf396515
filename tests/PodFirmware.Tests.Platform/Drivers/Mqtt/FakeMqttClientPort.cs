using System;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    /// <summary>
    /// An <see cref="IMqttClientPort"/> that records every call in virtual time and fails on
    /// request. Like M2Mqtt, its packet ids restart at 1 with every connection.
    /// </summary>
    public sealed class FakeMqttClientPort : IMqttClientPort
    {
        /// <summary>Most calls of each kind it records.</summary>
        public const int Capacity = 64;

        private readonly VirtualClock _clock;
        private int _nextPacketId;

        /// <summary>A client whose calls are stamped with <paramref name="clock"/>'s time.</summary>
        public FakeMqttClientPort(VirtualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Non-null: the next connects throw an exception with this message.</summary>
        public string FailWith;

        /// <summary>The CONNACK code the next connects return.</summary>
        public int ConnackCode;

        /// <summary>Publish answers -1 (client busy) while set.</summary>
        public bool Busy;

        /// <summary>Publishes on this topic are refused for good.</summary>
        public string RejectTopic;

        /// <summary>Non-null: Subscribe and Publish throw with this message.</summary>
        public string BrokenWith;

        /// <summary>Prepare calls.</summary>
        public int Prepared;
        /// <summary>Disconnect calls.</summary>
        public int Disconnects;
        /// <summary>Wake calls.</summary>
        public int Wakes;
        /// <summary>Whether a connection is open (connected and not yet disconnected).</summary>
        public bool IsOpen;

        /// <summary>Connect calls.</summary>
        public int Connects;
        /// <summary>Virtual time of each connect.</summary>
        public readonly long[] ConnectAtMs = new long[Capacity];
        /// <summary>Session number of each connect.</summary>
        public readonly int[] ConnectSession = new int[Capacity];
        /// <summary>Will topic passed to each connect.</summary>
        public readonly string[] ConnectWillTopic = new string[Capacity];

        /// <summary>Subscribe calls.</summary>
        public int Subscribes;
        /// <summary>Topic of each subscribe.</summary>
        public readonly string[] SubscribeTopic = new string[Capacity];
        /// <summary>Connection of each subscribe.</summary>
        public readonly int[] SubscribeSession = new int[Capacity];

        /// <summary>Publishes accepted.</summary>
        public int Publishes;
        /// <summary>Topic of each publish.</summary>
        public readonly string[] PublishTopic = new string[Capacity];
        /// <summary>Payload of each publish.</summary>
        public readonly byte[][] PublishPayload = new byte[Capacity][];
        /// <summary>QoS of each publish.</summary>
        public readonly int[] PublishQos = new int[Capacity];
        /// <summary>Packet id given to each publish.</summary>
        public readonly int[] PublishPacketId = new int[Capacity];
        /// <summary>Connection of each publish.</summary>
        public readonly int[] PublishSession = new int[Capacity];

        /// <summary>Session of the open connection, 0 when none.</summary>
        public int Session;

        /// <summary>The engine it was bound to.</summary>
        public MqttLinkEngine Engine;

        /// <summary>Remembers the engine.</summary>
        public void Bind(MqttLinkEngine engine)
        {
            Engine = engine;
        }

        /// <summary>Counts the call.</summary>
        public void Prepare(MqttLinkOptions options)
        {
            Prepared++;
        }

        /// <summary>Records the connect; throws <see cref="FailWith"/> or returns <see cref="ConnackCode"/>.</summary>
        public int Connect(MqttLinkOptions options, int session)
        {
            ConnectAtMs[Connects] = _clock.MonotonicMs;
            ConnectSession[Connects] = session;
            ConnectWillTopic[Connects] = options.WillTopic;
            Connects++;

            if (FailWith != null)
            {
                throw new Exception(FailWith);
            }

            IsOpen = true;
            Session = session;
            _nextPacketId = 0;
            return ConnackCode;
        }

        /// <summary>Closes the connection.</summary>
        public void Disconnect()
        {
            Disconnects++;
            IsOpen = false;
            Session = 0;
        }

        /// <summary>Records the subscribe or throws <see cref="BrokenWith"/>.</summary>
        public void Subscribe(string topic, int qos)
        {
            if (BrokenWith != null)
            {
                throw new Exception(BrokenWith);
            }

            SubscribeTopic[Subscribes] = topic;
            SubscribeSession[Subscribes] = Session;
            Subscribes++;
        }

        /// <summary>Records the publish and returns its packet id; busy or rejected on request.</summary>
        public int Publish(string topic, byte[] payload, int qos, bool retain)
        {
            if (BrokenWith != null)
            {
                throw new Exception(BrokenWith);
            }

            if (Busy)
            {
                return MqttLinkEngine.PublishBusy;
            }

            if (topic == RejectTopic)
            {
                return MqttLinkEngine.PublishRejected;
            }

            _nextPacketId++;
            PublishTopic[Publishes] = topic;
            PublishPayload[Publishes] = payload;
            PublishQos[Publishes] = qos;
            PublishPacketId[Publishes] = _nextPacketId;
            PublishSession[Publishes] = Session;
            Publishes++;
            return _nextPacketId;
        }

        /// <summary>Idle calls.</summary>
        public int Idles;

        /// <summary>When set, the <see cref="StopAtIdle"/>-th Idle call stops this link (as another thread would).</summary>
        public IMqttLink StopOnIdle;

        /// <summary>Which Idle call stops <see cref="StopOnIdle"/>.</summary>
        public int StopAtIdle;

        /// <summary>Lets the wait pass in virtual time.</summary>
        public void Idle(int maxMs)
        {
            Idles++;
            _clock.AdvanceMs(maxMs);
            if (StopOnIdle != null && Idles == StopAtIdle)
            {
                StopOnIdle.Stop();
            }
        }

        /// <summary>Counts the call.</summary>
        public void Wake()
        {
            Wakes++;
        }

        /// <summary>Counts the subscribes of <paramref name="topic"/> sent on connection <paramref name="session"/>.</summary>
        public int SubscribedOn(int session, string topic)
        {
            int n = 0;
            for (int i = 0; i < Subscribes; i++)
            {
                if (SubscribeSession[i] == session && SubscribeTopic[i] == topic)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Jitter pinned to one end of its range.</summary>
    public sealed class PinnedRandom : IRandomSource
    {
        /// <summary><c>true</c>: always the largest value; <c>false</c>: always 0.</summary>
        public bool Highest;

        /// <summary>The pinned value.</summary>
        public int Next(int maxExclusive)
        {
            return Highest && maxExclusive > 1 ? maxExclusive - 1 : 0;
        }
    }
}
