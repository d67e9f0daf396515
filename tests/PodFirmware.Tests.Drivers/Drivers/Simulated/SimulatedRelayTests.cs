using nanoFramework.TestFramework;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class SimulatedRelayTests
    {
        [TestMethod]
        public static void A_healthy_relay_starts_open_and_its_mirror_follows_the_coil()
        {
            var relay = new SimulatedRelay();
            Assert.IsFalse(relay.ContactsClosed);
            Assert.IsFalse(relay.Feedback.Read());
            relay.Write(true);
            Assert.IsTrue(relay.IsEnergised);
            Assert.IsTrue(relay.ContactsClosed);
            Assert.IsTrue(relay.Feedback.Read());
            relay.Write(false);
            Assert.IsFalse(relay.ContactsClosed);
            Assert.IsFalse(relay.Feedback.Read());
        }

        [TestMethod]
        public static void Welded_contacts_stay_closed_whatever_the_coil()
        {
            var relay = new SimulatedRelay();
            relay.Write(true);
            relay.Fault = RelayFault.StuckClosed;
            relay.Write(false);
            Assert.IsFalse(relay.IsEnergised);
            Assert.IsTrue(relay.ContactsClosed, "the vehicle can still draw current");
            Assert.IsTrue(relay.Feedback.Read());
        }

        [TestMethod]
        public static void Stuck_open_contacts_never_close()
        {
            var relay = new SimulatedRelay();
            relay.Fault = RelayFault.StuckOpen;
            relay.Write(true);
            Assert.IsTrue(relay.IsEnergised);
            Assert.IsFalse(relay.ContactsClosed);
            Assert.IsFalse(relay.Feedback.Read());
        }
    }
}
