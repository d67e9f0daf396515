using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>What the supervisor's constructor refuses, and how it says so.</summary>
    [TestClass]
    public class SafetySupervisorConstructionTests
    {
        private static ArgumentException Construct(SafetyConfig config, IBlobStore store, EventRing events)
        {
            try
            {
                new SafetySupervisor(config, store, events);
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }

        [TestMethod]
        public static void A_missing_config_store_or_event_ring_is_refused_by_name()
        {
            var config = new SafetyConfig();
            var store = new MemoryBlobStore();
            var events = new EventRing(64, 16);
            Assert.IsNull(Construct(config, store, events), "all three given");

            ArgumentException thrown = Construct(null, store, events);
            Assert.IsNotNull(thrown, "no config");
            Assert.AreEqual("config", thrown.ParamName);
            thrown = Construct(config, null, events);
            Assert.IsNotNull(thrown, "no store");
            Assert.AreEqual("store", thrown.ParamName);
            thrown = Construct(config, store, null);
            Assert.IsNotNull(thrown, "no event ring");
            Assert.AreEqual("events", thrown.ParamName);
        }

        [TestMethod]
        public static void An_invalid_config_is_refused_with_every_bad_key_in_the_message()
        {
            var config = new SafetyConfig();
            config.Relay.SettleMs = 49;
            ArgumentException thrown = Construct(config, new MemoryBlobStore(), new EventRing(64, 16));
            Assert.IsNotNull(thrown, "an invalid config was accepted");
            Assert.Contains("invalid safety configuration:\nsafety.relay.settleMs: must be between 50 ms and 5000 ms, is 49 ms", thrown.Message);
        }
    }
}
