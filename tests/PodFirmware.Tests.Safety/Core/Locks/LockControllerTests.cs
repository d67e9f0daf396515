using PodFirmware.Core.Position;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Safety;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Locks
{
    [TestClass]
    public class LockControllerTests
    {
        private static void AssertResult(CommandResultCode expected, CommandResultCode actual)
        {
            Assert.AreEqual((int)expected, (int)actual, "expected " + CommandResultNames.Of(expected) + ", was " + CommandResultNames.Of(actual));
        }

        private static void AssertState(LockState expected, LockState actual, string what)
        {
            Assert.AreEqual((int)expected, (int)actual, what + ": expected " + LockStateNames.Of(expected) + ", was " + LockStateNames.Of(actual));
        }

        private static void AssertStoppedMoving(LockRig rig, string reason)
        {
            Assert.IsFalse(rig.Controller.IsMoving, "moving");
            Assert.IsTrue(rig.Controller.Wheel.CommandedLocked, "wheel commanded locked");
            Assert.IsTrue(rig.Controller.Cable.CommandedLocked, "cable commanded locked");
            PodEvent moving = EventDrain.FirstOf(rig.Drain(), EventKind.Moving);
            Assert.IsNotNull(moving, "a moving event");
            Assert.AreEqual(0, moving.Arg);
            Assert.AreEqual(reason, moving.Text);
        }

        [TestMethod]
        public static void Start_up_commands_both_locks_locked_and_reports_them_locked_once_sensed()
        {
            var rig = new LockRig();
            Assert.IsFalse(rig.WheelLock.IsEnergised);
            Assert.IsFalse(rig.CableLock.IsEnergised);
            rig.Run(100);
            Assert.IsTrue(rig.Controller.LocksEngaged);
            Assert.IsFalse(rig.Controller.IsMoving);
            Assert.AreEqual(0L, rig.Controller.MoveTimeLeftMs);
            Expect.Code(FaultCode.None, rig.Controller.ActiveFault);
        }

        [TestMethod]
        public static void Unlock_by_a_mover_releases_both_locks_and_starts_moving()
        {
            LockRig rig = LockRig.Settled();
            AssertResult(CommandResultCode.Ok, rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, false));
            Assert.IsTrue(rig.WheelLock.IsEnergised, "wheel released");
            Assert.IsTrue(rig.CableLock.IsEnergised, "cable released");
            Assert.IsTrue(rig.Controller.IsMoving);
            Assert.AreEqual(600000L, rig.Controller.MoveTimeLeftMs);
            PodEvent[] events = rig.Drain();
            PodEvent moving = EventDrain.FirstOf(events, EventKind.Moving);
            Assert.IsNotNull(moving);
            Assert.AreEqual(1, moving.Arg);
            Assert.AreEqual("unlock", moving.Text);
            Assert.AreEqual(2, EventDrain.CountOf(events, EventKind.Lock), "both locks report unlocking");
            rig.Run(500);
            AssertState(LockState.Unlocked, rig.Controller.Wheel.State, "wheel after 500 ms travel");
            AssertState(LockState.Unlocked, rig.Controller.Cable.State, "cable after 500 ms travel");
            Assert.IsFalse(rig.Controller.LocksEngaged);
        }

        [TestMethod]
        public static void Lock_events_name_the_lock_and_carry_its_state()
        {
            LockRig rig = LockRig.Settled();
            rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, false);
            rig.Run(500);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(4, EventDrain.CountOf(events, EventKind.Lock), "unlocking and unlocked for each lock");
            int wheelUnlocked = 0;
            int cableUnlocked = 0;
            for (int i = 0; i < events.Length; i++)
            {
                if (events[i].Kind == EventKind.Lock && events[i].Arg == (int)LockState.Unlocked)
                {
                    wheelUnlocked += events[i].Text == "wheel" ? 1 : 0;
                    cableUnlocked += events[i].Text == "cable" ? 1 : 0;
                }
            }

            Assert.AreEqual(1, wheelUnlocked);
            Assert.AreEqual(1, cableUnlocked);
        }

        [TestMethod]
        public static void Unlock_is_refused_for_an_account_without_move_permission()
        {
            LockRig rig = LockRig.Settled();
            AssertResult(CommandResultCode.NoMovePermission, rig.Controller.RequestUnlock("stranger", rig.NowMs, false, false));
            AssertResult(CommandResultCode.NoMovePermission, rig.Controller.RequestUnlock(null, rig.NowMs, false, false));
            AssertResult(CommandResultCode.NoMovePermission, rig.Controller.RequestUnlock("", rig.NowMs, false, false));
            Assert.IsFalse(rig.WheelLock.IsEnergised);
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [TestMethod]
        public static void Unlock_is_refused_while_a_session_is_active()
        {
            LockRig rig = LockRig.Settled();
            AssertResult(CommandResultCode.SessionActive, rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, true, false));
            Assert.IsFalse(rig.WheelLock.IsEnergised);
            Assert.IsFalse(rig.CableLock.IsEnergised);
            Assert.IsFalse(rig.Controller.IsMoving);
        }

        [TestMethod]
        public static void Unlock_is_refused_while_a_fault_is_latched()
        {
            LockRig rig = LockRig.Settled();
            AssertResult(CommandResultCode.FaultLatched, rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, true));
            Assert.IsFalse(rig.CableLock.IsEnergised);
        }

        [TestMethod]
        public static void Unlock_is_refused_while_a_lock_is_in_fault()
        {
            LockRig rig = LockRig.Settled();
            rig.CableLock.Fault = LockFault.StuckUnlocked;
            rig.Run(100);
            Expect.Code(FaultCode.CableLockFault, rig.Controller.ActiveFault);
            AssertResult(CommandResultCode.LockFault, rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, false));
            Assert.IsFalse(rig.WheelLock.IsEnergised);
        }

        [TestMethod]
        public static void Relocks_when_docked_to_any_lamp_post()
        {
            LockRig rig = LockRig.Moving();
            rig.Run(5000);
            Assert.IsTrue(rig.Controller.IsMoving, "still docked right after the unlock is no reason to relock");
            rig.Inputs.Docked = false;
            rig.Run(10000);
            Assert.IsTrue(rig.Controller.IsMoving);
            rig.Inputs.Docked = true;
            rig.Run(100);
            AssertStoppedMoving(rig, "docked");
            rig.Run(500);
            Assert.IsTrue(rig.Controller.LocksEngaged);
        }

        [TestMethod]
        public static void Relocks_when_the_move_timeout_expires()
        {
            LockRig rig = LockRig.Settled();
            long unlockedAtMs = rig.NowMs;
            rig.Controller.RequestUnlock(LockRig.Mover, unlockedAtMs, false, false);
            rig.Inputs.Docked = false;
            rig.Run(600000 - 100);
            Assert.IsTrue(rig.Controller.IsMoving, "100 ms before the deadline");
            Assert.AreEqual(100L, rig.Controller.MoveTimeLeftMs);
            rig.Drain();
            rig.Run(100);
            AssertStoppedMoving(rig, "timeout");
            Assert.AreEqual(0L, rig.Controller.MoveTimeLeftMs);
        }

        [TestMethod]
        public static void Leaving_the_geofence_relocks_and_raises_GeofenceExit()
        {
            LockRig rig = LockRig.Moving();
            rig.Inputs.Docked = false;
            rig.Run(1000);
            rig.Inputs.Fence = FencePosition.Outside;
            rig.Run(100);
            Expect.Code(FaultCode.GeofenceExit, rig.Controller.ActiveFault, "in the tick that saw the exit");
            AssertStoppedMoving(rig, "geofence");
            rig.Run(100);
            Expect.Code(FaultCode.None, rig.Controller.ActiveFault, "reported for one tick; the supervisor latch holds it");
        }

        [TestMethod]
        public static void Outside_the_fence_while_locked_raises_nothing()
        {
            LockRig rig = LockRig.Settled();
            rig.Inputs.Fence = FencePosition.Outside;
            rig.Run(1000);
            Expect.Code(FaultCode.None, rig.Controller.ActiveFault);
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [TestMethod]
        public static void Network_loss_while_moving_warns_once_and_status_keeps_it()
        {
            LockRig rig = LockRig.Moving();
            rig.Inputs.NetworkUp = false;
            rig.Run(3000);
            Assert.IsTrue(rig.Controller.NetworkLostWhileMoving);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.Warning), "once per loss");
            Expect.Code(FaultCode.NetworkLostWhileMoving, EventDrain.FirstOf(events, EventKind.Warning).Code);

            rig.Inputs.NetworkUp = true;
            rig.Run(1000);
            Assert.IsTrue(rig.Controller.NetworkLostWhileMoving, "carried until the pod relocks");
            rig.Inputs.NetworkUp = false;
            rig.Run(1000);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.Warning), "a second loss warns again");

            rig.Controller.RequestLock(rig.NowMs);
            Assert.IsFalse(rig.Controller.NetworkLostWhileMoving, "cleared by the relock");
        }

        [TestMethod]
        public static void Network_loss_while_locked_does_not_warn()
        {
            LockRig rig = LockRig.Settled();
            rig.Inputs.NetworkUp = false;
            rig.Run(1000);
            Assert.IsFalse(rig.Controller.NetworkLostWhileMoving);
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [TestMethod]
        public static void Lock_command_relocks_and_is_ok_when_already_locked()
        {
            LockRig rig = LockRig.Moving();
            AssertResult(CommandResultCode.Ok, rig.Controller.RequestLock(rig.NowMs));
            AssertStoppedMoving(rig, "lock_command");
            rig.Run(500);
            Assert.IsTrue(rig.Controller.LocksEngaged);
            AssertResult(CommandResultCode.Ok, rig.Controller.RequestLock(rig.NowMs));
            Assert.AreEqual(0, EventDrain.CountOf(rig.Drain(), EventKind.Moving), "no moving event when not moving");
        }

        [TestMethod]
        public static void Lock_command_retries_a_faulted_lock_and_clears_the_fault_once_it_locks()
        {
            LockRig rig = LockRig.Settled();
            rig.WheelLock.Fault = LockFault.StuckUnlocked;
            rig.Run(100);
            Expect.Code(FaultCode.WheelLockFault, rig.Controller.ActiveFault);
            rig.WheelLock.Fault = LockFault.Ok;
            AssertResult(CommandResultCode.LockFault, rig.Controller.RequestLock(rig.NowMs));
            rig.Run(100);
            AssertState(LockState.Locked, rig.Controller.Wheel.State, "wheel");
            Expect.Code(FaultCode.None, rig.Controller.ActiveFault);
        }

        [TestMethod]
        public static void A_lock_that_jams_while_unlocking_is_a_lock_fault_after_the_travel_timeout()
        {
            LockRig rig = LockRig.Settled();
            rig.CableLock.Fault = LockFault.StuckLocked;
            rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, false);
            rig.Run(2000);
            AssertState(LockState.Unlocking, rig.Controller.Cable.State, "within 2000 ms");
            rig.Run(100);
            AssertState(LockState.Fault, rig.Controller.Cable.State, "after 2000 ms");
            Expect.Code(FaultCode.CableLockFault, rig.Controller.ActiveFault);
        }

        [TestMethod]
        public static void No_path_commands_a_lock_unlocked_while_a_session_is_active()
        {
            LockRig rig = LockRig.Settled();
            rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, true, false);
            rig.Inputs.Docked = false;
            rig.Run(1000);
            rig.Inputs.Docked = true;
            rig.Inputs.Fence = FencePosition.Outside;
            rig.Inputs.NetworkUp = false;
            rig.Run(700000);
            rig.Controller.RequestLock(rig.NowMs);
            rig.Run(1000);
            Assert.IsFalse(rig.WheelLock.IsEnergised);
            Assert.IsFalse(rig.CableLock.IsEnergised);
            Assert.IsTrue(rig.Controller.LocksEngaged);
        }

        [TestMethod]
        public static void Refuses_an_invalid_config_naming_the_key()
        {
            var config = new LocksConfig();
            config.MoveTimeoutMs = 1;
            var clock = new VirtualClock();
            var wheel = new SimulatedLock(clock);
            var cable = new SimulatedLock(clock);
            try
            {
                new LockController(config, wheel, wheel.Sense, cable, cable.Sense, new EventRing(8, 2), 0);
                Assert.IsTrue(false, "expected an ArgumentException");
            }
            catch (System.ArgumentException e)
            {
                Assert.Contains("locks.moveTimeoutMs", e.Message);
            }
        }

        private static System.ArgumentException Construct(LocksConfig config, EventRing events, long nowMs, out LockController controller)
        {
            controller = null;
            try
            {
                controller = new LockController(config, new SimulatedDigitalOutput(), new SimulatedDigitalInput(), new SimulatedDigitalOutput(), new SimulatedDigitalInput(), events, nowMs);
            }
            catch (System.ArgumentException e)
            {
                return e;
            }

            return null;
        }

        [TestMethod]
        public static void A_missing_config_or_event_ring_is_refused_by_name_and_a_bad_config_with_its_message()
        {
            LockController controller;
            Assert.AreEqual("config", Construct(null, new EventRing(8, 2), 0, out controller).ParamName);
            Assert.AreEqual("events", Construct(new LocksConfig(), null, 0, out controller).ParamName);
            var config = new LocksConfig();
            config.TravelTimeoutMs = 99;
            Assert.Contains("invalid locks configuration:\nlocks.travelTimeoutMs: must be between 100 ms and 10000 ms, is 99 ms",
                Construct(config, new EventRing(8, 2), 0, out controller).Message);
        }

        [TestMethod]
        public static void The_travel_timeout_of_the_start_up_lock_counts_from_the_construction_time()
        {
            LockController controller;
            Assert.IsNull(Construct(new LocksConfig(), new EventRing(8, 2), 100000, out controller));
            var inputs = new LockInputs();
            inputs.NowMs = 102000;
            inputs.Docked = true;
            inputs.Fence = FencePosition.Inside;
            inputs.NetworkUp = true;
            controller.Update(inputs);
            AssertState(LockState.Locking, controller.Wheel.State, "wheel 2000 ms after construction");
            AssertState(LockState.Locking, controller.Cable.State, "cable 2000 ms after construction");
            inputs.NowMs = 102001;
            controller.Update(inputs);
            AssertState(LockState.Fault, controller.Wheel.State, "wheel after 2000 ms");
        }

        [TestMethod]
        public static void Locks_are_engaged_only_when_both_are_locked()
        {
            LockRig rig = LockRig.Settled();
            rig.WheelLock.Fault = LockFault.StuckUnlocked;
            rig.Run(100);
            AssertState(LockState.Locked, rig.Controller.Cable.State, "cable");
            Assert.IsFalse(rig.Controller.LocksEngaged);
        }

        [TestMethod]
        public static void A_relock_before_the_deadline_leaves_no_move_time()
        {
            LockRig rig = LockRig.Moving();
            rig.Controller.RequestLock(rig.NowMs);
            Assert.AreEqual(0L, rig.Controller.MoveTimeLeftMs);
        }

        [TestMethod]
        public static void An_unlock_with_the_network_already_down_warns_at_the_first_update()
        {
            LockRig rig = LockRig.Settled();
            rig.Inputs.NetworkUp = false;
            rig.Run(1000);
            AssertResult(CommandResultCode.Ok, rig.Controller.RequestUnlock(LockRig.Mover, rig.NowMs, false, false));
            Assert.IsFalse(rig.Controller.NetworkLostWhileMoving, "before the first update of the move");
            rig.Drain();
            rig.Run(100);
            Assert.IsTrue(rig.Controller.NetworkLostWhileMoving);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.Warning));
        }

        [TestMethod]
        public static void A_lock_command_reports_both_locks_locking_at_once()
        {
            LockRig rig = LockRig.Moving();
            rig.Controller.RequestLock(rig.NowMs);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(2, EventDrain.CountOf(events, EventKind.Lock), "before the next update");
            PodEvent lockEvent = EventDrain.FirstOf(events, EventKind.Lock);
            Assert.AreEqual((int)LockState.Locking, lockEvent.Arg);
            Assert.AreEqual(rig.NowMs, lockEvent.TimeMs);
        }
    }
}
