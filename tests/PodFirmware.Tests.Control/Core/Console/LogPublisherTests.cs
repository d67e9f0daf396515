using nanoFramework.TestFramework;
using PodFirmware.Core.Console;
using PodFirmware.Tests.Core.Messaging;

namespace PodFirmware.Tests.Core.Console
{
    /// <summary>The log ring goes out on pods/{id}/log, QoS 0, rate-limited, oldest first; link changes are logged.</summary>
    [TestClass]
    public class LogPublisherTests
    {
        [TestMethod]
        public static void Lines_go_out_one_per_interval_at_qos_0_and_link_changes_are_logged()
        {
            var ring = new LogRing(8);
            var link = new FakeMqttLink();
            var publisher = new LogPublisher(ring, link, "pod-1");
            ring.Add("boot");
            ring.Add("pod \"pod-1\"");
            publisher.Pump(0);
            publisher.Pump(LogPublisher.MinIntervalMs - 1);
            Assert.AreEqual(1, link.Published.Count);
            publisher.Pump(LogPublisher.MinIntervalMs);
            publisher.Pump(2 * LogPublisher.MinIntervalMs);
            publisher.Pump(3 * LogPublisher.MinIntervalMs);
            Assert.AreEqual(3, link.Published.Count);
            var first = (FakeMqttLink.Sent)link.Published[0];
            Assert.AreEqual("pods/pod-1/log", first.Topic);
            Assert.AreEqual(0, first.Qos);
            Assert.IsFalse(first.Retain);
            Assert.AreEqual("{\"n\":0,\"msg\":\"boot\"}", first.Text);
            Assert.AreEqual("{\"n\":1,\"msg\":\"pod \\\"pod-1\\\"\"}", ((FakeMqttLink.Sent)link.Published[1]).Text);
            Assert.AreEqual("{\"n\":2,\"msg\":\"mqtt link up\"}", ((FakeMqttLink.Sent)link.Published[2]).Text);
        }

        [TestMethod]
        public static void Nothing_goes_out_while_the_link_is_down_and_overwritten_lines_are_skipped()
        {
            var ring = new LogRing(3);
            var link = new FakeMqttLink();
            link.Connected = false;
            var publisher = new LogPublisher(ring, link, "pod-1");
            for (int i = 0; i < 6; i++)
            {
                ring.Add("line " + i.ToString());
                publisher.Pump(i * 1000);
            }

            Assert.AreEqual(0, link.Published.Count);
            link.Connected = true;
            publisher.Pump(10000);
            Assert.AreEqual("{\"n\":4,\"msg\":\"line 4\"}", ((FakeMqttLink.Sent)link.Published[0]).Text);
            Assert.AreEqual("mqtt link up", ring.Line(6));
        }
    }
}
