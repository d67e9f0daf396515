using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// MosquittoLink against a real, private mosquitto broker (one per test, loopback only).
    /// Waits are bounded polls for observable conditions, never sleeps standing in for assertions.
    /// </summary>
    public sealed class MosquittoLinkTests : IDisposable
    {
        /// <summary>Generous bound for anything that happens on loopback.</summary>
        private const int SoonMs = 10000;

        /// <summary>Bound for a reconnect: libmosquitto's 1 s delay plus slack.</summary>
        private const int ReconnectMs = 20000;

        private readonly MosquittoBroker _broker = new MosquittoBroker();
        private readonly List<IDisposable> _cleanup = new List<IDisposable>();
        private int _clients;

        public void Dispose()
        {
            for (int i = _cleanup.Count - 1; i >= 0; i--)
            {
                _cleanup[i].Dispose();
            }

            _broker.Dispose();
        }

        [Fact]
        public void Round_trips_a_message_between_two_links_with_its_exact_topic_and_payload_bytes()
        {
            const string topic = "pods/pod-7/cmd/ladung-ä";
            Probe subscriber = StartProbe(topic);
            Probe publisher = StartProbe();
            subscriber.AwaitSubscriptions();

            // Only the first `length` bytes of the buffer are the payload.
            byte[] buffer = { 0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'{', 0xEE, 0xEE };
            const int length = 6;
            Assert.True(publisher.Link.Publish(topic, buffer, length, 0, false, out _));

            Received message = subscriber.AwaitMessage(topic);
            Assert.Equal(topic, message.Topic);
            Assert.Equal(buffer.Take(length).ToArray(), message.Payload);
        }

        [Fact]
        public void Publishes_a_retained_message_that_a_late_subscriber_receives()
        {
            const string topic = "pods/pod-7/status";
            Probe publisher = StartProbe();
            byte[] online = Encoding.UTF8.GetBytes("online");
            Assert.True(publisher.Link.Publish(topic, online, online.Length, 1, true, out int mid));
            publisher.AwaitAck(mid);

            Probe late = StartProbe(topic);

            Received message = late.AwaitMessage(topic);
            Assert.Equal(online, message.Payload);
        }

        [Fact]
        public void Reports_the_message_id_of_an_acknowledged_QoS1_publish_through_TryTakeAck_and_nothing_for_QoS0()
        {
            Probe publisher = StartProbe();
            byte[] payload = { 1, 2, 3 };

            Assert.True(publisher.Link.Publish("pods/pod-7/meter", payload, payload.Length, 0, false, out int qos0Id));
            Assert.True(publisher.Link.Publish("pods/pod-7/session", payload, payload.Length, 1, false, out int qos1Id));
            Assert.NotEqual(qos0Id, qos1Id);

            int acked = 0;
            Wait.Until(() => publisher.Link.TryTakeAck(out acked), SoonMs, "the QoS 1 publish is acknowledged");
            Assert.Equal(qos1Id, acked);

            // The QoS 0 message was written before the QoS 1 one, so had it produced an ack,
            // that ack would already be queued ahead of or beside the PUBACK.
            Assert.False(publisher.Link.TryTakeAck(out _));
        }

        [Fact]
        public void Publish_returns_false_while_the_broker_is_down()
        {
            Probe publisher = StartProbe();

            _broker.Stop();
            Wait.Until(() => !publisher.Link.IsConnected, SoonMs, "the link notices the broker is gone");

            byte[] payload = { 42 };
            Assert.False(publisher.Link.Publish("pods/pod-7/meter", payload, 1, 1, false, out int mid));
            Assert.Equal(0, mid);
            Assert.False(publisher.Link.Publish("pods/pod-7/meter", payload, 1, 0, false, out _));
        }

        [Fact]
        public void Reconnects_and_resubscribes_after_the_broker_restarts_on_the_same_port()
        {
            const string topic = "pods/pod-7/cmd/stop";
            Probe subscriber = StartProbe(topic);
            Probe publisher = StartProbe();
            subscriber.AwaitSubscriptions();

            _broker.Stop();
            Wait.Until(() => !subscriber.Link.IsConnected && !publisher.Link.IsConnected, SoonMs, "both links notice the broker is gone");
            _broker.Start();
            Wait.Until(() => subscriber.Link.IsConnected && publisher.Link.IsConnected, ReconnectMs, "both links reconnect", () => "broker: " + _broker.Stderr);

            // The restarted broker has no memory of the old session: only a resubscribe explains delivery.
            subscriber.AwaitSubscriptions();
            byte[] payload = Encoding.UTF8.GetBytes("stop");
            Assert.True(publisher.Link.Publish(topic, payload, payload.Length, 1, false, out _));
            Assert.Equal(payload, subscriber.AwaitMessage(topic).Payload);
        }

        [Fact]
        public void Keeps_retrying_through_an_outage_says_why_and_afterwards_resubscribes_every_topic()
        {
            string[] topics = { "pods/pod-7/cmd/start", "pods/pod-7/cmd/stop", "site/s-1/heartbeat" };
            Probe subscriber = StartProbe(topics[0]);
            subscriber.Link.Subscribe(topics[1], 1);
            subscriber.Link.Subscribe(topics[2], 0);
            Probe publisher = StartProbe();
            subscriber.AwaitSubscriptions();
            int attemptsBefore = subscriber.Link.ConnectAttempts;

            _broker.Stop();
            Wait.Until(() => !subscriber.Link.IsConnected, SoonMs, "the link notices the broker is gone");
            Wait.Until(() => subscriber.Link.ConnectAttempts >= attemptsBefore + 3, ReconnectMs, "the link keeps retrying while the broker is down",
                () => "attempts " + subscriber.Link.ConnectAttempts + ", LastError " + subscriber.Link.LastError);
            Assert.False(subscriber.Link.IsConnected);
            Assert.Contains("failed", subscriber.Link.LastError);

            _broker.Start();
            Wait.Until(() => subscriber.Link.IsConnected && publisher.Link.IsConnected, ReconnectMs, "both links reconnect", () => "broker: " + _broker.Stderr);

            // the restarted broker knows no subscription: each delivery proves the engine re-sent that topic
            subscriber.AwaitSubscriptions();
            foreach (string topic in topics)
            {
                byte[] payload = Encoding.UTF8.GetBytes("after the outage: " + topic);
                Assert.True(publisher.Link.Publish(topic, payload, payload.Length, 1, false, out _));
                Assert.Equal(payload, subscriber.AwaitMessage(topic).Payload);
            }
        }

        [Fact]
        public void After_its_connection_is_cut_it_reconnects_in_a_new_clean_session_resubscribes_and_acks_only_new_ids()
        {
            const string commandTopic = "pods/pod-5/cmd/stop";
            const string willTopic = "pods/pod-5/status";
            Probe watcher = StartProbe(willTopic);
            watcher.AwaitSubscriptions();

            var relay = Track(new TcpRelay(_broker.Port));
            var pod = Track(new MosquittoLink());
            MqttLinkOptions options = Options(relay.Port);
            options.ClientId = "pod-5";
            options.WillTopic = willTopic;
            options.WillPayload = "offline";
            var probe = new Probe(pod, "sync/pod-5");
            pod.Subscribe(commandTopic, 1);
            pod.Subscribe(probe.SyncTopic, 0);
            pod.Start(options);
            Wait.Until(() => pod.IsConnected, SoonMs, "the pod link connects through the relay");
            byte[] alarm = Encoding.UTF8.GetBytes("alarm");
            Assert.True(pod.Publish("pods/pod-5/alarm", alarm, alarm.Length, 1, false, out int before));
            probe.AwaitAck(before);

            relay.Sever();
            Assert.Equal("offline", Encoding.UTF8.GetString(watcher.AwaitMessage(willTopic).Payload));
            Wait.Until(() => !pod.IsConnected, SoonMs, "the pod link notices the cut");
            relay.Heal();
            Wait.Until(() => pod.IsConnected, ReconnectMs, "the pod link reconnects through the healed relay", () => "LastError " + pod.LastError);

            // a clean session starts without subscriptions: delivery proves the resubscribe
            probe.AwaitSubscriptions();
            byte[] stop = Encoding.UTF8.GetBytes("stop");
            Assert.True(watcher.Link.Publish(commandTopic, stop, stop.Length, 1, false, out _));
            Assert.Equal(stop, probe.AwaitMessage(commandTopic).Payload);

            Assert.True(pod.Publish("pods/pod-5/alarm", alarm, alarm.Length, 1, false, out int after));
            Assert.True(after > before, "message ids keep increasing across reconnects");
            probe.AwaitAck(after);
        }

        [Fact]
        public void Start_returns_at_once_with_the_broker_down_and_connects_when_it_comes_up()
        {
            _broker.Stop();
            var link = Track(new MosquittoLink());

            var clock = Stopwatch.StartNew();
            link.Start(Options());
            clock.Stop();
            Assert.True(clock.ElapsedMilliseconds < 1000, "Start blocked for " + clock.ElapsedMilliseconds + " ms");
            Assert.False(link.IsConnected);

            _broker.Start();
            Wait.Until(() => link.IsConnected, ReconnectMs, "the link connects to the late broker", () => "broker: " + _broker.Stderr);
        }

        [Fact]
        public void Delivers_the_Last_Will_of_a_client_killed_without_a_clean_disconnect()
        {
            const string willTopic = "pods/pod-9/status";
            Probe watcher = StartProbe(willTopic);
            watcher.AwaitSubscriptions();

            using var victim = new WillVictim(new[] { "-h", "127.0.0.1", "-p", _broker.Port.ToString(), "-i", "pod-9" }, "pods/pod-9/cmd/#", willTopic);
            byte[] probe = Encoding.UTF8.GetBytes("probe");
            victim.AwaitSubscribed(() => watcher.Link.Publish("pods/pod-9/cmd/probe", probe, probe.Length, 0, false, out _), SoonMs, "mosquitto_sub is connected and subscribed");
            Assert.DoesNotContain(watcher.Drain(), m => m.Topic == willTopic);

            victim.Kill();

            Received will = watcher.AwaitMessage(willTopic);
            Assert.Equal("offline", Encoding.UTF8.GetString(will.Payload));
        }

        [Fact]
        public void Registers_its_own_retained_Last_Will_which_the_broker_publishes_when_the_connection_drops()
        {
            const string willTopic = "pods/pod-3/status";
            Probe watcher = StartProbe(willTopic);
            watcher.AwaitSubscriptions();

            var relay = Track(new TcpRelay(_broker.Port));
            var pod = Track(new MosquittoLink());
            MqttLinkOptions options = Options(relay.Port);
            options.ClientId = "pod-3";
            options.WillTopic = willTopic;
            options.WillPayload = "offline";
            options.WillRetain = true;
            pod.Start(options);
            Wait.Until(() => pod.IsConnected, SoonMs, "the pod link connects through the relay");

            relay.Sever();

            Assert.Equal("offline", Encoding.UTF8.GetString(watcher.AwaitMessage(willTopic).Payload));
            Probe late = StartProbe(willTopic);
            Assert.Equal("offline", Encoding.UTF8.GetString(late.AwaitMessage(willTopic).Payload));
        }

        [Fact]
        public void Stop_disconnects_cleanly_so_subscribers_get_the_offline_message_the_caller_published_and_not_the_Will()
        {
            const string statusTopic = "pods/pod-4/status";
            Probe watcher = StartProbe(statusTopic);
            watcher.AwaitSubscriptions();

            var pod = Track(new MosquittoLink());
            MqttLinkOptions options = Options();
            options.ClientId = "pod-4";
            options.WillTopic = statusTopic;
            options.WillPayload = "lost";
            pod.Start(options);
            Wait.Until(() => pod.IsConnected, SoonMs, "the pod link connects");

            byte[] offline = Encoding.UTF8.GetBytes("offline");
            Assert.True(pod.Publish(statusTopic, offline, offline.Length, 1, true, out _));
            pod.Stop();
            Assert.False(pod.IsConnected);

            Assert.Equal("offline", Encoding.UTF8.GetString(watcher.AwaitMessage(statusTopic).Payload));

            // A Will would be published when the broker drops the pod's connection, which it has
            // done by the time this later round trip through the broker completes.
            watcher.AwaitSubscriptions();
            Assert.DoesNotContain(watcher.Drain(), m => m.Topic == statusTopic);
        }

        [Fact]
        public void A_full_receive_queue_stops_only_the_reads_holds_the_broker_back_and_loses_nothing()
        {
            const string topic = "pods/pod-7/flood";
            const string echo = "pods/pod-7/echo";
            // past half the queue, so reading pauses; what is left stays within the broker's default queue of 1,000
            const int sent = MosquittoLink.InboundCapacity / 2 + 200;
            Probe subscriber = StartProbe(topic, qos: 1);
            Probe publisher = StartProbe(echo, qos: 0);
            subscriber.AwaitSubscriptions();
            publisher.AwaitSubscriptions();

            for (int i = 0; i < sent; i++)
            {
                byte[] payload = BitConverter.GetBytes(i);
                Wait.Until(() => publisher.Link.Publish(topic, payload, payload.Length, 1, false, out _), SoonMs, "the publisher queues message " + i);
            }

            // nobody takes anything: the link stops reading instead of dropping or holding its thread
            Wait.Until(() => subscriber.Link.ReadPauseCount > 0, SoonMs, "the link stops reading",
                () => "dropped " + subscriber.Link.DroppedInboundCount);

            // and its own publishes still go out meanwhile
            byte[] note = Encoding.UTF8.GetBytes("still talking");
            Assert.True(subscriber.Link.Publish(echo, note, note.Length, 0, false, out _));
            Assert.Equal("still talking", Encoding.UTF8.GetString(publisher.AwaitMessage(echo).Payload));
            Assert.Equal(0, subscriber.Link.InboundWaitCount);

            var message = new MqttInboundMessage();
            var kept = new List<int>();
            Wait.Until(() =>
            {
                while (subscriber.Link.TryTakeMessage(message))
                {
                    Assert.Equal(topic, message.Topic);
                    kept.Add(BitConverter.ToInt32(message.Payload, 0));
                }

                return kept.Count >= sent;
            }, SoonMs, "every message arrives", () => kept.Count + " of " + sent + ", dropped " + subscriber.Link.DroppedInboundCount);

            Assert.Equal(Enumerable.Range(0, sent), kept);
            Assert.Equal(0, subscriber.Link.DroppedInboundCount);
        }

        // ---- helpers ----

        private MqttLinkOptions Options(int? port = null)
        {
            return new MqttLinkOptions
            {
                Host = "127.0.0.1",
                Port = port ?? _broker.Port,
                ClientId = "test-" + (++_clients),
                KeepAliveS = 5,
                ReconnectMinMs = 500,
                ReconnectMaxMs = 1000,
            };
        }

        private T Track<T>(T disposable) where T : IDisposable
        {
            _cleanup.Add(disposable);
            return disposable;
        }

        /// <summary>A started, connected link subscribed to <paramref name="topics"/> before Start.</summary>
        private Probe StartProbe(string topic = null, int qos = 0)
        {
            var link = Track(new MosquittoLink());
            MqttLinkOptions options = Options();
            var probe = new Probe(link, "sync/" + options.ClientId);
            if (topic != null)
            {
                link.Subscribe(topic, qos);
            }

            link.Subscribe(probe.SyncTopic, 0);
            link.Start(options);
            Wait.Until(() => link.IsConnected, SoonMs, options.ClientId + " connects", () => "CONNACK " + link.LastConnectResult + "; broker: " + _broker.Stderr);
            return probe;
        }

        private sealed class Received
        {
            public string Topic;
            public byte[] Payload;
        }

        /// <summary>A link plus what it has received so far.</summary>
        private sealed class Probe
        {
            private readonly List<Received> _received = new List<Received>();
            private readonly MqttInboundMessage _buffer = new MqttInboundMessage();
            private int _syncs;

            public Probe(MosquittoLink link, string syncTopic)
            {
                Link = link;
                SyncTopic = syncTopic;
            }

            public MosquittoLink Link { get; }

            /// <summary>A topic only this probe subscribes to, subscribed last.</summary>
            public string SyncTopic { get; }

            /// <summary>Moves everything waiting in the link into the received list and returns that list.</summary>
            public List<Received> Drain()
            {
                while (Link.TryTakeMessage(_buffer))
                {
                    _received.Add(new Received { Topic = _buffer.Topic, Payload = _buffer.Payload.Take(_buffer.Length).ToArray() });
                }

                return _received;
            }

            /// <summary>
            /// Returns once the broker has processed this link's SUBSCRIBEs: the link publishes to
            /// its own sync topic (subscribed after the others, and SUBSCRIBE and PUBLISH on one
            /// connection are handled in order) and waits for the echo.
            /// </summary>
            public void AwaitSubscriptions()
            {
                string marker = "sync-" + (++_syncs);
                byte[] payload = Encoding.UTF8.GetBytes(marker);
                Assert.True(Link.Publish(SyncTopic, payload, payload.Length, 0, false, out _), "sync publish refused");
                Wait.Until(() => Drain().Any(m => m.Topic == SyncTopic && Encoding.UTF8.GetString(m.Payload) == marker), SoonMs, "the sync echo arrives on " + SyncTopic);
                _received.RemoveAll(m => m.Topic == SyncTopic);
            }

            /// <summary>Waits for, removes and returns the first message on <paramref name="topic"/>.</summary>
            public Received AwaitMessage(string topic)
            {
                Wait.Until(() => Drain().Any(m => m.Topic == topic), SoonMs, "a message arrives on " + topic,
                    () => "received: [" + string.Join(", ", _received.Select(m => m.Topic)) + "], dropped " + Link.DroppedInboundCount);
                Received message = _received.First(m => m.Topic == topic);
                _received.Remove(message);
                return message;
            }

            /// <summary>Waits until <paramref name="mid"/> is acknowledged; other acks are discarded.</summary>
            public void AwaitAck(int mid)
            {
                bool seen = false;
                Wait.Until(() =>
                {
                    while (Link.TryTakeAck(out int acked))
                    {
                        seen |= acked == mid;
                    }

                    return seen;
                }, SoonMs, "message " + mid + " is acknowledged");
            }
        }
    }
}
