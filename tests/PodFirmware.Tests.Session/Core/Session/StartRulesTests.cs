using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Core.Events;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class StartRulesTests
    {
        private static void ExpectStartRefused(SessionRig rig, CommandResultCode expected, string what)
        {
            rig.Drain();
            CommandResultCode result = rig.Session.Start(SessionRig.StartCommand("s-9", "acct-9"), rig.In);
            Assert.AreEqual((int)expected, (int)result, what + ": was " + CommandResultNames.Of(result));
            Assert.IsFalse(rig.Session.IsActive, what + ": no session");
            Assert.IsFalse(rig.Session.WantsPower, what + ": no power");
            Assert.AreEqual(0, EventDrain.CountOf(rig.Drain(), EventKind.SessionStarted), what + ": nothing started");
        }

        [TestMethod]
        public static void Start_is_refused_while_moving_before_anything_else()
        {
            var rig = new SessionRig();
            rig.In.Moving = true;
            rig.In.Docked = false;
            rig.In.FaultLatched = true;
            rig.In.Plugged = false;
            ExpectStartRefused(rig, CommandResultCode.Moving, "moving, undocked, faulted, unplugged");
        }

        [TestMethod]
        public static void Start_is_refused_when_not_docked_before_a_fault()
        {
            var rig = new SessionRig();
            rig.In.Docked = false;
            rig.In.FaultLatched = true;
            ExpectStartRefused(rig, CommandResultCode.NotDocked, "undocked and faulted");
        }

        [TestMethod]
        public static void Start_is_refused_with_a_latched_fault_before_the_plug_check()
        {
            var rig = new SessionRig();
            rig.In.FaultLatched = true;
            rig.In.LatchedFault = FaultCode.RelayWelded;
            rig.In.Plugged = false;
            ExpectStartRefused(rig, CommandResultCode.FaultLatched, "faulted and unplugged");
        }

        [TestMethod]
        public static void A_second_start_is_refused_while_a_session_runs()
        {
            var rig = new SessionRig();
            rig.StartOk();
            Assert.AreEqual((int)CommandResultCode.SessionActive, (int)rig.Session.Start(SessionRig.StartCommand("s-2", "acct-2"), rig.In));
            Assert.AreEqual("s-1", rig.Session.Current.SessionId, "the running session is untouched");
            Assert.IsTrue(rig.Session.IsActive);
        }

        [TestMethod]
        public static void Start_is_refused_without_a_plug()
        {
            var rig = new SessionRig();
            rig.In.Plugged = false;
            ExpectStartRefused(rig, CommandResultCode.NotPlugged, "unplugged");
        }

        [TestMethod]
        public static void Start_by_another_account_during_a_reservation_is_refused_with_the_seconds_left()
        {
            var rig = new SessionRig();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("holder", 0, rig.In));
            rig.Tick(100500);
            ExpectStartRefused(rig, CommandResultCode.ReservedForOther, "other account");
            Assert.AreEqual(500, rig.Session.LastDetail, "600 s - 100.5 s = 499.5 s, rounded up");
            rig.ExpectStatus(ConnectorStatus.Reserved, "still reserved");
        }

        [TestMethod]
        public static void Start_by_the_reservation_holder_is_accepted_and_consumes_the_reservation()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 0, rig.In);
            rig.StartOk();
            Assert.IsFalse(rig.Session.HasReservation);
            rig.ExpectStatus(ConnectorStatus.Charging, "holder started");
            rig.Session.Stop(rig.In);
            rig.In.Plugged = false;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Available, "the reservation does not come back after the session");
        }

        [TestMethod]
        public static void Start_records_id_account_times_and_tariff_and_announces_them()
        {
            var rig = new SessionRig();
            rig.Drain();
            Command cmd = SessionRig.StartCommand("c-77", "acct-5");
            cmd.HasTariff = true;
            cmd.TariffPerKwhScaled = 3150;
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Start(cmd, rig.In));
            PodEvent[] events = rig.Drain();
            PodEvent started = EventDrain.FirstOf(events, EventKind.SessionStarted);
            Assert.IsNotNull(started);
            Assert.AreEqual("c-77", started.Record.SessionId);
            Assert.AreEqual("acct-5", started.Record.Account);
            Assert.AreEqual(1000L, started.Record.StartMs);
            Assert.AreEqual(1767225600L, started.Record.StartUtcS);
            Assert.AreEqual(3150L, started.Record.TariffPerKwhScaled);
            Assert.AreEqual(7, started.SpaceNumber);
            Assert.AreEqual("Charging", SessionRig.StatusTrail(events));
        }

        [TestMethod]
        public static void Start_without_a_valid_clock_records_UTC_start_as_0()
        {
            var rig = new SessionRig();
            rig.In.UtcValid = false;
            rig.StartOk();
            Assert.AreEqual(0L, rig.Session.Current.StartUtcS);
        }

        [TestMethod]
        public static void Start_may_follow_a_finished_session_with_the_plug_still_in()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Session.Stop(rig.In);
            rig.ExpectStatus(ConnectorStatus.Finishing, "stopped");
            rig.StartOk(SessionRig.StartCommand("s-2", "acct-1"));
            rig.ExpectStatus(ConnectorStatus.Charging, "second session");
            Assert.AreEqual("s-2", rig.Session.Current.SessionId);
            Assert.AreEqual(0L, rig.Session.Current.EnergyMilliWh, "a new record");
        }

        [TestMethod]
        public static void Stop_without_a_session_is_refused()
        {
            var rig = new SessionRig();
            Assert.AreEqual((int)CommandResultCode.NoSession, (int)rig.Session.Stop(rig.In));
            Assert.AreEqual(0, EventDrain.CountOf(rig.Drain(), EventKind.Session));
        }

        [TestMethod]
        public static void The_start_limit_caps_the_allowed_current()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasLimit = true;
            cmd.LimitAScaled = 1000;
            rig.StartOk(cmd);
            Assert.IsTrue(Finite.Below(System.Math.Abs(10.0 - rig.Session.AllowedCurrentA), 1e-9), "10 A from the start command");
            rig.Session.SetCurrentLimit(6);
            Assert.IsTrue(Finite.Below(System.Math.Abs(6.0 - rig.Session.AllowedCurrentA), 1e-9), "the controller's lower limit wins");
            rig.Session.Stop(rig.In);
            Assert.IsTrue(Finite.Below(System.Math.Abs(6.0 - rig.Session.AllowedCurrentA), 1e-9), "the start limit ends with the session");
            rig.Session.SetCurrentLimit(32);
            Assert.IsTrue(Finite.Below(System.Math.Abs(32.0 - rig.Session.AllowedCurrentA), 1e-9));
        }
    }
}
