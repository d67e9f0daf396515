using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Locks;
using PodFirmware.Host.Simulation;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>
    /// Commands applied in one tick must each see what the ones before them did. Found by
    /// <see cref="PodSafetyProperties"/>: an unlock and a start queued for the same tick started a session on a pod
    /// that had just been released to move.
    /// </summary>
    public class SameTickCommandTests
    {
        private static CommandResultCode ResultOf(PodSafetyHarness harness, string id, PodEvent e)
        {
            CommandResultCode result = CommandResultCode.NotSupported;
            while (harness.Pod.Events.TryTake(e))
            {
                if (e.Kind == EventKind.CommandResult && e.Text == id)
                {
                    result = (CommandResultCode)e.Arg;
                }
            }

            return result;
        }

        [Fact]
        public void An_unlock_after_a_stop_is_refused_until_the_relay_has_been_open_for_the_settle_time()
        {
            var harness = new PodSafetyHarness(0);
            harness.Pod.Plug.Value = true;
            harness.Pod.DemandA = 16;
            harness.SendJson("{\"type\":\"start\",\"account\":\"driver-1\"}", new PodStep(PodStepKind.Start, 0, 0));
            harness.Ticks(10);
            Assert.True(harness.Pod.Relay.IsEnergised, "charging before the stop");

            harness.SendJson("{\"type\":\"stop\"}", new PodStep(PodStepKind.Stop, 0, 0));
            CommandIntake unlock = harness.SendJson("{\"type\":\"unlock\",\"account\":\"tech-ben\"}", new PodStep(PodStepKind.Unlock, 1, 0));
            harness.Pod.Tick();
            var e = new PodEvent();
            Assert.Equal(CommandResultCode.SessionActive, ResultOf(harness, unlock.Id, e));
            Assert.False(harness.Pod.Relay.IsEnergised, "the stop opened the relay");
            Assert.False(harness.Pod.WheelLock.IsEnergised);
            Assert.False(harness.Pod.CableLock.IsEnergised);

            // One tick later the coil is open, but a weld is only judged after safety.relay.settleMs (300 ms):
            // until then the connector may still be live, so the unlock is still refused.
            harness.Clock.AdvanceMs(100);
            CommandIntake early = harness.SendJson("{\"type\":\"unlock\",\"account\":\"tech-ben\"}", new PodStep(PodStepKind.Unlock, 1, 0));
            harness.Pod.Tick();
            Assert.Equal(CommandResultCode.SessionActive, ResultOf(harness, early.Id, e));
            Assert.False(harness.Pod.WheelLock.IsEnergised || harness.Pod.CableLock.IsEnergised);

            // Once the settle time has passed with the contacts seen open, the same mover may unlock.
            harness.Clock.AdvanceMs(200);
            CommandIntake again = harness.SendJson("{\"type\":\"unlock\",\"account\":\"tech-ben\"}", new PodStep(PodStepKind.Unlock, 1, 0));
            harness.Pod.Tick();
            Assert.Equal(CommandResultCode.Ok, ResultOf(harness, again.Id, e));
            Assert.True(harness.Pod.WheelLock.IsEnergised && harness.Pod.CableLock.IsEnergised);
        }

        [Fact]
        public void A_start_queued_behind_an_accepted_unlock_in_the_same_tick_is_refused_as_moving()
        {
            var harness = new PodSafetyHarness(0);
            harness.Pod.Plug.Value = true;
            harness.Ticks(10);
            CommandIntake unlock = harness.SendJson("{\"type\":\"unlock\",\"account\":\"tech-ana\"}", new PodStep(PodStepKind.Unlock, 0, 0));
            CommandIntake start = harness.SendJson("{\"type\":\"start\",\"account\":\"driver-1\"}", new PodStep(PodStepKind.Start, 0, 0));
            Assert.True(unlock.Queued && start.Queued);

            harness.Pod.Tick();
            var e = new PodEvent();
            CommandResultCode unlockResult = CommandResultCode.NotSupported, startResult = CommandResultCode.NotSupported;
            while (harness.Pod.Events.TryTake(e))
            {
                if (e.Kind == EventKind.CommandResult && e.Text == unlock.Id)
                {
                    unlockResult = (CommandResultCode)e.Arg;
                }
                else if (e.Kind == EventKind.CommandResult && e.Text == start.Id)
                {
                    startResult = (CommandResultCode)e.Arg;
                }
            }

            Assert.Equal(CommandResultCode.Ok, unlockResult);
            Assert.Equal(CommandResultCode.Moving, startResult);
            Assert.True(harness.Pod.Controller.Locks.IsMoving);
            Assert.False(harness.Pod.Controller.Session.IsActive);
            Assert.Equal(LockState.Unlocking, harness.Pod.Controller.Locks.Wheel.State);
        }
    }
}
