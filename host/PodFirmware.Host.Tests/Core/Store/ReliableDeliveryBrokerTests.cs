using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Storage;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Store
{
    /// <summary>Outbox + ReliablePublisher over MosquittoLink and a real broker that is stopped and restarted.</summary>
    public sealed class ReliableDeliveryBrokerTests : IDisposable
    {
        private const int SoonMs = 10000;
        private const int ReconnectMs = 20000;
        private const string PodAlarm = "pods/pod-1/alarm";
        private const string SiteAlarm = "site/s1/alarm";
        private const string Sessions = "pods/pod-1/session";
        private const string Sync = "sync/subscriber";

        private readonly MosquittoBroker _broker = new MosquittoBroker();
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pod-outbox-" + Guid.NewGuid().ToString("N"));
        private readonly List<MosquittoLink> _links = new List<MosquittoLink>();
        private readonly List<(string Topic, string Payload)> _received = new List<(string, string)>();

        public void Dispose()
        {
            foreach (MosquittoLink link in _links)
            {
                link.Dispose();
            }

            _broker.Dispose();
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }

        [Fact]
        public void Every_record_arrives_exactly_once_by_id_across_a_broker_restart_and_a_pod_reboot()
        {
            MosquittoLink subscriber = StartLink("subscriber", PodAlarm, SiteAlarm, Sessions, Sync);
            AwaitSubscriptions(subscriber, 1);
            MosquittoLink podLink = StartLink("pod-1");
            var publisher = Publisher(podLink);
            long nowMs = 0;
            publisher.Pump(nowMs);

            var expected = new List<string>();
            expected.Add(Send(publisher, RecordKind.Alarm, nowMs));
            expected.Add(Send(publisher, RecordKind.Session, nowMs));
            Wait.Until(() =>
            {
                publisher.Pump(++nowMs);
                return publisher.Outbox.Count == 0;
            }, SoonMs, "the first two records are acknowledged and removed");

            // A PUBACK says the broker has it, not that it was forwarded: let delivery finish before killing the broker.
            Wait.Until(() => Drain(subscriber) >= 0 && Count(PodAlarm) == 1 && Count(SiteAlarm) == 1 && Count(Sessions) == 1,
                SoonMs, "the subscriber has the first two records", () => string.Join(", ", _received));

            _broker.Stop();
            Wait.Until(() => !podLink.IsConnected && !subscriber.IsConnected, SoonMs, "both links see the broker gone");
            publisher.Pump(++nowMs);
            expected.Add(Send(publisher, RecordKind.Session, ++nowMs));
            expected.Add(Send(publisher, RecordKind.Alarm, ++nowMs));

            // Reboot while offline: a new outbox over the same directory, a new publisher.
            publisher = Publisher(podLink);
            Assert.Equal(2, publisher.Outbox.Count);

            _broker.Start();
            Wait.Until(() => subscriber.IsConnected, ReconnectMs, "the subscriber reconnects", () => _broker.Stderr);
            AwaitSubscriptions(subscriber, 2); // the restarted broker knows the subscription again before the pod sends

            Wait.Until(() =>
            {
                publisher.Pump(++nowMs);
                Drain(subscriber);
                return publisher.Outbox.Count == 0;
            }, ReconnectMs + SoonMs, "every record is acknowledged", () => "pending " + publisher.Outbox.Count);
            Wait.Until(() => Drain(subscriber) >= 0 && Count(PodAlarm) >= 2 && Count(SiteAlarm) >= 2 && Count(Sessions) >= 2,
                SoonMs, "the subscriber has every record", () => string.Join(", ", _received));

            foreach (string topic in new[] { PodAlarm, SiteAlarm, Sessions })
            {
                var ids = new HashSet<string>();
                foreach ((string t, string payload) in _received)
                {
                    if (t == topic)
                    {
                        ids.Add(payload);
                    }
                }

                var want = new HashSet<string>();
                foreach (string json in expected)
                {
                    if (json.Contains(topic == Sessions ? "session" : "alarm"))
                    {
                        want.Add(json);
                    }
                }

                Assert.Equal(want, ids);
            }

            Assert.Equal(0, new Outbox(new DirectoryBlobStore(_dir), 16, 256).Count);
        }

        private ReliablePublisher Publisher(MosquittoLink link)
        {
            var publisher = new ReliablePublisher(link, new Outbox(new DirectoryBlobStore(_dir), 16, 256), 16, 5000);
            publisher.SetTopics(RecordKind.Alarm, PodAlarm, SiteAlarm);
            publisher.SetTopics(RecordKind.Session, Sessions, null);
            return publisher;
        }

        private static string Send(ReliablePublisher publisher, RecordKind kind, long nowMs)
        {
            string json = "{\"id\":\"pod-1-" + publisher.NextSequence + "\",\"kind\":\"" + (kind == RecordKind.Alarm ? "alarm" : "session") + "\"}";
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            Assert.True(publisher.Send(kind, bytes, bytes.Length, nowMs));
            return json;
        }

        private MosquittoLink StartLink(string clientId, params string[] topics)
        {
            var link = new MosquittoLink();
            _links.Add(link);
            foreach (string topic in topics)
            {
                link.Subscribe(topic, 1);
            }

            link.Start(new MqttLinkOptions
            {
                Host = "127.0.0.1",
                Port = _broker.Port,
                ClientId = clientId,
                KeepAliveS = 5,
                ReconnectMinMs = 500,
                ReconnectMaxMs = 1000,
            });
            Wait.Until(() => link.IsConnected, SoonMs, clientId + " connects", () => _broker.Stderr);
            return link;
        }

        private void AwaitSubscriptions(MosquittoLink subscriber, int round)
        {
            string marker = "sync-" + round;
            byte[] payload = Encoding.UTF8.GetBytes(marker);

            // paced: echoes offered on every poll would flood the subscriber's bounded inbound queue and push out records
            Wait.UntilProbing(
                () => subscriber.Publish(Sync, payload, payload.Length, 0, false, out _),
                () =>
                {
                    Drain(subscriber);
                    return _received.Exists(m => m.Topic == Sync && m.Payload == marker);
                },
                ReconnectMs,
                "the subscriber's subscriptions are in place");
        }

        private int Drain(MosquittoLink subscriber)
        {
            var message = new MqttInboundMessage();
            while (subscriber.TryTakeMessage(message))
            {
                _received.Add((message.Topic, Encoding.UTF8.GetString(message.Payload, 0, message.Length)));
            }

            return _received.Count;
        }

        private int Count(string topic)
        {
            return _received.FindAll(m => m.Topic == topic).Count;
        }
    }
}
