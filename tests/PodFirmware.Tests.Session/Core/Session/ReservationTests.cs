using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Session;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class ReservationTests
    {
        [TestMethod]
        public static void Reserve_without_duration_holds_the_pod_for_the_default_10_minutes_then_expires_by_itself()
        {
            var rig = new SessionRig();
            rig.In.Plugged = false;
            rig.Tick(0);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-1", 0, rig.In));
            rig.ExpectStatus(ConnectorStatus.Reserved, "reserved");
            Assert.IsTrue(rig.Session.HasReservation);
            Assert.AreEqual("acct-1", rig.Session.ReservationAccount);
            Assert.AreEqual(600L, rig.Session.ReservationLeftS);
            rig.Tick(599999);
            rig.ExpectStatus(ConnectorStatus.Reserved, "1 ms before the end");
            Assert.AreEqual(1L, rig.Session.ReservationLeftS);
            rig.Tick(1);
            rig.ExpectStatus(ConnectorStatus.Available, "expired");
            Assert.IsFalse(rig.Session.HasReservation);
            Assert.IsNull(rig.Session.ReservationAccount);
            Assert.AreEqual("Available>Reserved>Available", SessionRig.StatusTrail(rig.Drain()).Substring("Preparing>".Length));
        }

        [TestMethod]
        public static void Reserve_uses_the_configured_default_window()
        {
            var config = new SessionConfig();
            config.ReservationDefaultS = 120;
            var rig = new SessionRig(config);
            rig.Session.Reserve("acct-1", 0, rig.In);
            Assert.AreEqual(120L, rig.Session.ReservationLeftS);
            rig.Tick(120000);
            Assert.IsFalse(rig.Session.HasReservation);
        }

        [TestMethod]
        public static void The_same_holder_reserving_again_replaces_the_window()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 900, rig.In);
            rig.Tick(800000);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-1", 300, rig.In));
            Assert.AreEqual(300L, rig.Session.ReservationLeftS, "replaced, not extended or kept");
            rig.Tick(299000);
            Assert.IsTrue(rig.Session.HasReservation);
            rig.Tick(1000);
            Assert.IsFalse(rig.Session.HasReservation);
        }

        [TestMethod]
        public static void Another_account_cannot_reserve_or_cancel_and_learns_the_seconds_left()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 60, rig.In);
            rig.Tick(15200);
            Assert.AreEqual((int)CommandResultCode.ReservedForOther, (int)rig.Session.Reserve("acct-2", 600, rig.In));
            Assert.AreEqual(45, rig.Session.LastDetail, "44.8 s left, rounded up");
            Assert.AreEqual((int)CommandResultCode.ReservedForOther, (int)rig.Session.CancelReservation("acct-2", rig.In));
            Assert.AreEqual(45, rig.Session.LastDetail);
            Assert.AreEqual("acct-1", rig.Session.ReservationAccount, "the holder keeps it");
        }

        [TestMethod]
        public static void Another_account_may_reserve_once_the_reservation_expired()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 60, rig.In);
            rig.Tick(60000);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-2", 60, rig.In));
            Assert.AreEqual("acct-2", rig.Session.ReservationAccount);
        }

        [TestMethod]
        public static void The_holder_can_cancel_and_a_second_cancel_finds_no_reservation()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 60, rig.In);
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.CancelReservation("acct-1", rig.In));
            rig.ExpectStatus(ConnectorStatus.Preparing, "plug in, no reservation");
            Assert.AreEqual((int)CommandResultCode.NoReservation, (int)rig.Session.CancelReservation("acct-1", rig.In));
        }

        [TestMethod]
        public static void Reserve_is_refused_while_a_session_runs()
        {
            var rig = new SessionRig();
            rig.StartOk();
            Assert.AreEqual((int)CommandResultCode.SessionActive, (int)rig.Session.Reserve("acct-2", 60, rig.In));
            Assert.IsFalse(rig.Session.HasReservation);
        }

        [TestMethod]
        public static void Reserve_is_refused_when_Unavailable_or_Faulted()
        {
            var rig = new SessionRig();
            rig.In.Moving = true;
            rig.Tick(100);
            Assert.AreEqual((int)CommandResultCode.NotDocked, (int)rig.Session.Reserve("acct-1", 60, rig.In), "moving");
            rig.In.Moving = false;
            rig.In.Docked = false;
            rig.Tick(100);
            Assert.AreEqual((int)CommandResultCode.NotDocked, (int)rig.Session.Reserve("acct-1", 60, rig.In), "undocked");
            rig.In.Docked = true;
            rig.In.FaultLatched = true;
            rig.Tick(100);
            Assert.AreEqual((int)CommandResultCode.FaultLatched, (int)rig.Session.Reserve("acct-1", 60, rig.In), "faulted");
            Assert.IsFalse(rig.Session.HasReservation);
        }

        [TestMethod]
        public static void A_reservation_runs_out_while_the_pod_is_away()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 60, rig.In);
            rig.In.Docked = false;
            rig.Tick(30000);
            rig.ExpectStatus(ConnectorStatus.Unavailable, "undocked");
            Assert.IsTrue(rig.Session.HasReservation, "kept while away");
            rig.Tick(30000);
            rig.In.Docked = true;
            rig.Tick(0);
            rig.ExpectStatus(ConnectorStatus.Preparing, "expired while away");
        }
    }
}
