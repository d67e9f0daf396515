using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;

namespace PodFirmware.Tests.Core.Events
{
    [TestClass]
    public class EventRingTests
    {
        private static PodEvent Make(EventKind kind, long timeMs)
        {
            var e = new PodEvent();
            e.Kind = kind;
            e.TimeMs = timeMs;
            return e;
        }

        [TestMethod]
        public static void An_event_without_a_space_gets_the_space_the_tick_set_and_one_with_a_space_keeps_it()
        {
            var ring = new EventRing(4, 1);
            ring.SpaceNumber = 17;
            PodEvent own = Make(EventKind.Alarm, 10);
            own.SpaceNumber = 3;
            ring.TryWrite(Make(EventKind.Lock, 0));
            ring.TryWrite(own);
            ring.SpaceNumber = 0;
            ring.TryWrite(Make(EventKind.Moving, 20));
            PodEvent[] taken = EventDrain.All(ring);
            Assert.AreEqual(17, taken[0].SpaceNumber);
            Assert.AreEqual(3, taken[1].SpaceNumber);
            Assert.AreEqual(0, taken[2].SpaceNumber, "undocked: no space");
        }

        [TestMethod]
        public static void Takes_events_in_the_order_they_were_written()
        {
            var ring = new EventRing(8, 2);
            ring.TryWrite(Make(EventKind.Status, 10));
            ring.TryWrite(Make(EventKind.Alarm, 20));
            ring.TryWrite(Make(EventKind.Session, 30));

            PodEvent[] taken = EventDrain.All(ring);

            Assert.AreEqual(3, taken.Length);
            Assert.AreEqual(10L, taken[0].TimeMs);
            Assert.AreEqual((int)EventKind.Alarm, (int)taken[1].Kind);
            Assert.AreEqual(30L, taken[2].TimeMs);
            Assert.AreEqual(0, ring.Count);
        }

        [TestMethod]
        public static void Copies_every_field_in_and_out_so_the_callers_objects_stay_theirs()
        {
            var ring = new EventRing(4, 1);
            var source = new PodEvent();
            source.Kind = EventKind.Alarm;
            source.TimeMs = 123456789012L;
            source.Code = FaultCode.OverVoltage;
            source.Value = 254.5;
            source.Limit = 253.0;
            source.Unit = ValueUnit.Volt;
            source.SpaceNumber = 17;
            source.Arg = 2;
            source.Restored = true;

            Assert.IsTrue(ring.TryWrite(source));
            source.Value = -1;
            var into = new PodEvent();
            Assert.IsTrue(ring.TryTake(into));

            Assert.AreEqual((int)EventKind.Alarm, (int)into.Kind);
            Assert.AreEqual(123456789012L, into.TimeMs);
            Assert.AreEqual((int)FaultCode.OverVoltage, (int)into.Code);
            Assert.AreEqual(254.5, into.Value);
            Assert.AreEqual(253.0, into.Limit);
            Assert.AreEqual((int)ValueUnit.Volt, (int)into.Unit);
            Assert.AreEqual(17, into.SpaceNumber);
            Assert.AreEqual(2, into.Arg);
            Assert.IsTrue(into.Restored);
        }

        [TestMethod]
        public static void Take_from_an_empty_ring_returns_false_and_leaves_the_target_alone()
        {
            var ring = new EventRing(2, 0);
            PodEvent into = Make(EventKind.Session, 77);
            Assert.IsFalse(ring.TryTake(into));
            Assert.AreEqual(77L, into.TimeMs);
            Assert.AreEqual((int)EventKind.Session, (int)into.Kind);
        }

        [TestMethod]
        public static void Drops_a_new_ordinary_event_once_only_the_reserve_is_free_and_counts_it()
        {
            var ring = new EventRing(4, 1);
            Assert.IsTrue(ring.TryWrite(Make(EventKind.Status, 1)));
            Assert.IsTrue(ring.TryWrite(Make(EventKind.Status, 2)));
            Assert.IsTrue(ring.TryWrite(Make(EventKind.Status, 3)));

            Assert.IsFalse(ring.TryWrite(Make(EventKind.Status, 4)));

            Assert.AreEqual(1, ring.DroppedCount);
            Assert.AreEqual(0, ring.DroppedProtectedCount);
            Assert.AreEqual(3, ring.Count);
            PodEvent[] taken = EventDrain.All(ring);
            Assert.AreEqual(3L, taken[2].TimeMs, "the oldest events are kept, the new one is dropped");
        }

        [TestMethod]
        public static void An_alarm_still_fits_after_a_burst_of_status_events_filled_the_rest()
        {
            var ring = new EventRing(4, 1);
            for (int i = 0; i < 10; i++)
            {
                ring.TryWrite(Make(EventKind.Status, i));
            }

            Assert.IsTrue(ring.TryWrite(Make(EventKind.Alarm, 100)));

            PodEvent[] taken = EventDrain.All(ring);
            Assert.AreEqual(4, taken.Length);
            Assert.AreEqual((int)EventKind.Alarm, (int)taken[3].Kind);
            Assert.AreEqual(7, ring.DroppedCount);
        }

        [TestMethod]
        public static void Safety_events_are_dropped_only_when_the_whole_ring_is_full_and_counted_apart()
        {
            var ring = new EventRing(3, 1);
            Assert.IsTrue(ring.TryWrite(Make(EventKind.Alarm, 1)));
            Assert.IsTrue(ring.TryWrite(Make(EventKind.FireRisk, 2)));
            Assert.IsTrue(ring.TryWrite(Make(EventKind.AllClear, 3)));

            Assert.IsFalse(ring.TryWrite(Make(EventKind.FaultCleared, 4)));
            Assert.IsFalse(ring.TryWrite(Make(EventKind.Status, 5)));

            Assert.AreEqual(2, ring.DroppedCount);
            Assert.AreEqual(1, ring.DroppedProtectedCount);
        }

        [TestMethod]
        public static void Taking_an_event_makes_room_for_the_next()
        {
            var ring = new EventRing(2, 0);
            ring.TryWrite(Make(EventKind.Status, 1));
            ring.TryWrite(Make(EventKind.Status, 2));
            Assert.IsFalse(ring.TryWrite(Make(EventKind.Status, 3)));

            Assert.IsTrue(ring.TryTake(new PodEvent()));
            Assert.IsTrue(ring.TryWrite(Make(EventKind.Status, 4)));

            PodEvent[] taken = EventDrain.All(ring);
            Assert.AreEqual(2L, taken[0].TimeMs);
            Assert.AreEqual(4L, taken[1].TimeMs);
        }

        [TestMethod]
        public static void Keeps_order_across_many_wrap_arounds()
        {
            var ring = new EventRing(3, 0);
            var into = new PodEvent();
            long expected = 0;
            for (long t = 0; t < 1000; t++)
            {
                Assert.IsTrue(ring.TryWrite(Make(EventKind.Session, t)));
                if (t % 3 == 2)
                {
                    while (ring.TryTake(into))
                    {
                        Assert.AreEqual(expected, into.TimeMs);
                        expected++;
                    }
                }
            }

            Assert.AreEqual(999L, expected, "all but the last write were taken, in order");
            Assert.AreEqual(0, ring.DroppedCount);
        }

        [TestMethod]
        public static void Refuses_a_capacity_below_one_or_a_reserve_that_leaves_no_ordinary_slot()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EventRing(0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EventRing(4, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new EventRing(4, -1));
        }

        [TestMethod]
        public static void Only_the_kinds_the_pod_stores_and_delivers_are_protected()
        {
            int protectedKinds = 0;
            for (int i = 0; i < EventKindNames.Count; i++)
            {
                protectedKinds += EventRing.IsProtectedKind((EventKind)i) ? 1 : 0;
            }

            Assert.AreEqual(6, protectedKinds);
            Assert.IsTrue(EventRing.IsProtectedKind(EventKind.FireRisk));
            Assert.IsTrue(EventRing.IsProtectedKind(EventKind.Session));
            Assert.IsTrue(EventRing.IsProtectedKind(EventKind.CommandResult));
            Assert.IsFalse(EventRing.IsProtectedKind(EventKind.Warning));
            Assert.IsFalse(EventRing.IsProtectedKind(EventKind.Lock));
        }
    }
}
