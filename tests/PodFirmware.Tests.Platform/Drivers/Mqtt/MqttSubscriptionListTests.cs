using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttSubscriptionListTests
    {
        [TestMethod]
        public static void Setting_a_listed_topic_replaces_its_QoS_and_marks_it_unsent()
        {
            MqttSubscriptionList list = new MqttSubscriptionList(2);
            list.Set("a/#", 1);
            list.Set("b", 0);
            Assert.AreEqual(2, list.Count);
            Assert.IsTrue(list.MarkSent(0, "a/#", 1));
            Assert.IsTrue(list.IsSent(0));

            list.Set("a/#", 0);
            Assert.AreEqual(2, list.Count, "the same topic keeps its entry");
            Assert.AreEqual(0, list.IndexOf("a/#"));
            Assert.AreEqual(0, list.QosAt(0));
            Assert.IsFalse(list.IsSent(0), "to be sent again with its new QoS");
            Assert.AreEqual(-1, list.IndexOf("c"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => list.Set("c", 0));
        }

        [TestMethod]
        public static void A_topic_changed_while_it_was_being_sent_stays_unsent()
        {
            MqttSubscriptionList list = new MqttSubscriptionList(4);
            list.Set("a", 1);
            string topic = list.TopicAt(0);
            int qos = list.QosAt(0);

            list.Set("a", 0);
            Assert.IsFalse(list.MarkSent(0, topic, qos), "sent with the old QoS");
            Assert.IsFalse(list.IsSent(0));
            Assert.IsTrue(list.MarkSent(0, "a", 0));
        }

        [TestMethod]
        public static void A_new_connection_marks_every_topic_unsent()
        {
            MqttSubscriptionList list = new MqttSubscriptionList(4);
            list.Set("a", 1);
            list.Set("b", 0);
            list.MarkSent(0, "a", 1);
            list.MarkSent(1, "b", 0);

            list.MarkAllUnsent();

            Assert.IsFalse(list.IsSent(0));
            Assert.IsFalse(list.IsSent(1));
            Assert.AreEqual("b", list.TopicAt(1));
        }
    }
}
