using PodFirmware.Core.Position;
using System;
using PodFirmware.Core.Events;
using PodFirmware.Core.Locks;
using PodFirmware.Core.SelfTest;
using PodFirmware.Drivers.Simulated;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Core.Locks
{
    /// <summary>The lock controller and the self-test run on the control tick and must allocate nothing in steady state.</summary>
    [Collection(AllocationMeasurement.Name)]
    public class LockAllocationTests
    {
        [Fact]
        public void Moving_cycles_with_relocks_warnings_and_self_tests_allocate_no_bytes()
        {
            var clock = new VirtualClock();
            var wheel = new SimulatedLock(clock);
            var cable = new SimulatedLock(clock);
            var ring = new EventRing(64, 8);
            var taken = new PodEvent();
            var controller = new LockController(new LocksConfig { MoveAccounts = new[] { "fleet" } }, wheel, wheel.Sense, cable, cable.Sense, ring, 0);
            var inputs = new LockInputs { Docked = true, Fence = FencePosition.Inside, NetworkUp = true };
            var selfTestInputs = new SelfTestInputs();
            var selfTest = new SelfTest();
            int moves = 0;

            void Run(int ticks)
            {
                for (int i = 0; i < ticks; i++)
                {
                    clock.AdvanceMs(100);
                    int phase = i % 300;
                    if (phase == 10 && controller.RequestUnlock("fleet", clock.MonotonicMs, false, false) == PodFirmware.Core.Commands.CommandResultCode.Ok)
                    {
                        moves++;
                    }

                    inputs.Docked = phase < 50 || phase > 200;
                    inputs.NetworkUp = phase < 100 || phase > 120;
                    inputs.Fence = phase == 150 && i % 600 < 300 ? FencePosition.Outside : FencePosition.Inside;
                    inputs.NowMs = clock.MonotonicMs;
                    controller.Update(inputs);
                    if (phase == 250)
                    {
                        controller.RequestLock(clock.MonotonicMs);
                    }

                    selfTestInputs.CopyLocks(controller);
                    selfTest.Run(selfTestInputs);
                    while (ring.TryTake(taken))
                    {
                    }
                }
            }

            Run(3000);
            long before = AllocationWindow.Begin();
            Run(30000);
            long allocated = AllocationWindow.End(before);
            Assert.True(moves > 50, "the run must actually move the pod, moved " + moves);
            Assert.Equal(0, allocated);
        }
    }
}
