using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Tests.Drivers.Gnss;

namespace PodFirmware.Tests.Core.Control
{
    [TestClass]
    public class ControlLoopCoreTests
    {
        /// <summary>A UART that fails on the first read, counting calls.</summary>
        private sealed class BrokenUart : ISerialInput
        {
            public int Calls;

            public int BytesToRead
            {
                get
                {
                    Calls++;
                    throw new InvalidOperationException("UART gone");
                }
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                Calls++;
                throw new InvalidOperationException("UART gone");
            }
        }

        /// <summary>A UART holding one sentence, handed out on the first poll.</summary>
        private sealed class OneSentenceUart : ISerialInput
        {
            private readonly byte[] _bytes = Nmea.Bytes(Nmea.Sentence("GNRMC,101500.00,A,5130.0000,N,00007.5000,W,0.0,0.0,211126,,,A"));
            private int _at;

            public int BytesToRead
            {
                get { return _bytes.Length - _at; }
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = count < BytesToRead ? count : BytesToRead;
                Array.Copy(_bytes, _at, buffer, offset, n);
                _at += n;
                return n;
            }
        }

        [DataRow(0)]
        [DataRow(30)]
        [DataRow(99)]
        [TestMethod]
        public static void Ticks_start_one_period_apart_whatever_a_tick_takes_within_the_period(int tickTakesMs)
        {
            var rig = new PodRig();
            rig.Clock.AdvanceMs(5000);
            rig.Dock.TakesMs = tickTakesMs;
            ControlLoopCore loop = rig.Loop(100);

            for (int i = 0; i < 20; i++)
            {
                Assert.IsTrue(loop.RunOnce());
                Assert.AreEqual(5000L + i * 100L, rig.Dock.LastReadAtMs, "tick i starts at origin + i periods: no drift");
                Assert.AreEqual(100 - tickTakesMs, rig.Pause.LastMs);
            }

            Assert.AreEqual(0, loop.OverrunCount);
            Assert.IsFalse(loop.HasFailed);
        }

        [TestMethod]
        public static void A_tick_late_by_less_than_a_period_is_caught_up_without_a_negative_pause()
        {
            var rig = new PodRig();
            ControlLoopCore loop = rig.Loop(100);
            rig.Dock.TakesMs = 150;
            loop.RunOnce();
            Assert.AreEqual(0, rig.Pause.LastMs, "late: no pause, only a yield");

            rig.Dock.TakesMs = 10;
            loop.RunOnce();
            Assert.AreEqual(150L, rig.Dock.LastReadAtMs, "the late tick's successor runs at once");
            Assert.AreEqual(40, rig.Pause.LastMs, "and the schedule is back on its 100 ms grid: next tick at 200");
            loop.RunOnce();
            Assert.AreEqual(200L, rig.Dock.LastReadAtMs);
            Assert.AreEqual(0, loop.OverrunCount);
        }

        [TestMethod]
        public static void A_tick_overrunning_a_whole_period_rebases_the_schedule_instead_of_bursting()
        {
            var rig = new PodRig();
            ControlLoopCore loop = rig.Loop(100);
            rig.Dock.TakesMs = 350;
            loop.RunOnce();
            Assert.AreEqual(1, loop.OverrunCount);
            Assert.AreEqual(0, rig.Pause.LastMs);

            rig.Dock.TakesMs = 0;
            loop.RunOnce();
            Assert.AreEqual(350L, rig.Dock.LastReadAtMs);
            Assert.AreEqual(100, rig.Pause.LastMs, "one period from the re-based deadline, no catch-up burst");
            loop.RunOnce();
            Assert.AreEqual(450L, rig.Dock.LastReadAtMs);
            Assert.AreEqual(1, loop.OverrunCount);
        }

        [TestMethod]
        public static void An_exception_in_a_tick_opens_the_relay_engages_the_locks_and_parks_the_loop_for_good()
        {
            var rig = new PodRig();
            ControlLoopCore loop = rig.Loop(100);
            loop.RunOnce();
            rig.Relay.Write(true);
            rig.WheelLock.Write(true);
            rig.CableLock.Write(true);
            rig.Dock.Throws = true;

            Assert.IsFalse(loop.RunOnce());

            Assert.IsTrue(loop.HasFailed);
            Assert.AreEqual("dock sense adapter failed", loop.FailureMessage);
            Assert.IsFalse(rig.Relay.IsEnergised, "relay opened in the failing turn");
            Assert.IsFalse(rig.WheelLock.IsEnergised, "locks de-energised: spring-applied, so engaged");
            Assert.IsFalse(rig.CableLock.IsEnergised);

            int reads = rig.Dock.Reads;
            rig.Dock.Throws = false;
            for (int i = 0; i < 3; i++)
            {
                rig.Relay.Write(true);
                Assert.IsFalse(loop.RunOnce());
                Assert.IsFalse(rig.Relay.IsEnergised, "the safe state is rewritten every hold period");
                Assert.AreEqual(SafeOutputs.HoldPeriodMs, rig.Pause.LastMs);
            }

            Assert.AreEqual(reads, rig.Dock.Reads, "no tick ever runs again, even once the cause is gone");
        }

        [TestMethod]
        public static void Run_holds_the_safe_state_after_a_failure_and_never_returns_by_itself()
        {
            var rig = new PodRig();
            ControlLoopCore loop = rig.Loop(100);
            rig.Dock.Throws = true;
            rig.Pause.StopAfter(5);

            Assert.ThrowsException(typeof(VirtualPause.Stop), () => loop.Run());
            Assert.IsTrue(loop.HasFailed);
            Assert.AreEqual(1, rig.Dock.Reads);
            Assert.AreEqual(SafeOutputs.HoldPeriodMs, rig.Pause.LastMs);
        }

        [TestMethod]
        public static void A_failing_GNSS_UART_stops_only_the_polling_and_the_ticks_go_on()
        {
            var rig = new PodRig();
            var uart = new BrokenUart();
            var loop = new ControlLoopCore(rig.Controller, rig.Clock, rig.Pause, rig.Safe, new SerialGnssFeed(uart, new NmeaGnssReceiver(2000)), 100);

            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(loop.RunOnce());
            }

            Assert.AreEqual(1, uart.Calls, "not polled again after the failure");
            Assert.IsTrue(loop.GnssStopped);
            Assert.IsFalse(loop.HasFailed);
            Assert.AreEqual(5, rig.Dock.Reads);
        }

        [TestMethod]
        public static void The_GNSS_UART_is_fed_before_each_tick_at_the_tick_time()
        {
            var rig = new PodRig();
            rig.Clock.AdvanceMs(1000);
            var receiver = new NmeaGnssReceiver(2000);
            var loop = new ControlLoopCore(rig.Controller, rig.Clock, rig.Pause, rig.Safe, new SerialGnssFeed(new OneSentenceUart(), receiver), 100);

            loop.RunOnce();

            var fix = new PositionFix();
            Assert.IsTrue(receiver.TryGetFix(3000, fix), "stamped 1000: fresh until 3000");
            Assert.IsFalse(receiver.TryGetFix(3001, fix));
        }

        [TestMethod]
        public static void Refuses_missing_parts_and_a_period_below_1_ms()
        {
            var rig = new PodRig();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ControlLoopCore(null, rig.Clock, rig.Pause, rig.Safe, null, 100));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ControlLoopCore(rig.Controller, null, rig.Pause, rig.Safe, null, 100));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ControlLoopCore(rig.Controller, rig.Clock, null, rig.Safe, null, 100));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ControlLoopCore(rig.Controller, rig.Clock, rig.Pause, null, null, 100));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ControlLoopCore(rig.Controller, rig.Clock, rig.Pause, rig.Safe, null, 0));
        }
    }
}
