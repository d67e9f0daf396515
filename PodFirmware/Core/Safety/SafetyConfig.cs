using System;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Everything the safety supervisor is configured with (keys under <c>safety.</c>). Public fields with
    /// the defaults documented on each; the config loader overwrites what the pod's config sets, then calls
    /// <see cref="Validate"/>. docs/safety.md lists every key.
    /// </summary>
    /// <remarks>Boot-time configuration: it allocates. Not thread-safe.</remarks>
    public sealed class SafetyConfig : IConfigSection
    {
        /// <summary>Cable profile: <c>pvc</c> (default), <c>xlpe</c> or <c>custom</c>; see <see cref="CableProfiles"/>.</summary>
        public string CableProfile = CableProfiles.Pvc;

        /// <summary>Connector temperature limits (<c>thermal.*</c>).</summary>
        public ThermalConfig Thermal = new ThermalConfig();

        /// <summary>Over-current limits (<c>current.*</c>).</summary>
        public CurrentConfig Current = new CurrentConfig();

        /// <summary>Mains voltage range (<c>voltage.*</c>).</summary>
        public VoltageConfig Voltage = new VoltageConfig();

        /// <summary>Relay feedback checks (<c>relay.*</c>).</summary>
        public RelayConfig Relay = new RelayConfig();

        /// <summary>fire_risk and all_clear (<c>escalation.*</c>).</summary>
        public EscalationConfig Escalation = new EscalationConfig();

        /// <summary>The residual-current monitor (<c>rcd.*</c>).</summary>
        public RcdConfig Rcd = new RcdConfig();

        /// <summary>Reports every bad key, each named by its dotted camelCase path under <paramref name="keyPrefix"/> (e.g. <c>safety.thermal.limitC</c>).</summary>
        /// <param name="keyPrefix">Dotted path of this object, normally <c>safety</c>.</param>
        /// <param name="errors">Collects the problems.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (!CableProfiles.IsKnown(CableProfile))
            {
                errors.Fail(keyPrefix + ".cableProfile", "must be pvc, xlpe or custom, is '" + CableProfile + "'");
            }

            if (Thermal == null)
            {
                errors.Fail(keyPrefix + ".thermal", "missing");
            }
            else
            {
                Thermal.Validate(keyPrefix + ".thermal", CableProfile, errors);
            }

            if (Current == null)
            {
                errors.Fail(keyPrefix + ".current", "missing");
            }
            else
            {
                Current.Validate(keyPrefix + ".current", errors);
            }

            if (Voltage == null)
            {
                errors.Fail(keyPrefix + ".voltage", "missing");
            }
            else
            {
                Voltage.Validate(keyPrefix + ".voltage", errors);
            }

            if (Relay == null)
            {
                errors.Fail(keyPrefix + ".relay", "missing");
            }
            else
            {
                Relay.Validate(keyPrefix + ".relay", errors);
            }

            if (Escalation == null)
            {
                errors.Fail(keyPrefix + ".escalation", "missing");
            }
            else
            {
                Escalation.Validate(keyPrefix + ".escalation", errors);
            }

            if (Rcd == null)
            {
                errors.Fail(keyPrefix + ".rcd", "missing");
            }
            else
            {
                Rcd.Validate(keyPrefix + ".rcd", errors);
            }
        }

        /// <summary>
        /// The thermal limits in force: the named profile's limit, ceiling and tolerance, or the configured ones for
        /// <c>custom</c>, with the configured hysteresis and derating (the same <see cref="DerateConfig"/> object). Returns a new object; the configuration is not changed.
        /// </summary>
        /// <exception cref="ArgumentException">When <see cref="CableProfile"/> is not a known profile.</exception>
        public ThermalConfig ResolveThermal()
        {
            var resolved = new ThermalConfig();
            resolved.HysteresisC = Thermal.HysteresisC;
            resolved.Derate = Thermal.Derate;
            if (CableProfile == CableProfiles.Custom)
            {
                resolved.LimitC = Thermal.LimitC;
                resolved.CeilingC = Thermal.CeilingC;
                resolved.ToleranceMs = Thermal.ToleranceMs;
            }
            else if (CableProfile == CableProfiles.Xlpe)
            {
                resolved.LimitC = CableProfiles.XlpeLimitC;
                resolved.CeilingC = CableProfiles.XlpeCeilingC;
                resolved.ToleranceMs = CableProfiles.NamedToleranceMs;
            }
            else if (CableProfile == CableProfiles.Pvc)
            {
                resolved.LimitC = CableProfiles.PvcLimitC;
                resolved.CeilingC = CableProfiles.PvcCeilingC;
                resolved.ToleranceMs = CableProfiles.NamedToleranceMs;
            }
            else
            {
                throw new ArgumentException("unknown cable profile '" + CableProfile + "'", "CableProfile");
            }

            return resolved;
        }
    }
}
