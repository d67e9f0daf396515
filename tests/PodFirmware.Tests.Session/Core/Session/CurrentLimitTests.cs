using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class CurrentLimitTests
    {
        private static void Near(double expected, double actual, string what)
        {
            Assert.IsTrue(Finite.AtMost(System.Math.Abs(expected - actual), 1e-9), what + ": expected " + expected.ToString() + ", was " + actual.ToString());
        }

        [TestMethod]
        public static void Allowed_current_is_the_rated_current_until_the_controller_limits_it()
        {
            var rig = new SessionRig();
            Near(32, rig.Session.AllowedCurrentA, "rated");
            Near(32, rig.Session.ControllerLimitA, "controller limit starts at rated");
        }

        [TestMethod]
        public static void A_50_percent_limit_halves_the_allowed_current_at_once_and_keeps_Charging()
        {
            var rig = new SessionRig();
            rig.StartOk();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.SetCurrentLimit(16));
            Near(16, rig.Session.AllowedCurrentA, "half of 32 A, before any tick");
            Assert.IsTrue(rig.Session.WantsPower);
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Charging, "still charging at 16 A");
        }

        [TestMethod]
        public static void A_0_A_limit_suspends_the_session_as_SuspendedEVSE_and_a_positive_limit_resumes_it()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Drain();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.SetCurrentLimit(0));
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "at once");
            Assert.IsFalse(rig.Session.WantsPower, "the relay must open");
            Assert.IsTrue(rig.Session.IsActive, "the session stays");
            rig.Tick(100);
            Assert.IsFalse(rig.In.RelayClosed, "the rig opened the relay");
            long energy = rig.Session.Current.EnergyMilliWh;
            rig.Run(60000, 100);
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "a minute later");
            Assert.AreEqual(energy, rig.Session.Current.EnergyMilliWh, "no energy while the relay is open");

            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.SetCurrentLimit(8));
            rig.ExpectStatus(ConnectorStatus.Charging, "resumed");
            Assert.IsTrue(rig.Session.WantsPower);
            Assert.AreEqual("SuspendedEVSE>Charging", SessionRig.StatusTrail(rig.Drain()));
        }

        [TestMethod]
        public static void A_0_A_limit_before_the_start_begins_the_session_suspended()
        {
            var rig = new SessionRig();
            rig.Session.SetCurrentLimit(0);
            rig.StartOk();
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "started at 0 A");
            Assert.IsFalse(rig.Session.WantsPower);
        }

        [DataRow(-0.01)]
        [DataRow(32.01)]
        [DataRow(double.NaN)]
        [DataRow(double.PositiveInfinity)]
        [TestMethod]
        public static void A_limit_outside_0_to_rated_is_refused_and_changes_nothing(double limitA)
        {
            var rig = new SessionRig();
            rig.Session.SetCurrentLimit(20);
            Assert.AreEqual((int)CommandResultCode.LimitOutOfRange, (int)rig.Session.SetCurrentLimit(limitA));
            Near(20, rig.Session.AllowedCurrentA, "unchanged");
        }

        [DataRow(0.0)]
        [DataRow(32.0)]
        [TestMethod]
        public static void The_limit_edges_0_and_rated_are_accepted(double limitA)
        {
            var rig = new SessionRig();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.SetCurrentLimit(limitA));
            Near(limitA, rig.Session.AllowedCurrentA, "edge");
        }
    }
}
