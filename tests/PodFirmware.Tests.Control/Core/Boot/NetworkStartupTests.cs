using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Boot;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.Core.Boot
{
    [TestClass]
    public class NetworkStartupTests
    {
        [TestMethod]
        public static void Wifi_down_means_offline_at_once_without_SNTP_or_waiting()
        {
            var clock = new VirtualClock();
            var pause = new VirtualPause(clock);
            var network = new FakeNetwork { WifiUp = false };

            Assert.IsFalse(new NetworkStartup(network, network, clock, pause).Connect());

            Assert.AreEqual(NetworkStartup.WifiTimeoutMs, network.LastTimeoutMs);
            Assert.AreEqual(0, network.SntpStarts);
            Assert.AreEqual(0, pause.Count);
        }

        [TestMethod]
        public static void A_throwing_Wifi_station_is_offline_too_never_an_exception()
        {
            var clock = new VirtualClock();
            var network = new FakeNetwork { WifiThrows = true };
            Assert.IsFalse(new NetworkStartup(network, network, clock, new VirtualPause(clock)).Connect());
            Assert.AreEqual(0, network.SntpStarts);
        }

        [TestMethod]
        public static void Wifi_up_starts_SNTP_asks_for_an_update_and_waits_until_the_clock_is_set()
        {
            var clock = new VirtualClock();
            var pause = new VirtualPause(clock);
            pause.SetUtcAtMs = 1000;
            var network = new FakeNetwork();

            Assert.IsTrue(new NetworkStartup(network, network, clock, pause).Connect());

            Assert.AreEqual(1, network.SntpStarts);
            Assert.AreEqual(1, network.SntpUpdates);
            Assert.IsTrue(clock.IsUtcValid);
            Assert.AreEqual(1000L, clock.MonotonicMs, "stops looking as soon as the clock is set");
            Assert.AreEqual(1000 / NetworkStartup.ClockPollMs, pause.Count);
        }

        [TestMethod]
        public static void A_running_SNTP_client_is_not_started_again_but_still_asked_for_an_update()
        {
            var clock = new VirtualClock();
            clock.SetUtc(new DateTime(2026, 1, 1, 0, 0, 0));
            var pause = new VirtualPause(clock);
            var network = new FakeNetwork { SntpRunning = true };

            Assert.IsTrue(new NetworkStartup(network, network, clock, pause).Connect());

            Assert.AreEqual(0, network.SntpStarts);
            Assert.AreEqual(1, network.SntpUpdates);
            Assert.AreEqual(0, pause.Count, "the clock is already set: no wait");
        }

        [TestMethod]
        public static void The_wait_for_the_clock_is_bounded()
        {
            var clock = new VirtualClock();
            clock.AdvanceMs(12345);
            var pause = new VirtualPause(clock);
            var network = new FakeNetwork();

            Assert.IsTrue(new NetworkStartup(network, network, clock, pause).Connect(), "Wi-Fi is up even if the clock is not");

            Assert.IsFalse(clock.IsUtcValid);
            Assert.AreEqual(12345L + NetworkStartup.ClockWaitMs, clock.MonotonicMs);
            Assert.AreEqual(NetworkStartup.ClockWaitMs / NetworkStartup.ClockPollMs, pause.Count);
        }

        [TestMethod]
        public static void An_SNTP_failure_keeps_Wifi_up_and_skips_the_wait()
        {
            var clock = new VirtualClock();
            var pause = new VirtualPause(clock);
            var network = new FakeNetwork { SntpStartThrows = true };

            Assert.IsTrue(new NetworkStartup(network, network, clock, pause).Connect());
            Assert.AreEqual(0, pause.Count);
        }

        [TestMethod]
        public static void Refuses_missing_parts()
        {
            var clock = new VirtualClock();
            var pause = new VirtualPause(clock);
            var network = new FakeNetwork();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkStartup(null, network, clock, pause));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkStartup(network, null, clock, pause));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkStartup(network, network, null, pause));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new NetworkStartup(network, network, clock, null));
        }
    }
}
