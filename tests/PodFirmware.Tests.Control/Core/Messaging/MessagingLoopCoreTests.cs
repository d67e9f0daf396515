using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Tests.Core.Boot;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class MessagingLoopCoreTests
    {
        private const string Availability = "pods/P-017/availability";

        private sealed class Rig
        {
            public readonly PodRig Pod = new PodRig();
            public readonly RecordingLink Link = new RecordingLink();
            public readonly FakeNetwork Sntp = new FakeNetwork();
            public readonly MessagingStack Stack;
            public readonly ControlLoopCore Control;
            public readonly MessagingLoopCore Loop;

            public Rig()
            {
                Stack = new MessagingStack(Pod.Config, Link, Pod.Controller, Pod.Store, false);
                Control = Pod.Loop(100);
                Loop = new MessagingLoopCore(Stack.Pump, Link, Pod.Controller, Pod.Clock, Sntp, Control, Pod.Pause);
            }

            public void FailTheTick()
            {
                Pod.Dock.Throws = true;
                Control.RunOnce();
                Assert.IsTrue(Control.HasFailed);
            }
        }

        [TestMethod]
        public static void Each_turn_hands_the_link_state_to_the_controller_pumps_and_pauses()
        {
            var rig = new Rig();
            rig.Link.Inner.Connected = false;
            Assert.IsTrue(rig.Loop.RunOnce());
            Assert.IsFalse(rig.Pod.Controller.NetworkUp);
            Assert.AreEqual(MessagingLoopCore.PumpPeriodMs, rig.Pod.Pause.LastMs);

            rig.Link.Inner.Connected = true;
            Assert.IsTrue(rig.Loop.RunOnce());
            Assert.IsTrue(rig.Pod.Controller.NetworkUp);
            Assert.AreEqual(1, rig.Link.Inner.On(Availability).Count, "the pump ran: online after the connect");
            Assert.AreEqual(2L * MessagingLoopCore.PumpPeriodMs, rig.Pod.Clock.MonotonicMs);
        }

        [TestMethod]
        public static void SNTP_is_started_once_at_the_first_connected_turn()
        {
            var rig = new Rig();
            rig.Link.Inner.Connected = false;
            rig.Loop.RunOnce();
            Assert.AreEqual(0, rig.Sntp.SntpStarts, "offline: the network may not be up");

            rig.Link.Inner.Connected = true;
            rig.Loop.RunOnce();
            Assert.AreEqual(1, rig.Sntp.SntpStarts);

            rig.Link.Inner.Connected = false;
            rig.Loop.RunOnce();
            rig.Link.Inner.Connected = true;
            rig.Loop.RunOnce();
            Assert.AreEqual(1, rig.Sntp.SntpStarts, "once per boot");
        }

        [TestMethod]
        public static void SNTP_already_running_is_left_alone_and_a_failed_start_is_not_retried()
        {
            var running = new Rig();
            running.Sntp.SntpRunning = true;
            running.Loop.RunOnce();
            Assert.AreEqual(0, running.Sntp.SntpStarts);

            var failing = new Rig();
            failing.Sntp.SntpStartThrows = true;
            failing.Loop.RunOnce();
            failing.Loop.RunOnce();
            Assert.AreEqual(1, failing.Sntp.SntpStarts);
            Assert.AreEqual(0, failing.Loop.FailedTurns, "an SNTP failure is not a failed turn");
        }

        [TestMethod]
        public static void A_set_system_clock_becomes_the_pod_UTC()
        {
            var rig = new Rig();
            rig.Loop.RunOnce();
            Assert.IsFalse(rig.Pod.Controller.Utc.IsValid);

            var utc = new DateTime(2026, 3, 1, 12, 0, 0);
            rig.Pod.Clock.SetUtc(utc);
            rig.Loop.RunOnce();

            long nowMs = 50;
            Assert.IsTrue(rig.Pod.Controller.Utc.IsFromSntp);
            Assert.AreEqual(WallClock.UnixMs(utc), rig.Pod.Controller.Utc.UtcMs(nowMs));
        }

        [TestMethod]
        public static void The_system_clock_is_followed_again_only_every_resync_period()
        {
            var rig = new Rig();
            var utc = new DateTime(2026, 3, 1, 12, 0, 0);
            rig.Pod.Clock.SetUtc(utc);
            rig.Loop.RunOnce();

            // SNTP steps the system clock 5 s forward right after the first hand-over.
            rig.Pod.Clock.SetUtc(rig.Pod.Clock.UtcNow.AddSeconds(5));
            long syncedAtMs = 0;
            while (rig.Pod.Clock.MonotonicMs - syncedAtMs < MessagingLoopCore.SntpResyncPeriodMs)
            {
                long nowMs = rig.Pod.Clock.MonotonicMs;
                Assert.AreEqual(WallClock.UnixMs(utc) + nowMs, rig.Pod.Controller.Utc.UtcMs(nowMs), "still the first offset");
                rig.Loop.RunOnce();
            }

            long atMs = rig.Pod.Clock.MonotonicMs;
            rig.Loop.RunOnce();
            Assert.AreEqual(WallClock.UnixMs(utc) + 5000 + atMs, rig.Pod.Controller.Utc.UtcMs(atMs), "followed after the resync period");
        }

        [TestMethod]
        public static void A_UTC_from_the_heartbeat_is_kept_and_the_replay_horizon_is_left_to_the_pump_store()
        {
            var rig = new Rig();
            rig.Pod.Controller.Utc.SetFromHeartbeat(0, 1767225600000L);
            rig.Loop.RunOnce();
            Assert.IsTrue(rig.Pod.Controller.Utc.IsValid);
            Assert.IsFalse(rig.Pod.Controller.Utc.IsFromSntp);
            Assert.IsFalse(rig.Stack.Authenticator.HasReplayHorizon, "no command was ever accepted, so there is nothing to refuse as replayed");
        }

        [TestMethod]
        public static void A_throwing_turn_is_counted_and_the_loop_carries_on_at_its_pace()
        {
            var rig = new Rig();
            rig.Link.IsConnectedThrows = true;
            Assert.IsTrue(rig.Loop.RunOnce());
            Assert.IsTrue(rig.Loop.RunOnce());
            Assert.AreEqual(2, rig.Loop.FailedTurns);
            Assert.AreEqual(2, rig.Pod.Pause.Count);

            rig.Link.IsConnectedThrows = false;
            Assert.IsTrue(rig.Loop.RunOnce());
            Assert.AreEqual(2, rig.Loop.FailedTurns);
        }

        [TestMethod]
        public static void After_a_tick_failure_it_says_offline_retained_stops_the_link_once_and_ends()
        {
            var rig = new Rig();
            rig.Loop.RunOnce();
            rig.FailTheTick();
            int published = rig.Link.Inner.Published.Count;

            Assert.IsFalse(rig.Loop.RunOnce());

            Assert.IsTrue(rig.Loop.IsStopped);
            Assert.AreEqual(1, rig.Link.Stops);
            Assert.AreEqual(published + 1, rig.Link.Inner.Published.Count);
            var last = (FakeMqttLink.Sent)rig.Link.Inner.Published[published];
            Assert.AreEqual(Availability, last.Topic);
            Assert.AreEqual("offline", last.Text);
            Assert.AreEqual(1, last.Qos);
            Assert.IsTrue(last.Retain);

            Assert.IsFalse(rig.Loop.RunOnce());
            Assert.AreEqual(1, rig.Link.Stops, "only once");
            Assert.AreEqual(published + 1, rig.Link.Inner.Published.Count);
        }

        [TestMethod]
        public static void Run_returns_once_the_tick_loop_has_failed()
        {
            var rig = new Rig();
            rig.FailTheTick();
            int pauses = rig.Pod.Pause.Count;
            rig.Loop.Run();
            Assert.IsTrue(rig.Loop.IsStopped);
            Assert.AreEqual(pauses, rig.Pod.Pause.Count, "no pump turn after the failure");
        }

        [TestMethod]
        public static void Refuses_missing_parts_but_runs_without_an_SNTP_client()
        {
            var rig = new Rig();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MessagingLoopCore(null, rig.Link, rig.Pod.Controller, rig.Pod.Clock, null, rig.Control, rig.Pod.Pause));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MessagingLoopCore(rig.Stack.Pump, rig.Link, rig.Pod.Controller, rig.Pod.Clock, null, null, rig.Pod.Pause));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MessagingLoopCore(rig.Stack.Pump, rig.Link, rig.Pod.Controller, rig.Pod.Clock, null, rig.Control, null));

            var loop = new MessagingLoopCore(rig.Stack.Pump, rig.Link, rig.Pod.Controller, rig.Pod.Clock, null, rig.Control, rig.Pod.Pause);
            Assert.IsTrue(loop.RunOnce());
            Assert.AreEqual(0, loop.FailedTurns);
        }
    }
}
