using PodFirmware.Core.Commands;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Position;
using PodFirmware.Core.Safety;
using PodFirmware.Core.Session;
using PodFirmware.Core.Site;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Card;
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

        /// <summary>
        /// <c>benchMode</c>: allows the serial console's bench commands (relay, locks) with no plug, no session and nothing
        /// latched; for test benches only. The console cannot change it. Default false.
        /// </summary>
        public bool BenchMode;

        /// <summary><c>mqtt</c>: broker connection.</summary>
        public MqttConfig Mqtt = new MqttConfig();

        /// <summary><c>telemetry</c>: publishing periods.</summary>
        public TelemetryConfig Telemetry = new TelemetryConfig();

        /// <summary><c>sensors</c>: the measurement channels.</summary>
        public SensorsConfig Sensors = new SensorsConfig();

        /// <summary><c>safety</c>: trip limits, windows and escalation (docs/safety.md).</summary>
        public SafetyConfig Safety = new SafetyConfig();

        /// <summary><c>locks</c>: lock travel and move timeouts, accounts allowed to move the pod (docs/locks.md).</summary>
        public LocksConfig Locks = new LocksConfig();

        /// <summary><c>session</c>: reservation window, EV idle detection, power averaging (docs/session.md).</summary>
        public SessionConfig Session = new SessionConfig();

        /// <summary><c>position</c>: GNSS receiver and the site geofence (PodFirmware/Core/Position/README.md).</summary>
        public PositionConfig Position = new PositionConfig();

        /// <summary><c>commands</c>: the command-signing key, time window, replay memory and queue (docs/mqtt-signing.md). Required: keyHex.</summary>
        public CommandsConfig Commands = new CommandsConfig();

        /// <summary><c>heartbeat</c>: the site controller's heartbeat and what to do when it stops (docs/mqtt.md).</summary>
        public HeartbeatConfig Heartbeat = new HeartbeatConfig();

        /// <summary><c>outbox</c>: the store-first message outbox (docs/store.md).</summary>
        public OutboxConfig Outbox = new OutboxConfig();

        /// <summary><c>ev</c>: the control pilot, proximity pilot and cable (docs/ev-interface.md).</summary>
        public EvConfig Ev = new EvConfig();

        /// <summary><c>site</c>: sharing the site's supply with the other pods (docs/site-power.md).</summary>
        public SiteConfig Site = new SiteConfig();

        /// <summary><c>card</c>: local authorisation with an RFID card at the pod.</summary>
        public CardConfig Card = new CardConfig();

        /// <summary>Checks every key; returns the problems found (empty when the config may be used).</summary>
        public ConfigErrors Validate()
        {
            var errors = new ConfigErrors();
            CheckId("podId", PodId, errors);
            CheckId("siteId", SiteId, errors);
            errors.Range("parkingSpace", ParkingSpace, 1, 9999, "");
            errors.Range("tickPeriodMs", TickPeriodMs, 20, 1000, "ms");
            errors.Range("ratedCurrentA", RatedCurrentA, 6, 32, "A");
            string[] keys = { "mqtt", "telemetry", "sensors", "safety", "locks", "session", "position", "commands", "heartbeat", "outbox", "ev", "site", "card" };
            IConfigSection[] sections = { Mqtt, Telemetry, Sensors, Safety, Locks, Session, Position, Commands, Heartbeat, Outbox, Ev, Site, Card };
            for (int i = 0; i < keys.Length; i++)
            {
                // A null section ("locks": null in the file) is an error naming it, never a crash.
                if (sections[i] == null)
                {
                    errors.Fail(keys[i], "section is null");
                }
                else
                {
                    sections[i].Validate(keys[i], errors);
                }
            }

            // The CP is read once per tick: a longer tick would keep the relay closed past the EV's C -> B.
            if (Ev != null && TickPeriodMs > Ev.StopOpenMs)
            {
                errors.Fail("tickPeriodMs", "must not exceed ev.stopOpenMs (" + Ev.StopOpenMs.ToString() + " ms), the time the relay may stay closed after the EV goes from C to B");
            }

            // The plan needs valid sensors and tick keys; each bad one is already named above.
            if (errors.Count == 0)
            {
                SamplingPlan.Validate(TickPeriodMs, Sensors, Ev, errors);
            }

            return errors;
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
