using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config
{
    /// <summary>Config section <c>telemetry</c>: how often status and measurements are published.</summary>
    public sealed class TelemetryConfig : IConfigSection
    {
        /// <summary><c>telemetry.statusPeriodMs</c>: retained status at least this often, 1000..300000 ms. Default 30000.</summary>
        public int StatusPeriodMs = 30000;

        /// <summary><c>telemetry.chargingPeriodMs</c>: measurements while charging or moving, 200..60000 ms. Default 1000.</summary>
        public int ChargingPeriodMs = 1000;

        /// <summary><c>telemetry.idlePeriodMs</c>: measurements otherwise, 1000..600000 ms. Default 30000.</summary>
        public int IdlePeriodMs = 30000;

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".statusPeriodMs", StatusPeriodMs, 1000, 300000, "ms");
            errors.Range(keyPrefix + ".chargingPeriodMs", ChargingPeriodMs, 200, 60000, "ms");
            errors.Range(keyPrefix + ".idlePeriodMs", IdlePeriodMs, 1000, 600000, "ms");
        }
    }
}
