using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class TripOutputTests
    {
        // A store that notes whether the relay coil was still energised when the latch was written.
        private sealed class WitnessStore : IBlobStore
        {
            private readonly MemoryBlobStore _inner = new MemoryBlobStore();
            private readonly IDigitalOutput _relay;

            public WitnessStore(IDigitalOutput relay)
            {
                _relay = relay;
            }

            public int Writes;

            public bool RelayEnergisedAtWrite;

            public int Read(string name, byte[] buffer)
            {
                return _inner.Read(name, buffer);
            }

            public void Write(string name, byte[] data, int length)
            {
                Writes++;
                RelayEnergisedAtWrite = RelayEnergisedAtWrite || _relay.IsEnergised;
                _inner.Write(name, data, length);
            }

            public void Delete(string name)
            {
                _inner.Delete(name);
            }
        }

        [TestMethod]
        public static void A_trip_opens_the_relay_before_it_writes_the_latch_to_flash()
        {
            var relay = new SimulatedDigitalOutput();
            var store = new WitnessStore(relay);
            var rig = new SafetyRig(new SafetyConfig(), store);
            rig.Supervisor.TripOutput = relay;
            relay.Write(true);
            rig.CommandRelay(true, 0);
            Assert.IsTrue(rig.At(1000), "healthy while charging");

            rig.Inputs.TemperatureC = 161.0;
            Assert.IsFalse(rig.At(1100), "the ceiling trips at once");
            Assert.AreEqual(1, store.Writes, "the latch was persisted");
            Assert.IsFalse(store.RelayEnergisedAtWrite, "the coil was open before the (slow) flash write began");
            Assert.IsFalse(relay.IsEnergised);
        }

        [TestMethod]
        public static void Without_a_trip_output_the_supervisor_leaves_the_relay_to_its_caller()
        {
            var relay = new SimulatedDigitalOutput();
            var rig = new SafetyRig(new SafetyConfig(), new WitnessStore(relay));
            relay.Write(true);
            rig.CommandRelay(true, 0);
            rig.Inputs.TemperatureC = 161.0;
            Assert.IsFalse(rig.At(1100));
            Assert.IsTrue(relay.IsEnergised, "only RelayPermitted says no; the caller opens the relay");
        }
    }
}
