using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Exact messages and edges of <see cref="RelayConfig.Validate"/> (keys <c>safety.relay.*</c>).</summary>
    [TestClass]
    public class RelayConfigTests
    {
        private static ConfigErrors Validate(RelayConfig relay)
        {
            var errors = new ConfigErrors();
            relay.Validate("safety.relay", errors);
            return errors;
        }

        [TestMethod]
        public static void A_settle_time_below_50ms_is_refused_with_its_range()
        {
            var relay = new RelayConfig();
            relay.SettleMs = 49;
            ConfigErrors errors = Validate(relay);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("safety.relay.settleMs: must be between 50 ms and 5000 ms, is 49 ms", errors[0]);
        }

        [TestMethod]
        public static void A_weld_current_above_10A_is_refused_with_its_range()
        {
            var relay = new RelayConfig();
            relay.WeldCurrentA = 11;
            ConfigErrors errors = Validate(relay);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("safety.relay.weldCurrentA: must be between 0.5 A and 10 A, is 11 A", errors[0]);
        }

        [DataRow(50, 0.5)]
        [DataRow(5000, 10.0)]
        [TestMethod]
        public static void Values_at_their_range_edges_are_accepted(int settleMs, double weldCurrentA)
        {
            var relay = new RelayConfig();
            relay.SettleMs = settleMs;
            relay.WeldCurrentA = weldCurrentA;
            ConfigErrors errors = Validate(relay);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }
    }
}
