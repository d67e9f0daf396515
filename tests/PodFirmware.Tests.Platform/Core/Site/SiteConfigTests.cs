using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Site;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Site
{
    /// <summary>The <c>site</c> settings: the defaults, every range edge, and the text a technician reads for each value outside it.</summary>
    [TestClass]
    public class SiteConfigTests
    {
        private static string Errors(string key, int value)
        {
            var config = new SiteConfig();
            switch (key)
            {
                case "capacityA": config.CapacityA = value; break;
                case "halfPowerAbovePercent": config.HalfPowerAbovePercent = value; break;
                case "noNewSessionsAbovePercent": config.NoNewSessionsAbovePercent = value; break;
                case "periodMs": config.PeriodMs = value; break;
                case "fallbackShareA": config.FallbackShareA = value; break;
                case "maxPods": config.MaxPods = value; break;
                case "forgetAfterMs": config.ForgetAfterMs = value; break;
                default: throw new ArgumentException(key);
            }

            var errors = new ConfigErrors();
            config.Validate("site", errors);
            return errors.ToString();
        }

        [TestMethod]
        public static void Defaults_are_off_100_A_50_and_80_percent_5_s_6_A_128_pods_15_min()
        {
            var config = new SiteConfig();
            Assert.IsFalse(config.Enabled);
            Assert.AreEqual(100, config.CapacityA);
            Assert.AreEqual(50, config.HalfPowerAbovePercent);
            Assert.AreEqual(80, config.NoNewSessionsAbovePercent);
            Assert.AreEqual(5000, config.PeriodMs);
            Assert.AreEqual(6, config.FallbackShareA);
            Assert.AreEqual(128, config.MaxPods);
            Assert.AreEqual(900000, config.ForgetAfterMs);
        }

        [DataRow("capacityA", 1)]
        [DataRow("capacityA", 10000)]
        [DataRow("halfPowerAbovePercent", 1)]
        [DataRow("halfPowerAbovePercent", 100)]
        [DataRow("noNewSessionsAbovePercent", 1)]
        [DataRow("noNewSessionsAbovePercent", 100)]
        [DataRow("periodMs", 500)]
        [DataRow("periodMs", 60000)]
        [DataRow("fallbackShareA", 0)]
        [DataRow("fallbackShareA", 80)]
        [DataRow("maxPods", 1)]
        [DataRow("maxPods", 1024)]
        [DataRow("forgetAfterMs", 0)]
        [DataRow("forgetAfterMs", 86400000)]
        [TestMethod]
        public static void Each_range_edge_is_accepted(string key, int value)
        {
            Assert.AreEqual("", Errors(key, value), key);
        }

        [DataRow("capacityA", 0, "site.capacityA: must be between 1 A and 10000 A, is 0 A\n")]
        [DataRow("capacityA", 10001, "site.capacityA: must be between 1 A and 10000 A, is 10001 A\n")]
        [DataRow("halfPowerAbovePercent", 0, "site.halfPowerAbovePercent: must be between 1 % and 100 %, is 0 %\n")]
        [DataRow("halfPowerAbovePercent", 101, "site.halfPowerAbovePercent: must be between 1 % and 100 %, is 101 %\n")]
        [DataRow("noNewSessionsAbovePercent", 0, "site.noNewSessionsAbovePercent: must be between 1 % and 100 %, is 0 %\n")]
        [DataRow("noNewSessionsAbovePercent", 101, "site.noNewSessionsAbovePercent: must be between 1 % and 100 %, is 101 %\n")]
        [DataRow("periodMs", 499, "site.periodMs: must be between 500 ms and 60000 ms, is 499 ms\n")]
        [DataRow("periodMs", 60001, "site.periodMs: must be between 500 ms and 60000 ms, is 60001 ms\n")]
        [DataRow("fallbackShareA", -1, "site.fallbackShareA: must be between 0 A and 80 A, is -1 A\n")]
        [DataRow("fallbackShareA", 81, "site.fallbackShareA: must be between 0 A and 80 A, is 81 A\n")]
        [DataRow("maxPods", 0, "site.maxPods: must be between 1 and 1024, is 0\n")]
        [DataRow("maxPods", 1025, "site.maxPods: must be between 1 and 1024, is 1025\n")]
        [DataRow("forgetAfterMs", -1, "site.forgetAfterMs: must be between 0 ms and 86400000 ms, is -1 ms\n")]
        [DataRow("forgetAfterMs", 86400001, "site.forgetAfterMs: must be between 0 ms and 86400000 ms, is 86400001 ms\n")]
        [TestMethod]
        public static void Each_value_outside_its_range_is_named_in_words(string key, int value, string expected)
        {
            Assert.AreEqual(expected, Errors(key, value));
        }
    }
}
