using System.Collections;
using nanoFramework.TestFramework;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class ReliablePublisherTests
    {
        private const string PodAlarm = "pods/pod-1/alarm";
        private const string SiteAlarm = "site/s1/alarm";
        private const string Sessions = "pods/pod-1/session";
        private const string TelemetryTopic = "pods/pod-1/telemetry";
        private const int AckTimeoutMs = 30000;

        [TestMethod]
        public static void Stores_an_alarm_before_publishing_it_to_the_pod_and_site_alarm_topics()
        {
            var store = new MemoryBlobStore();
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(store, link, 8);

            string json = Send(publisher, RecordKind.Alarm, 0);

            Assert.AreEqual(1, new Outbox(store, 8, 256).Count, "on the store");
            Assert.AreEqual(1, link.CountOf(PodAlarm, json));
            Assert.AreEqual(1, link.CountOf(SiteAlarm, json));
            Assert.AreEqual(2, link.PublishCount);
        }

        [TestMethod]
        public static void Removes_an_alarm_only_once_both_topics_acknowledged_it()
        {
            var store = new MemoryBlobStore();
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(store, link, 8);
            Send(publisher, RecordKind.Alarm, 0);
            long sequence = publisher.NextSequence - 1;

            link.Ack(1);
            publisher.Pump(10);
            Assert.IsTrue(publisher.Outbox.Contains(sequence), "site ack alone does not deliver it");
            Assert.AreEqual(1, new Outbox(store, 8, 256).Count);

            link.Ack(0);
            publisher.Pump(20);
            Assert.IsFalse(publisher.Outbox.Contains(sequence));
            Assert.AreEqual(0, publisher.InFlightCount);
            Assert.AreEqual(0, new Outbox(store, 8, 256).Count, "deleted from the store");
        }

        [TestMethod]
        public static void Holds_records_sent_offline_and_publishes_them_in_order_once_connected()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Create(new MemoryBlobStore(), link, 8);
            publisher.Pump(0);
            string first = Send(publisher, RecordKind.Session, 0);
            string second = Send(publisher, RecordKind.Session, 5);
            Assert.AreEqual(0, link.PublishCount);

            link.Connected = true;
            publisher.Pump(10);
            Assert.AreEqual(2, link.PublishCount);
            Assert.AreEqual(first, (string)link.Payloads[0]);
            Assert.AreEqual(second, (string)link.Payloads[1]);
        }

        [TestMethod]
        public static void Re_sends_unacknowledged_records_after_a_reconnect_and_delivers_each_id_exactly_once_to_a_deduplicating_receiver()
        {
            var store = new MemoryBlobStore();
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(store, link, 8);
            Send(publisher, RecordKind.Session, 0);
            Send(publisher, RecordKind.Alarm, 1);
            Send(publisher, RecordKind.Session, 2);
            link.Ack(0); // the first session got through before the drop
            publisher.Pump(3);

            link.Connected = false;
            publisher.Pump(4);
            Send(publisher, RecordKind.Session, 5);
            link.Connected = true;
            publisher.Pump(6);
            Assert.AreEqual(4 + 4, link.PublishCount, "alarm twice, second session, the offline one");

            link.AckAll();
            publisher.Pump(7);
            Assert.AreEqual(0, publisher.Outbox.Count);
            publisher.Pump(8);
            Assert.AreEqual(8, link.PublishCount, "nothing more once acknowledged");

            var seen = new Hashtable();
            for (int i = 0; i < link.PublishCount; i++)
            {
                seen[(string)link.Topics[i] + " " + (string)link.Payloads[i]] = true;
            }

            Assert.AreEqual(5, seen.Count, "4 records, the alarm on two topics, each id once after dedup");
        }

        [TestMethod]
        public static void Records_restored_after_a_reboot_are_published_after_connect_and_keep_their_ids()
        {
            var store = new MemoryBlobStore();
            var before = new AckingMqttLink();
            ReliablePublisher first = Create(store, before, 8);
            string alarm = Send(first, RecordKind.Alarm, 0);
            string session = Send(first, RecordKind.Session, 1);

            var link = new AckingMqttLink();
            ReliablePublisher rebooted = Create(store, link, 8);
            rebooted.Pump(0);
            Assert.AreEqual(0, link.PublishCount);
            link.Connected = true;
            rebooted.Pump(1);

            Assert.AreEqual(1, link.CountOf(PodAlarm, alarm));
            Assert.AreEqual(1, link.CountOf(SiteAlarm, alarm));
            Assert.AreEqual(1, link.CountOf(Sessions, session));
            Assert.IsTrue(rebooted.NextSequence >= 2, "new ids follow the restored ones");
            link.AckAll();
            rebooted.Pump(2);
            Assert.AreEqual(0, rebooted.Outbox.Count);
        }

        [TestMethod]
        public static void A_bounded_outbox_counts_the_overflow_and_sends_what_it_kept()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Create(new MemoryBlobStore(), link, 2);
            publisher.Pump(0);
            Send(publisher, RecordKind.Session, 0);
            string kept1 = Send(publisher, RecordKind.Session, 1);
            string kept2 = Send(publisher, RecordKind.Session, 2);

            Assert.AreEqual(1, publisher.Outbox.OverflowCount);
            link.Connected = true;
            publisher.Pump(3);
            Assert.AreEqual(2, link.PublishCount);
            Assert.AreEqual(kept1, (string)link.Payloads[0]);
            Assert.AreEqual(kept2, (string)link.Payloads[1]);
        }

        [TestMethod]
        public static void An_alarm_whose_link_dropped_between_its_two_publishes_stays_pending_and_goes_out_whole_after_reconnect()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(new MemoryBlobStore(), link, 8);
            link.FailAfterPublishes = 1;
            string json = Send(publisher, RecordKind.Alarm, 0);
            Assert.AreEqual(1, link.PublishCount);

            link.Ack(0);
            publisher.Pump(1);
            Assert.AreEqual(1, publisher.Outbox.Count, "the site topic never got it");

            link.FailAfterPublishes = -1;
            link.Connected = false;
            publisher.Pump(2);
            link.Connected = true;
            publisher.Pump(3);
            Assert.AreEqual(2, link.CountOf(PodAlarm, json));
            Assert.AreEqual(1, link.CountOf(SiteAlarm, json));
            link.Ack(1);
            link.Ack(2);
            publisher.Pump(4);
            Assert.AreEqual(0, publisher.Outbox.Count);
        }

        [TestMethod]
        public static void Re_sends_everything_pending_when_an_ack_is_overdue()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(new MemoryBlobStore(), link, 8);
            string json = Send(publisher, RecordKind.Session, 0);

            publisher.Pump(AckTimeoutMs);
            Assert.AreEqual(1, link.PublishCount, "not yet overdue");
            publisher.Pump(AckTimeoutMs + 1);
            Assert.AreEqual(2, link.CountOf(Sessions, json));
        }

        [TestMethod]
        public static void Never_has_more_publishes_in_flight_than_its_table_holds_and_continues_as_acks_arrive()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = new ReliablePublisher(link, new Outbox(new MemoryBlobStore(), 8, 256), 2, AckTimeoutMs);
            Register(publisher);
            link.Connected = true;
            publisher.Pump(0);
            Send(publisher, RecordKind.Session, 0);
            Send(publisher, RecordKind.Session, 0);
            string third = Send(publisher, RecordKind.Session, 0);
            Assert.AreEqual(2, link.PublishCount);
            Assert.AreEqual(2, publisher.InFlightCount);

            link.Ack(0);
            publisher.Pump(1);
            Assert.AreEqual(3, link.PublishCount);
            Assert.AreEqual(third, (string)link.Payloads[2]);
        }

        [TestMethod]
        public static void Telemetry_the_full_outbox_refuses_is_still_published_once_and_counted()
        {
            var link = new AckingMqttLink();
            ReliablePublisher publisher = Connected(new MemoryBlobStore(), link, 1);
            Send(publisher, RecordKind.Alarm, 0);
            byte[] json = Bytes("{\"t\":1}");

            Assert.IsFalse(publisher.Send(RecordKind.Telemetry, json, json.Length, 1));
            Assert.AreEqual(1, link.CountOf(TelemetryTopic, "{\"t\":1}"));
            Assert.AreEqual(1, publisher.UnstoredPublishCount);
            Assert.AreEqual(1, publisher.Outbox.TelemetryDroppedCount);
        }

        private static ReliablePublisher Create(MemoryBlobStore store, AckingMqttLink link, int capacity)
        {
            var publisher = new ReliablePublisher(link, new Outbox(store, capacity, 256), 8, AckTimeoutMs);
            Register(publisher);
            return publisher;
        }

        private static ReliablePublisher Connected(MemoryBlobStore store, AckingMqttLink link, int capacity)
        {
            ReliablePublisher publisher = Create(store, link, capacity);
            link.Connected = true;
            publisher.Pump(0);
            return publisher;
        }

        private static void Register(ReliablePublisher publisher)
        {
            publisher.SetTopics(RecordKind.Alarm, PodAlarm, SiteAlarm);
            publisher.SetTopics(RecordKind.Session, Sessions, null);
            publisher.SetTopics(RecordKind.Telemetry, TelemetryTopic, null);
        }

        /// <summary>Sends a JSON record carrying its id, as the caller does; returns the JSON.</summary>
        private static string Send(ReliablePublisher publisher, RecordKind kind, long nowMs)
        {
            string json = "{\"id\":\"pod-1-" + publisher.NextSequence.ToString() + "\"}";
            byte[] bytes = Bytes(json);
            publisher.Send(kind, bytes, bytes.Length, nowMs);
            return json;
        }

        private static byte[] Bytes(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
