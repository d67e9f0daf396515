using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Position;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Locks
{
    [TestClass]
    public class MoveAuditTests
    {
        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly EventRing Events = new EventRing(64, 8);
            public readonly LockInputs Inputs = new LockInputs();
            public readonly PositionFix Fix = new PositionFix();
            public readonly LockController Locks;

            public Rig(bool withFix)
            {
                var config = new LocksConfig();
                config.MoveAccounts = new string[] { "ops", "fleet" };
                var wheel = new SimulatedLock(Clock);
                var cable = new SimulatedLock(Clock);
                Inputs.Docked = true;
                Inputs.Fence = FencePosition.Inside;
                Inputs.NetworkUp = true;
                Inputs.Fix = withFix ? Fix : null;
                Fix.Valid = withFix;
                Fix.LatitudeDeg = 52.0;
                Fix.LongitudeDeg = 4.0;
                Locks = new LockController(config, wheel, wheel.Sense, cable, cable.Sense, Events, 0);
                Run(1000);
                EventDrain.All(Events);
            }

            public void Run(long ms)
            {
                long end = Clock.MonotonicMs + ms;
                while (Clock.MonotonicMs < end)
                {
                    Clock.AdvanceMs(100);
                    Inputs.NowMs = Clock.MonotonicMs;
                    Locks.Update(Inputs);
                }
            }
        }

        [TestMethod]
        public static void A_move_names_the_unlocking_account_and_ends_with_the_relocking_reason_and_the_distance()
        {
            var rig = new Rig(true);
            long startMs = rig.Clock.MonotonicMs;
            Assert.AreEqual(0, (int)rig.Locks.RequestUnlock("fleet", startMs, false, false));
            PodEvent[] started = EventDrain.All(rig.Events);
            PodEvent moving = EventDrain.FirstOf(started, EventKind.Moving);
            Assert.AreEqual(1, moving.Arg);
            Assert.AreEqual("fleet", moving.Record.Account);
            Assert.AreEqual(0, EventDrain.CountOf(started, EventKind.MoveRecord), "no record before the move ends");

            // 0.001 degree of latitude north: about 111 m.
            rig.Run(2000);
            rig.Fix.LatitudeDeg = 52.001;
            rig.Run(3000);
            Assert.AreEqual(0, (int)rig.Locks.RequestLock(rig.Clock.MonotonicMs));
            PodEvent[] ended = EventDrain.All(rig.Events);
            PodEvent stop = EventDrain.FirstOf(ended, EventKind.Moving);
            Assert.AreEqual(0, stop.Arg);
            Assert.AreEqual(MovingReasons.LockCommand, stop.Text);
            Assert.AreEqual("fleet", stop.Record.Account);
            Assert.IsTrue(Finite.Within(stop.Value, 110.0, 112.5), "distance " + stop.Value.ToString());

            PodEvent record = EventDrain.FirstOf(ended, EventKind.MoveRecord);
            Assert.IsNotNull(record);
            Assert.AreEqual("fleet", record.Record.Account);
            Assert.AreEqual(MovingReasons.LockCommand, record.Text);
            Assert.AreEqual(startMs, record.Record.StartMs);
            Assert.AreEqual(startMs + 5000, record.Record.StopMs);
            Assert.AreEqual(stop.Value, record.Value);
        }

        [TestMethod]
        public static void A_timeout_relock_without_a_position_fix_reports_its_reason_and_no_distance()
        {
            var rig = new Rig(false);
            rig.Locks.RequestUnlock("ops", rig.Clock.MonotonicMs, false, false);
            rig.Run(601000);
            PodEvent[] events = EventDrain.All(rig.Events);
            PodEvent record = EventDrain.FirstOf(events, EventKind.MoveRecord);
            Assert.IsNotNull(record);
            Assert.AreEqual("ops", record.Record.Account);
            Assert.AreEqual(MovingReasons.Timeout, record.Text);
            Assert.IsTrue(double.IsNaN(record.Value), "no fix: distance unknown");
            Assert.IsTrue(double.IsNaN(EventDrain.FirstOf(events, EventKind.Moving).Value));
        }

        [TestMethod]
        public static void A_second_unlock_during_the_move_keeps_the_first_account()
        {
            var rig = new Rig(true);
            rig.Locks.RequestUnlock("fleet", rig.Clock.MonotonicMs, false, false);
            rig.Run(1000);
            rig.Locks.RequestUnlock("ops", rig.Clock.MonotonicMs, false, false);
            rig.Locks.RequestLock(rig.Clock.MonotonicMs);
            PodEvent record = EventDrain.FirstOf(EventDrain.All(rig.Events), EventKind.MoveRecord);
            Assert.AreEqual("fleet", record.Record.Account);
            Assert.AreEqual(0.0, record.Value, "did not move");
        }
    }
}
