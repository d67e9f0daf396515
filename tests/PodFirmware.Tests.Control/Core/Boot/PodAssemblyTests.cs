using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.Core.Boot
{
    [TestClass]
    public class PodAssemblyTests
    {
        [TestMethod]
        public static void Without_GNSS_there_is_no_position_source()
        {
            var config = new PodConfig();
            config.Position.GnssEnabled = false;
            Assert.IsNull(PodAssembly.CreateGnssReceiver(config));
        }

        [TestMethod]
        public static void With_GNSS_the_receiver_uses_the_configured_fix_age()
        {
            var config = new PodConfig();
            config.Position.GnssEnabled = true;
            config.Position.FixMaxAgeMs = 7000;
            NmeaGnssReceiver receiver = PodAssembly.CreateGnssReceiver(config);
            Assert.IsNotNull(receiver);
            Assert.AreEqual(7000L, receiver.FixMaxAgeMs);
        }

        [TestMethod]
        public static void The_controller_gets_an_event_ring_with_slots_kept_for_protected_events()
        {
            var rig = new PodRig();
            Assert.AreEqual(PodAssembly.EventCapacity, rig.Controller.Events.Capacity);
            Assert.AreEqual(PodAssembly.EventsReservedForProtected, rig.Controller.Events.ReservedForProtected);
            Assert.IsTrue(PodAssembly.EventsReservedForProtected < PodAssembly.EventCapacity);
            Assert.IsFalse(rig.Relay.IsEnergised, "the controller opened the relay");
            Assert.ThrowsException(typeof(ArgumentNullException), () => PodAssembly.CreateController(null, rig.Clock, null));
        }
    }
}
