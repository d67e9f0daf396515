using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class SessionConfigTests
    {
        [TestMethod]
        public static void Defaults_are_valid_and_as_documented()
        {
            var config = new SessionConfig();
            var errors = new ConfigErrors();
            config.Validate("session", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual(600, config.ReservationDefaultS);
            Assert.IsTrue(config.EvIdleCurrentA == 1.0);
            Assert.AreEqual(3000, config.EvIdleDelayMs);
            Assert.AreEqual(60000, config.PowerWindowMs);
        }

        [TestMethod]
        public static void Every_value_outside_its_range_is_reported_under_its_key()
        {
            var config = new SessionConfig();
            config.ReservationDefaultS = 59;
            config.EvIdleCurrentA = 6.01;
            config.EvIdleDelayMs = -1;
            config.PowerWindowMs = 600001;
            var errors = new ConfigErrors();
            config.Validate("session", errors);
            Assert.AreEqual(4, errors.Count, errors.ToString());
            Assert.Contains("session.reservationDefaultS:", errors[0]);
            Assert.Contains("session.evIdleCurrentA:", errors[1]);
            Assert.Contains("session.evIdleDelayMs:", errors[2]);
            Assert.Contains("session.powerWindowMs:", errors[3]);
        }

        [TestMethod]
        public static void The_range_edges_are_accepted()
        {
            var config = new SessionConfig();
            config.ReservationDefaultS = 86400;
            config.EvIdleCurrentA = 0.1;
            config.EvIdleDelayMs = 0;
            config.PowerWindowMs = 10000;
            var errors = new ConfigErrors();
            config.Validate("session", errors);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void The_session_refuses_an_invalid_config_or_rated_current_at_construction()
        {
            var bad = new SessionConfig();
            bad.EvIdleCurrentA = 0;
            Assert.ThrowsException(typeof(ArgumentException), () => new ChargingSession(bad, 32, new EventRing(4, 0)));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ChargingSession(new SessionConfig(), 0, new EventRing(4, 0)));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ChargingSession(new SessionConfig(), 32, null));
        }
    }
}
