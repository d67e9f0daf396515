using System;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Messaging
{
    /// <summary>
    /// The messaging thread shares the board's heap with the tick: a steady-state pump (status on change and every
    /// 30 s, telemetry every second while charging, nothing inbound) must not allocate, or the GC pauses the tick too.
    /// </summary>
    [Collection(AllocationMeasurement.Name)]
    public class MessagingPumpAllocationTests
    {
        /// <summary>A connected link that accepts every publish and allocates nothing itself.</summary>
        private sealed class CountingLink : IMqttLink
        {
            public int Publishes;

            public bool IsConnected => true;

            public int DroppedInboundCount => 0;

            public int InboundCount => 0;

            public void Start(MqttLinkOptions options)
            {
            }

            public void Stop()
            {
            }

            public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
            {
                messageId = ++Publishes;
                return true;
            }

            public void Subscribe(string topic, int qos)
            {
            }

            public bool TryTakeMessage(MqttInboundMessage into) => false;

            public bool TryTakeAck(out int messageId)
            {
                messageId = 0;
                return false;
            }
        }

        [Fact]
        public void Ten_thousand_ticks_of_a_charging_pod_with_its_pump_allocate_zero_bytes()
        {
            var config = ConfigFile.Parse(
                "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17," +
                "\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}", "test");
            var run = ScenarioRun.Create(config, ScenarioParser.Parse("0 current_a 16\n0 plug in\n0 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n"));
            run.RunUntil(0, _ => { });
            VirtualPod pod = run.Pod;
            var link = new CountingLink();
            MessagingPump pump = PumpWithCommands(config, link, pod);
            pump.EnableHeartbeat(pod.Controller.Heartbeat);

            Steps(pod, pump, config, 400);
            int publishesBefore = link.Publishes;
            long before = AllocationWindow.Begin();
            Steps(pod, pump, config, 10_000);
            long allocated = AllocationWindow.End(before);

            Assert.True(pod.Relay.IsEnergised, "the pod must have been charging");
            // 1000 s of telemetry at 1 s, plus status at least every 30 s: the pump really published.
            Assert.True(link.Publishes - publishesBefore >= 1000 + 33, "publishes: " + (link.Publishes - publishesBefore));
            Assert.Equal(0L, allocated);
        }

        [Fact]
        public void Polling_an_idle_card_reader_allocates_zero_bytes()
        {
            var config = ConfigFile.Parse(
                "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17," +
                "\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}," +
                "\"card\":{\"enabled\":true,\"hashKeyHex\":\"000102030405060708090a0b0c0d0e0f\",\"pollMs\":100}}", "test");
            var run = ScenarioRun.Create(config, ScenarioParser.Parse("0 plug in\n"));
            run.RunUntil(0, _ => { });
            VirtualPod pod = run.Pod;
            var link = new CountingLink();
            MessagingPump pump = PumpWithCommands(config, link, pod);
            pump.EnableCards(new CardDesk(config, pod.CardReader, pod.Controller));

            Steps(pod, pump, config, 100);
            int pollsBefore = pod.CardReader.Polls;
            long before = AllocationWindow.Begin();
            Steps(pod, pump, config, 10_000);
            long allocated = AllocationWindow.End(before);

            Assert.Equal(10_000, pod.CardReader.Polls - pollsBefore);
            Assert.Equal(0L, allocated);
        }

        private static MessagingPump PumpWithCommands(PodConfig config, IMqttLink link, VirtualPod pod)
        {
            var publisher = new ReliablePublisher(link, new Outbox(new MemoryBlobStore(), 16, 1024), 16, 30000);
            var pump = new MessagingPump(config, link, pod.Controller, publisher);
            pump.EnableCommands(config.Commands.CreateAuthenticator(config.PodId), pod.Controller.Commands, pod.Controller.Utc);
            return pump;
        }

        // n ticks of the pod, each followed by a pump, in virtual time.
        private static void Steps(VirtualPod pod, MessagingPump pump, PodConfig config, int n)
        {
            var clock = (VirtualClock)pod.Clock;
            for (int i = 0; i < n; i++)
            {
                pod.Tick();
                pump.Pump(clock.MonotonicMs);
                clock.AdvanceMs(config.TickPeriodMs);
            }
        }
    }
}
