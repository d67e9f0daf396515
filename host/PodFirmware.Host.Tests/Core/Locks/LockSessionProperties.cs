using PodFirmware.Core.Position;
using FsCheck;
using FsCheck.Fluent;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using Xunit;

namespace PodFirmware.Host.Tests.Core.Locks
{
    /// <summary>
    /// Random operator and world histories against the lock controller: whatever happens, a lock output is energised
    /// (released) only inside an unlock request made by a mover while no session was active.
    /// </summary>
    public class LockSessionProperties
    {
        private const string Mover = "fleet";

        // One step: kind 0 unlock (random account), 1 lock command, 2 dock toggle, 3 time jump (0..700 s),
        // 4 fence change, 5 session toggle, 6 network toggle, 7 a plain 100 ms tick.
        private static Gen<int[][]> Histories()
        {
            Gen<int[]> step = Gen.Choose(0, 7).SelectMany(kind => Gen.Choose(0, 700000), (kind, arg) => new[] { kind, arg });
            return step.ArrayOf();
        }

        private sealed class SpyOutput : IDigitalOutput
        {
            private readonly SimulatedLock _inner;
            private readonly LockSessionHarness _harness;

            public SpyOutput(SimulatedLock inner, LockSessionHarness harness)
            {
                _inner = inner;
                _harness = harness;
            }

            public bool IsEnergised => _inner.IsEnergised;

            public void Write(bool energised)
            {
                if (energised && !_inner.IsEnergised && !_harness.UnlockAllowedNow)
                {
                    _harness.Violations++;
                }

                _inner.Write(energised);
            }
        }

        private sealed class LockSessionHarness
        {
            public bool UnlockAllowedNow;
            public int Violations;
            public int Unlocks;
        }

        [Fact]
        public void No_history_releases_a_lock_while_a_session_is_active()
        {
            Prop.ForAll(Arb.From(Histories()), history =>
            {
                var harness = new LockSessionHarness();
                var clock = new VirtualClock();
                var wheel = new SimulatedLock(clock);
                var cable = new SimulatedLock(clock);
                var config = new LocksConfig { MoveAccounts = new[] { "ops", Mover } };
                var controller = new LockController(config, new SpyOutput(wheel, harness), wheel.Sense, new SpyOutput(cable, harness), cable.Sense, new EventRing(64, 8), 0);
                var inputs = new LockInputs { Docked = true, Fence = FencePosition.Inside, NetworkUp = true };
                bool sessionActive = false;
                string[] accounts = { Mover, "ops", "stranger", "", null };

                foreach (int[] s in history)
                {
                    switch (s[0])
                    {
                        case 0:
                            string account = accounts[s[1] % accounts.Length];
                            bool moverAsked = account == Mover || account == "ops";
                            harness.UnlockAllowedNow = !sessionActive && moverAsked;
                            CommandResultCode result = controller.RequestUnlock(account, clock.MonotonicMs, sessionActive, false);
                            harness.UnlockAllowedNow = false;
                            if (result == CommandResultCode.Ok)
                            {
                                harness.Unlocks++;
                                if (sessionActive || !moverAsked)
                                {
                                    harness.Violations++;
                                }
                            }

                            break;
                        case 1: controller.RequestLock(clock.MonotonicMs); break;
                        case 2: inputs.Docked = !inputs.Docked; break;
                        case 3: clock.AdvanceMs(s[1]); break;
                        case 4: inputs.Fence = (FencePosition)(s[1] % 3); break;
                        case 5: sessionActive = !sessionActive; break;
                        case 6: inputs.NetworkUp = !inputs.NetworkUp; break;
                        default: clock.AdvanceMs(100); break;
                    }

                    inputs.NowMs = clock.MonotonicMs;
                    controller.Update(inputs);
                }

                return harness.Violations == 0;
            }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500).WithEndSize(200));
        }

        [Fact]
        public void The_spy_catches_a_release_outside_an_allowed_unlock()
        {
            // The property can fail: an unlock with the harness not expecting one counts as a violation.
            var harness = new LockSessionHarness();
            var clock = new VirtualClock();
            var wheel = new SimulatedLock(clock);
            var cable = new SimulatedLock(clock);
            var config = new LocksConfig { MoveAccounts = new[] { Mover } };
            var controller = new LockController(config, new SpyOutput(wheel, harness), wheel.Sense, new SpyOutput(cable, harness), cable.Sense, new EventRing(64, 8), 0);
            controller.Update(new LockInputs { NowMs = 100, Docked = true, NetworkUp = true });
            Assert.Equal(CommandResultCode.Ok, controller.RequestUnlock(Mover, 100, false, false));
            Assert.Equal(2, harness.Violations);
        }
    }
}
