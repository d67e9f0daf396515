using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Site
{
    /// <summary>Config section <c>site</c>: how the pods of a site share its supply without a master.</summary>
    /// <remarks>Read at boot; not thread-safe. The controller's heartbeat overrides the capacity and thresholds while it is heard.</remarks>
    public sealed class SiteConfig : IConfigSection
    {
        /// <summary><c>site.enabled</c>: share the site's capacity with the other pods. Default false (no site cap).</summary>
        public bool Enabled;

        /// <summary><c>site.capacityA</c>: fallback capacity of the site's supply per phase, A, 1..10000, used while no heartbeat gives one. Default 100.</summary>
        public int CapacityA = 100;

        /// <summary><c>site.halfPowerAbovePercent</c>: above this load every session is capped at half its own limit, %, 1..100. Default 50.</summary>
        public int HalfPowerAbovePercent = 50;

        /// <summary><c>site.noNewSessionsAbovePercent</c>: above this load no new session starts, %, 1..100. Default 80.</summary>
        public int NoNewSessionsAbovePercent = 80;

        /// <summary><c>site.periodMs</c>: the sharing period (a load message at least this often), ms, 500..60000. Default 5000.</summary>
        public int PeriodMs = 5000;

        /// <summary><c>site.fallbackShareA</c>: the share a pod offers while it hears no site (partition, join), A, 0..80. Default 6.</summary>
        public int FallbackShareA = 6;

        /// <summary><c>site.maxPods</c>: size of the table of pods heard, 1..1024. Default 128.</summary>
        public int MaxPods = 128;

        /// <summary><c>site.forgetAfterMs</c>: a pod unheard this long leaves the table, ms, 0 (never)..86400000. Default 900000.</summary>
        public int ForgetAfterMs = 900000;

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".capacityA", CapacityA, 1, 10000, "A");
            errors.Range(keyPrefix + ".halfPowerAbovePercent", HalfPowerAbovePercent, 1, 100, "%");
            errors.Range(keyPrefix + ".noNewSessionsAbovePercent", NoNewSessionsAbovePercent, 1, 100, "%");
            errors.Range(keyPrefix + ".periodMs", PeriodMs, 500, 60000, "ms");
            errors.Range(keyPrefix + ".fallbackShareA", FallbackShareA, 0, 80, "A");
            errors.Range(keyPrefix + ".maxPods", MaxPods, 1, 1024, "");
            errors.Range(keyPrefix + ".forgetAfterMs", ForgetAfterMs, 0, 86400000, "ms");
        }
    }
}
