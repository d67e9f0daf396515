using nanoFramework.TestFramework;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Ports;
using PodFirmware.Tests.Core.Boot;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class MessagingStackTests
    {
        [TestMethod]
        public static void Link_options_carry_the_mqtt_section_the_pod_id_and_a_retained_offline_Will()
        {
            var rig = new PodRig();
            rig.Config.Mqtt.Host = "broker.site";
            rig.Config.Mqtt.Port = 8883;
            rig.Config.Mqtt.KeepAliveS = 45;

            MqttLinkOptions options = MessagingStack.CreateLinkOptions(rig.Config);

            Assert.AreEqual("broker.site", options.Host);
            Assert.AreEqual(8883, options.Port);
            Assert.AreEqual("P-017", options.ClientId);
            Assert.AreEqual("pods/P-017/availability", options.WillTopic);
            Assert.AreEqual("offline", options.WillPayload);
            Assert.IsTrue(options.WillRetain);
        }

        [TestMethod]
        public static void The_stack_wires_the_outbox_from_config_and_enables_commands()
        {
            var rig = new PodRig();
            rig.Config.Outbox.Capacity = 12;
            var link = new FakeMqttLink();
            var stack = new MessagingStack(rig.Config, link, rig.Controller, rig.Store, false);

            Assert.AreEqual(12, stack.Outbox.Capacity);
            Assert.IsNotNull(stack.Authenticator);
            stack.Pump.Pump(0);
            Assert.AreEqual("pods/P-017/cmd@1", (string)link.Subscriptions[0], "commands enabled");
            Assert.AreEqual("site/S-1/heartbeat@0", (string)link.Subscriptions[1], "heartbeat enabled");
        }

        [TestMethod]
        public static void TryStartLoop_starts_the_link_with_the_pod_options_and_returns_the_loop()
        {
            var rig = new PodRig();
            var link = new RecordingLink();
            MessagingLoopCore loop = MessagingStack.TryStartLoop(rig.Config, link, rig.Controller, rig.Store, rig.Clock, new FakeNetwork(), rig.Loop(100), rig.Pause, false);

            Assert.IsNotNull(loop);
            Assert.AreEqual(1, link.Starts);
            Assert.AreEqual("P-017", link.StartedWith.ClientId);
            Assert.AreEqual(0, link.Stops);
            Assert.IsTrue(loop.RunOnce());
        }

        [TestMethod]
        public static void TryStartLoop_leaves_the_pod_offline_with_the_link_stopped_when_anything_fails()
        {
            var rig = new PodRig();
            rig.Controller.NetworkUp = true;
            var link = new RecordingLink { StartThrows = true };

            Assert.IsNull(MessagingStack.TryStartLoop(rig.Config, link, rig.Controller, rig.Store, rig.Clock, null, rig.Loop(100), rig.Pause, false));
            Assert.AreEqual(1, link.Stops);
            Assert.IsFalse(rig.Controller.NetworkUp);

            var missingPart = new RecordingLink();
            Assert.IsNull(MessagingStack.TryStartLoop(rig.Config, missingPart, rig.Controller, rig.Store, rig.Clock, null, null, rig.Pause, false));
            Assert.AreEqual(1, missingPart.Stops, "no link without a loop behind it");
        }
    }
}
