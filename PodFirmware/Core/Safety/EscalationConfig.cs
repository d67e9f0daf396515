using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Safety
{
    /// <summary>What happens after a trip: fire_risk and all_clear (keys <c>safety.escalation.*</c>).</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class EscalationConfig
    {
        /// <summary>Rise over the lowest reading of the last <see cref="FireRiskWindowMs"/> that raises fire_risk, in degrees Celsius, 0.5 to 50. Default 5.</summary>
        public double FireRiskRiseC = 5.0;

        /// <summary>Window the rise must happen within, in milliseconds, 1000 to 600000. Default 60000.</summary>
        public int FireRiskWindowMs = 60000;

        /// <summary>How long the pod must stay cool and fault-free before all_clear, in milliseconds, 0 to 3600000. Default 60000.</summary>
        public int QuietPeriodMs = 60000;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.escalation</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".fireRiskRiseC", FireRiskRiseC, 0.5, 50, "degC");
            errors.Range(keyPrefix + ".fireRiskWindowMs", FireRiskWindowMs, 1000, 600000, "ms");
            errors.Range(keyPrefix + ".quietPeriodMs", QuietPeriodMs, 0, 3600000, "ms");
        }
    }
}
