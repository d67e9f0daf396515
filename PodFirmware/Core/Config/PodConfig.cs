using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config
{
    /// <summary>
    /// The whole pod configuration, one JSON file (nf-device-config/pods/*.json; on the device
    /// I:\pod.json). Field names are the JSON keys in camelCase. Loaded at boot by
    /// nanoFramework.Json on the device and System.Text.Json on the host into these same classes;
    /// <see cref="Validate"/> then runs on both. Each key states its unit, range and default in its XML doc.
    /// </summary>
    /// <remarks>Read-only after boot; safe to read from any thread once validated.</remarks>
    public sealed class PodConfig
    {
        /// <summary><c>podId</c>: this pod's id, used in topics and signatures; 1..32 chars of [a-z0-9-]. Required.</summary>
        public string PodId = "";

        /// <summary><c>siteId</c>: the site (mesh) this pod belongs to; 1..32 chars of [a-z0-9-]. Required.</summary>
        public string SiteId = "";

        /// <summary><c>parkingSpace</c>: the number of the space the pod serves, named in alarms; 1..9999. Required.</summary>
        public int ParkingSpace;

        /// <summary><c>tickPeriodMs</c>: control tick period, 20..1000 ms. Default 100.</summary>
        public int TickPeriodMs = 100;

        /// <summary>
        /// <c>ratedCurrentA</c>: the pod's rated charging current, the allowed current until the
        /// controller sets a lower limit; 6..32 A (IEC 61851-1 AC range for this hardware). Default 32.
        /// </summary>
        public double RatedCurrentA = 32.0;

        /// <summary><c>mqtt</c>: broker connection.</summary>
        public MqttConfig Mqtt = new MqttConfig();

        /// <summary><c>telemetry</c>: publishing periods.</summary>
        public TelemetryConfig Telemetry = new TelemetryConfig();

        /// <summary><c>sensors</c>: the measurement channels.</summary>
        public SensorsConfig Sensors = new SensorsConfig();

        /// <summary><c>safety</c>: trip limits, windows and escalation (docs/safety.md).</summary>
        public SafetyConfig Safety = new SafetyConfig();

        /// <summary>Checks every key; returns the problems found (empty when the config may be used).</summary>
        public ConfigErrors Validate()
        {
            var errors = new ConfigErrors();
            CheckId("podId", PodId, errors);
            CheckId("siteId", SiteId, errors);
            errors.Range("parkingSpace", ParkingSpace, 1, 9999, "");
            errors.Range("tickPeriodMs", TickPeriodMs, 20, 1000, "ms");
            errors.Range("ratedCurrentA", RatedCurrentA, 6, 32, "A");
            CheckSection("mqtt", Mqtt, errors);
            if (Mqtt != null)
            {
                Mqtt.Validate("mqtt", errors);
            }

            CheckSection("telemetry", Telemetry, errors);
            if (Telemetry != null)
            {
                Telemetry.Validate("telemetry", errors);
            }

            CheckSection("sensors", Sensors, errors);
            if (Sensors != null)
            {
                Sensors.Validate("sensors", errors);
            }

            CheckSection("safety", Safety, errors);
            if (Safety != null)
            {
                Safety.Validate("safety", errors);
            }

            return errors;
        }

        private static void CheckSection(string key, object section, ConfigErrors errors)
        {
            if (section == null)
            {
                errors.Fail(key, "section is null");
            }
        }

        private static void CheckId(string key, string value, ConfigErrors errors)
        {
            if (value == null || value.Length == 0 || value.Length > 32)
            {
                errors.Fail(key, "must be 1 to 32 characters");
                return;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    errors.Fail(key, "may hold only a-z, 0-9 and '-' (it becomes part of MQTT topics)");
                    return;
                }
            }
        }
    }
}
