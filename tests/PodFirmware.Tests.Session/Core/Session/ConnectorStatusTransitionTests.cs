using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class ConnectorStatusTransitionTests
    {
        [TestMethod]
        public static void Starts_Unavailable_and_announces_each_status_change_once()
        {
            var events = new EventRing(16, 0);
            var session = new ChargingSession(new SessionConfig(), 32, events);
            Assert.AreEqual((int)ConnectorStatus.Unavailable, (int)session.Status);
            var inputs = new SessionInputs();
            inputs.NowMs = 10;
            session.Update(inputs);
            Assert.AreEqual(0, events.Count, "still Unavailable: no event");

            inputs.Docked = true;
            session.Update(inputs);
            session.Update(inputs);
            PodEvent[] taken = EventDrain.All(events);
            Assert.AreEqual("Available", SessionRig.StatusTrail(taken));
            Assert.AreEqual((int)EventKind.Status, (int)taken[0].Kind);
            Assert.AreEqual(10L, taken[0].TimeMs);
        }

        [TestMethod]
        public static void Plug_in_and_out_moves_Available_to_Preparing_and_back()
        {
            var rig = new SessionRig();
            rig.In.Plugged = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Available, "unplugged");
            rig.In.Plugged = true;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Preparing, "plugged, awaiting start");
            rig.In.Plugged = false;
            rig.Tick(100);
            Assert.AreEqual("Preparing>Available>Preparing>Available", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void Start_moves_Preparing_to_Charging_and_stop_to_Finishing_until_unplugged()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.ExpectStatus(ConnectorStatus.Charging, "started");
            Assert.IsTrue(rig.Session.WantsPower);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Stop(rig.In));
            rig.ExpectStatus(ConnectorStatus.Finishing, "stopped with the plug in");
            Assert.IsFalse(rig.Session.WantsPower);
            rig.Tick(5000);
            rig.ExpectStatus(ConnectorStatus.Finishing, "stays Finishing while plugged");
            rig.In.Plugged = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Available, "unplugged");
            Assert.AreEqual("Preparing>Charging>Finishing>Available", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void Finishing_ends_in_Reserved_when_a_reservation_is_live_at_unplug()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Session.Stop(rig.In);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-2", 0, rig.In));
            rig.ExpectStatus(ConnectorStatus.Finishing, "Finishing outranks Reserved while the plug is in");
            rig.In.Plugged = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Reserved, "unplugged with a live reservation");
        }

        [TestMethod]
        public static void A_latched_fault_shows_Faulted_over_every_other_status_and_reset_returns_to_Preparing()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 0, rig.In);
            rig.In.FaultLatched = true;
            rig.In.LatchedFault = FaultCode.OverVoltage;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Faulted, "latched");
            rig.In.Docked = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Faulted, "Faulted outranks Unavailable");
            rig.In.Docked = true;
            rig.In.FaultLatched = false;
            rig.In.LatchedFault = FaultCode.None;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Reserved, "reset, reservation still live");
            rig.Session.CancelReservation("acct-1", rig.In);
            rig.ExpectStatus(ConnectorStatus.Preparing, "cancelled, plug in");
        }

        [TestMethod]
        public static void Undocked_or_moving_shows_Unavailable()
        {
            var rig = new SessionRig();
            rig.In.Docked = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Unavailable, "undocked");
            rig.In.Docked = true;
            rig.In.Moving = true;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Unavailable, "docked but locks released");
            rig.In.Moving = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Preparing, "docked and locked again");
        }

        [TestMethod]
        public static void Enters_SuspendedEV_only_after_the_EV_draws_below_the_idle_current_for_the_idle_delay()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.CurrentA = 0.9;
            rig.Tick(100);
            rig.Run(2900, 100);
            rig.ExpectStatus(ConnectorStatus.Charging, "2.9 s below 1.0 A is not yet idle");
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "3.0 s below 1.0 A");
            Assert.IsTrue(rig.Session.WantsPower, "the relay stays closed so the EV can resume");
            rig.In.CurrentA = 10;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Charging, "drawing again");
        }

        [TestMethod]
        public static void A_short_dip_below_the_idle_current_restarts_the_idle_delay()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.CurrentA = 0.5;
            rig.Run(2000, 100);
            rig.In.CurrentA = 1.0;
            rig.Tick(100);
            rig.In.CurrentA = 0.5;
            rig.Run(2900, 100);
            rig.ExpectStatus(ConnectorStatus.Charging, "idle count restarted by the 1.0 A tick");
            rig.Run(200, 100);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "3 s after the restart");
        }

        [TestMethod]
        public static void SuspendedEV_gives_way_to_SuspendedEVSE_and_a_suspended_session_stops_to_Finishing()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.CurrentA = 0;
            rig.Run(3100, 100);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "idle EV");
            rig.Session.SetCurrentLimit(0);
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "the controller's 0 A outranks the idle EV");
            rig.Tick(100);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Stop(rig.In));
            rig.ExpectStatus(ConnectorStatus.Finishing, "stopped while suspended");
            Assert.AreEqual("Preparing>Charging>SuspendedEV>SuspendedEVSE>Finishing", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void Unplugging_a_suspended_session_goes_to_Available()
        {
            var rig = new SessionRig();
            rig.Session.SetCurrentLimit(0);
            rig.StartOk();
            rig.In.Plugged = false;
            rig.Tick(100);
            Assert.AreEqual("Preparing>SuspendedEVSE>Available", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void A_reset_fault_returns_to_Available_without_a_plug_and_to_Unavailable_when_undocked()
        {
            var rig = new SessionRig();
            rig.In.Plugged = false;
            rig.In.FaultLatched = true;
            rig.Tick(100);
            rig.In.FaultLatched = false;
            rig.Tick(100);
            rig.In.FaultLatched = true;
            rig.Tick(100);
            rig.In.Docked = false;
            rig.In.FaultLatched = false;
            rig.Tick(100);
            Assert.AreEqual("Preparing>Faulted>Available>Faulted>Unavailable", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void Status_events_carry_the_time_and_the_space_number()
        {
            var rig = new SessionRig();
            rig.Drain();
            rig.In.SpaceNumber = 12;
            rig.In.Plugged = false;
            rig.Tick(2500);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Assert.AreEqual((int)EventKind.Status, (int)events[0].Kind);
            Assert.AreEqual((int)ConnectorStatus.Available, events[0].Arg);
            Assert.AreEqual(3500L, events[0].TimeMs);
            Assert.AreEqual(12, events[0].SpaceNumber);
        }
    }
}
