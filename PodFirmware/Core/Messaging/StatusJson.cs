using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Json;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes the retained status document of <c>pods/{podId}/status</c> (docs/mqtt.md):
    /// identity, relay, latched fault, measurements with units in their names, sensor health.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class StatusJson
    {
        /// <summary>Firmware version reported in status.</summary>
        public const string FirmwareVersion = "0.1.0";

        private static readonly string[] SensorStatusNames = { "ok", "open", "short", "stuck" };

        /// <summary>Writes <paramref name="status"/> as one object into <paramref name="w"/> (after Reset by the caller).</summary>
        public static void Write(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.BeginObject();
            WriteMembers(w, status, config);
            w.EndObject();
        }

        /// <summary>
        /// Writes the members of the status document into the object open in <paramref name="w"/>, so that a command
        /// result (get_status) can embed the same document as <c>"status":{...}</c>.
        /// </summary>
        public static void WriteMembers(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.String("pod", config.PodId);
            w.String("site", config.SiteId);
            w.Int("space", config.ParkingSpace);
            w.String("fw", FirmwareVersion);
            w.Int("uptimeMs", status.UptimeMs);
            w.String("connector", ConnectorStatusNames.Of(status.Connector));
            w.String("relay", status.RelayClosed ? "closed" : "open");
            if (status.LatchedFault == FaultCode.None)
            {
                w.Null("fault");
            }
            else
            {
                w.String("fault", FaultCatalogue.NameOf(status.LatchedFault));
            }

            w.Decimal("tempC", status.TemperatureC, 1);
            w.Decimal("currentA", status.CurrentA, 2);
            w.Decimal("voltageV", status.VoltageV, 1);
            w.Decimal("allowedA", status.AllowedCurrentA, 2);
            w.BeginObject("sensors");
            w.String("temperature", NameOf(status.TemperatureStatus));
            w.String("current", NameOf(status.CurrentStatus));
            w.String("voltage", NameOf(status.VoltageStatus));
            w.EndObject();
        }

        /// <summary>
        /// Writes the telemetry document of <c>pods/{podId}/telemetry</c>: uptime, relay and the
        /// three measurements with units in their names.
        /// </summary>
        public static void WriteTelemetry(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.BeginObject();
            w.String("pod", config.PodId);
            w.Int("uptimeMs", status.UptimeMs);
            w.Bool("relayClosed", status.RelayClosed);
            w.Decimal("tempC", status.TemperatureC, 1);
            w.Decimal("currentA", status.CurrentA, 2);
            w.Decimal("voltageV", status.VoltageV, 1);
            w.EndObject();
        }

        /// <summary>The lower-case name of a sensor status as it appears in payloads.</summary>
        public static string NameOf(SensorStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < SensorStatusNames.Length ? SensorStatusNames[i] : "unknown";
        }
    }
}
