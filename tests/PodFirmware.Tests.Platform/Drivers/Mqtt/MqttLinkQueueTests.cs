using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttLinkQueueTests
    {
        [TestMethod]
        public static void The_inbound_queue_keeps_order_hands_over_the_array_and_drops_the_newest_when_full()
        {
            MqttInboundQueue queue = new MqttInboundQueue(2);
            byte[] first = new byte[] { 1, 2, 3 };
            Assert.IsTrue(queue.TryAdd("a", first));
            Assert.IsTrue(queue.TryAdd(null, null));
            Assert.IsFalse(queue.TryAdd("c", new byte[1]), "full: the newest is dropped");
            Assert.AreEqual(1, queue.DroppedCount);
            Assert.AreEqual(2, queue.Count);

            MqttInboundMessage into = new MqttInboundMessage();
            Assert.IsTrue(queue.TryTake(into));
            Assert.AreEqual("a", into.Topic);
            Assert.AreSame(first, into.Payload, "handed over, not copied");
            Assert.AreEqual(3, into.Length);

            Assert.IsTrue(queue.TryTake(into));
            Assert.AreEqual("", into.Topic, "a null topic reads as empty");
            Assert.AreEqual(0, into.Length, "a null payload reads as empty");
            Assert.IsFalse(queue.TryTake(into));

            // the ring wraps and keeps counting drops
            Assert.IsTrue(queue.TryAdd("d", new byte[0]));
            Assert.IsTrue(queue.TryAdd("e", new byte[0]));
            Assert.IsFalse(queue.TryAdd("f", new byte[0]));
            Assert.AreEqual(2, queue.DroppedCount);
            Assert.IsTrue(queue.TryTake(into));
            Assert.AreEqual("d", into.Topic);
            Assert.ThrowsException(typeof(ArgumentNullException), () => queue.TryTake(null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MqttInboundQueue(0));
        }

        [TestMethod]
        public static void The_outbound_queue_keeps_the_first_in_line_until_it_is_removed()
        {
            MqttOutboundQueue queue = new MqttOutboundQueue(2);
            Assert.AreEqual(2, queue.Capacity);
            byte[] payload = new byte[] { 7 };
            Assert.IsTrue(queue.TryAdd("t/1", payload, 1, true, 5));
            Assert.IsTrue(queue.TryAdd("t/2", new byte[0], 0, false, 0));
            Assert.IsTrue(queue.IsFull);
            Assert.IsFalse(queue.TryAdd("t/3", new byte[0], 0, false, 0), "full");

            string topic;
            byte[] body;
            int qos;
            bool retain;
            int linkId;
            Assert.IsTrue(queue.TryPeek(out topic, out body, out qos, out retain, out linkId));
            Assert.IsTrue(queue.TryPeek(out topic, out body, out qos, out retain, out linkId), "peeking removes nothing");
            Assert.AreEqual("t/1", topic);
            Assert.AreSame(payload, body);
            Assert.AreEqual(1, qos);
            Assert.IsTrue(retain);
            Assert.AreEqual(5, linkId);
            Assert.AreEqual(1, queue.FirstQos);

            queue.RemoveFirst();
            Assert.IsFalse(queue.IsFull);
            Assert.IsTrue(queue.TryPeek(out topic, out body, out qos, out retain, out linkId));
            Assert.AreEqual("t/2", topic);
            Assert.AreEqual(0, queue.FirstQos);

            queue.RemoveFirst();
            queue.RemoveFirst();
            Assert.AreEqual(0, queue.Count, "removing from an empty queue does nothing");
            Assert.IsFalse(queue.TryPeek(out topic, out body, out qos, out retain, out linkId));
            Assert.IsNull(topic);
        }

        [TestMethod]
        public static void The_ack_queue_hands_out_ids_in_order_and_drops_the_oldest_when_full()
        {
            MqttAckQueue queue = new MqttAckQueue(2);
            queue.Add(1);
            queue.Add(2);
            queue.Add(3);
            Assert.AreEqual(2, queue.Count);

            int id;
            Assert.IsTrue(queue.TryTake(out id));
            Assert.AreEqual(2, id, "the oldest (1) made room");
            Assert.IsTrue(queue.TryTake(out id));
            Assert.AreEqual(3, id);
            Assert.IsFalse(queue.TryTake(out id));
            Assert.AreEqual(0, id);
        }

        [TestMethod]
        public static void The_completion_queue_refuses_reports_when_full_and_clear_forgets_them()
        {
            MqttCompletionQueue queue = new MqttCompletionQueue(2);
            Assert.IsTrue(queue.TryAdd(1, 10, true));
            Assert.IsTrue(queue.TryAdd(1, 11, false));
            Assert.IsFalse(queue.TryAdd(1, 12, true), "full: the new report is refused");

            int session;
            int packetId;
            bool delivered;
            Assert.IsTrue(queue.TryTake(out session, out packetId, out delivered));
            Assert.AreEqual(1, session);
            Assert.AreEqual(10, packetId);
            Assert.IsTrue(delivered);

            queue.Clear();
            Assert.AreEqual(0, queue.Count);
            Assert.IsFalse(queue.TryTake(out session, out packetId, out delivered));

            Assert.IsTrue(queue.TryAdd(2, 1, true));
            Assert.IsTrue(queue.TryTake(out session, out packetId, out delivered));
            Assert.AreEqual(2, session);
        }

        [TestMethod]
        public static void The_in_flight_table_maps_packet_ids_to_link_ids_within_its_capacity()
        {
            MqttInFlightTable table = new MqttInFlightTable(2);
            table.Add(1, 100);
            table.Add(2, 200);
            Assert.IsTrue(table.IsFull);
            Assert.ThrowsException(typeof(InvalidOperationException), () => table.Add(3, 300));

            int linkId;
            Assert.IsFalse(table.TryRemove(9, out linkId), "an unknown packet id (a QoS 0 publish)");
            Assert.AreEqual(0, linkId);
            Assert.IsTrue(table.TryRemove(1, out linkId));
            Assert.AreEqual(100, linkId);
            Assert.IsFalse(table.TryRemove(1, out linkId), "removed once");
            Assert.IsTrue(table.TryRemove(2, out linkId));
            Assert.AreEqual(200, linkId);

            table.Add(1, 101);
            table.Clear();
            Assert.AreEqual(0, table.Count);
            Assert.IsFalse(table.TryRemove(1, out linkId), "a closed connection's ids mean nothing");
        }
    }
}
