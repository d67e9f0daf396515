using System;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>The control tick must allocate nothing in steady state: the nanoFramework GC stops the world.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class PodControllerAllocationTests
    {
        // The trip itself persists the latch once (the test store copies the record); the ticks
        // before it and every tick after it must not allocate.
        [Fact]
        public void Ten_thousand_ticks_allocate_zero_bytes_while_charging_and_again_while_latched()
        {
            var config = ConfigFile.Parse("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}", "test");
            var run = ScenarioRun.Create(config, ScenarioParser.Parse("0 current_a 16\n0 plug in\n0 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n"));
            VirtualPod pod = run.Pod;
            var clock = (VirtualClock)pod.Clock;
            run.RunUntil(0, _ => { });
            var drained = new PodFirmware.Core.Events.PodEvent();
            void Ticks(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    pod.Tick();
                    while (pod.Events.TryTake(drained))
                    {
                    }

                    clock.AdvanceMs(config.TickPeriodMs);
                }
            }

            Ticks(200);
            long before = AllocationWindow.Begin();
            Ticks(10000);
            long charging = AllocationWindow.End(before);
            Assert.True(pod.Relay.IsEnergised, "the pod must have been charging");

            pod.Temperature.TemperatureC = 170;
            Ticks(200);
            before = AllocationWindow.Begin();
            Ticks(10000);
            long latched = AllocationWindow.End(before);

            Assert.True(pod.Controller.Supervisor.IsLatched, "the 170 °C phase must have tripped");
            Assert.False(pod.Relay.IsEnergised);
            Assert.Equal(0, charging);
            Assert.Equal(0, latched);
        }

        // The pilot at work: a scripted EV that stops and asks again every 2 s (C -> B -> C: pilot events, relay writes,
        // SuspendedEV and Charging statuses) and a cable swapped between 20 A and 32 A (duty changes) allocates nothing either.
        [Fact]
        public void Ten_thousand_ticks_of_an_EV_changing_state_and_duty_allocate_zero_bytes()
        {
            var config = ConfigFile.Parse("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}", "test");
            var run = ScenarioRun.Create(config, ScenarioParser.Parse("0 ev connect\n0 ev charge\n0 ev reaction_ms 0\n0 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n"));
            VirtualPod pod = run.Pod;
            var clock = (VirtualClock)pod.Clock;
            run.RunUntil(0, _ => { });
            var drained = new PodFirmware.Core.Events.PodEvent();
            int closes = 0;
            void Ticks(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    pod.Ev.AsksForPower = i % 20 < 10;
                    pod.Ev.PpOhms = i % 60 < 30 ? 220.0 : 680.0;
                    pod.Tick();
                    while (pod.Events.TryTake(drained))
                    {
                        closes += drained.Kind == PodFirmware.Core.Events.EventKind.Relay && drained.Arg == 1 ? 1 : 0;
                    }

                    clock.AdvanceMs(config.TickPeriodMs);
                }
            }

            Ticks(200);
            closes = 0;
            long before = AllocationWindow.Begin();
            Ticks(10000);
            long allocated = AllocationWindow.End(before);

            Assert.False(pod.Controller.Supervisor.IsLatched);
            Assert.True(closes >= 400, "the relay must have closed again and again: " + closes);
            Assert.Equal(0, allocated);
        }
    }
}
