using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Connector temperature limits (keys <c>safety.thermal.*</c>). <see cref="LimitC"/>, <see cref="CeilingC"/> and
    /// <see cref="ToleranceMs"/> are unset (NaN, NaN, 0) by default and must stay so unless the cable profile is
    /// <c>custom</c>; the named profiles fix them. <see cref="HysteresisC"/> applies to every profile.
    /// </summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class ThermalConfig
    {
        /// <summary>Long-term limit in degrees Celsius, 30 to 150; custom profile only (NaN = from profile).</summary>
        public double LimitC = double.NaN;

        /// <summary>Short-circuit ceiling in degrees Celsius, above <see cref="LimitC"/> and at most 300; custom profile only (NaN = from profile).</summary>
        public double CeilingC = double.NaN;

        /// <summary>How long the temperature may stay above the limit, in milliseconds, 1 to 600000; custom profile only (0 = from profile).</summary>
        public int ToleranceMs;

        /// <summary>A dip below <c>limit - HysteresisC</c> restarts the tolerance count, in degrees Celsius, 0 to 20, below the limit. Default 2.</summary>
        public double HysteresisC = 2.0;

        /// <summary>Derating below the long-term limit (<c>derate.*</c>); see <see cref="DerateConfig"/>.</summary>
        public DerateConfig Derate = new DerateConfig();

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.thermal</c>) for the given cable profile.</summary>
        /// <param name="keyPrefix">Dotted path of this object.</param>
        /// <param name="cableProfile">The configured profile name; an unknown name is reported by <see cref="SafetyConfig"/>, not here.</param>
        /// <param name="errors">Collects the problems.</param>
        public void Validate(string keyPrefix, string cableProfile, ConfigErrors errors)
        {
            double limitC = LimitC;
            if (cableProfile == CableProfiles.Custom)
            {
                errors.Range(keyPrefix + ".limitC", LimitC, 30, 150, "degC");
                errors.Range(keyPrefix + ".ceilingC", CeilingC, 30, 300, "degC");
                errors.Range(keyPrefix + ".toleranceMs", ToleranceMs, 1, 600000, "ms");
                // Compared only when both are finite numbers; a missing or non-finite one is reported above.
                if (Finite.IsFinite(LimitC) && Finite.IsFinite(CeilingC) && Finite.AtLeast(LimitC, CeilingC))
                {
                    errors.Fail(keyPrefix + ".ceilingC", "must be above limitC (" + LimitC.ToString() + " degC), is " + CeilingC.ToString() + " degC");
                }
            }
            else if (CableProfiles.IsKnown(cableProfile))
            {
                limitC = cableProfile == CableProfiles.Xlpe ? CableProfiles.XlpeLimitC : CableProfiles.PvcLimitC;
                RejectOverride(keyPrefix + ".limitC", !double.IsNaN(LimitC), cableProfile, errors);
                RejectOverride(keyPrefix + ".ceilingC", !double.IsNaN(CeilingC), cableProfile, errors);
                RejectOverride(keyPrefix + ".toleranceMs", ToleranceMs != 0, cableProfile, errors);
            }

            errors.Range(keyPrefix + ".hysteresisC", HysteresisC, 0, 20, "degC");
            // limitC is NaN with custom values unset or an unknown profile; both are reported elsewhere.
            if (Finite.IsFinite(HysteresisC) && Finite.IsFinite(limitC) && Finite.AtLeast(HysteresisC, limitC))
            {
                errors.Fail(keyPrefix + ".hysteresisC", "must be below the long-term limit (" + limitC.ToString() + " degC)");
            }

            if (Derate == null)
            {
                errors.Fail(keyPrefix + ".derate", "missing");
            }
            else
            {
                Derate.Validate(keyPrefix + ".derate", errors);
                if (Finite.IsFinite(Derate.HalfBelowLimitC) && Finite.IsFinite(limitC) && Finite.AtLeast(Derate.HalfBelowLimitC, limitC))
                {
                    errors.Fail(keyPrefix + ".derate.halfBelowLimitC", "must be below the long-term limit");
                }
            }
        }

        private static void RejectOverride(string key, bool isSet, string cableProfile, ConfigErrors errors)
        {
            if (isSet)
            {
                errors.Fail(key, "set only with cableProfile custom; the " + cableProfile + " profile fixes it");
            }
        }
    }
}
