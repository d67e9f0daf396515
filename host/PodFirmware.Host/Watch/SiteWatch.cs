using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PodFirmware.Host.Watch
{
    /// <summary>One pod of the site as the broker shows it.</summary>
    public sealed class WatchedPod
    {
        /// <summary>Pod id.</summary>
        public string Pod = "";

        /// <summary>Parking space, 0 when not known yet.</summary>
        public long Space;

        /// <summary>"online", "offline" or "?" before the retained availability arrived.</summary>
        public string Availability = "?";

        /// <summary>OCPP connector status from the status document.</summary>
        public string Connector = "?";

        /// <summary>Connector temperature, °C (NaN when unknown).</summary>
        public double TemperatureC = double.NaN;

        /// <summary>Charging current, A (NaN when unknown).</summary>
        public double CurrentA = double.NaN;

        /// <summary>Latched fault name, or null.</summary>
        public string Fault;

        /// <summary>The last alarm code seen on the site alarm topic, or null.</summary>
        public string LastAlarm;

        /// <summary>When <see cref="LastAlarm"/> arrived, ms on the watcher's clock.</summary>
        public long LastAlarmAtMs;

        /// <summary>Whether the pod's status or an alarm on the site topic placed it on the watched site; shown only then.</summary>
        public bool OnSite;

        /// <summary>Sort key: latched fault, then a recent alarm, then offline, then the rest.</summary>
        public int Severity => Fault != null ? 0 : LastAlarm != null ? 1 : Availability != "online" ? 2 : 3;
    }

    /// <summary>
    /// The live picture of one site from what any MQTT 3.1.1 broker holds: the pods' retained statuses and
    /// availability, their telemetry and the site alarm topic. Pods of other sites (their status names another
    /// site) are left out. <see cref="Receive"/> returns the line a <c>--plain</c> watcher prints for the change.
    /// </summary>
    /// <remarks>Not thread-safe: one owner.</remarks>
    public sealed class SiteWatch
    {
        private readonly string _site;
        private readonly Dictionary<string, WatchedPod> _pods = new Dictionary<string, WatchedPod>(StringComparer.Ordinal);
        private readonly HashSet<string> _otherSite = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Watches <paramref name="site"/>.</summary>
        public SiteWatch(string site)
        {
            _site = site;
        }

        /// <summary>The topics to subscribe to.</summary>
        public string[] Topics => new[] { "pods/+/status", "pods/+/availability", "pods/+/telemetry", "site/" + _site + "/alarm" };

        /// <summary>Every pod seen, most severe first, then by space and id.</summary>
        public IReadOnlyList<WatchedPod> Pods => _pods.Values.Where(p => p.OnSite).OrderBy(p => p.Severity).ThenBy(p => p.Space).ThenBy(p => p.Pod, StringComparer.Ordinal).ToList();

        /// <summary>Applies one message; returns the pod's line when something shown changed, else null.</summary>
        public string Receive(string topic, string payload, long nowMs)
        {
            string[] parts = topic.Split('/');
            WatchedPod pod;
            try
            {
                if (parts.Length == 3 && parts[0] == "site" && parts[2] == "alarm")
                {
                    using JsonDocument alarm = JsonDocument.Parse(payload);
                    string id = Text(alarm.RootElement, "pod");
                    if (id == null || _otherSite.Contains(id))
                    {
                        return null;
                    }

                    pod = Pod(id);
                    pod.OnSite = true;
                    pod.Space = Number(alarm.RootElement, "space", pod.Space);
                    pod.LastAlarm = Text(alarm.RootElement, "code") ?? Text(alarm.RootElement, "event") ?? "alarm";
                    pod.LastAlarmAtMs = nowMs;
                    return Line(pod, nowMs);
                }

                if (parts.Length != 3 || parts[0] != "pods" || _otherSite.Contains(parts[1]))
                {
                    return null;
                }

                string before = _pods.TryGetValue(parts[1], out WatchedPod known) && known.OnSite ? Line(known, nowMs) : null;
                if (parts[2] == "availability")
                {
                    pod = Pod(parts[1]);
                    pod.Availability = payload.Trim();
                }
                else if (parts[2] == "status")
                {
                    using JsonDocument status = JsonDocument.Parse(payload);
                    if (Text(status.RootElement, "site") != _site)
                    {
                        _otherSite.Add(parts[1]);
                        _pods.Remove(parts[1]);
                        return null;
                    }

                    pod = Pod(parts[1]);
                    pod.OnSite = true;
                    pod.Space = Number(status.RootElement, "space", pod.Space);
                    pod.Connector = Text(status.RootElement, "connector") ?? pod.Connector;
                    pod.Fault = Text(status.RootElement, "fault");
                    pod.TemperatureC = Decimal(status.RootElement, "tempC", pod.TemperatureC);
                    pod.CurrentA = Decimal(status.RootElement, "currentA", pod.CurrentA);
                }
                else if (parts[2] == "telemetry" && _pods.TryGetValue(parts[1], out pod))
                {
                    using JsonDocument telemetry = JsonDocument.Parse(payload);
                    pod.TemperatureC = Decimal(telemetry.RootElement, "tempC", pod.TemperatureC);
                    pod.CurrentA = Decimal(telemetry.RootElement, "currentA", pod.CurrentA);
                }
                else
                {
                    return null;
                }

                string after = pod.OnSite ? Line(pod, nowMs) : null;
                return after == before ? null : after;
            }
            catch (JsonException)
            {
                return null; // not a pod document: ignored, never fatal
            }
        }

        /// <summary>The pod's line: id, space, availability, connector, temperature, current, fault, last alarm and its age.</summary>
        public static string Line(WatchedPod pod, long nowMs)
        {
            string alarm = pod.LastAlarm == null ? "-" : pod.LastAlarm + " " + ((nowMs - pod.LastAlarmAtMs) / 1000) + "s ago";
            return string.Format(CultureInfo.InvariantCulture, "{0,-12} space {1,-4} {2,-7} {3,-13} {4,6} C {5,6} A  fault {6}  alarm {7}",
                pod.Pod, pod.Space, pod.Availability, pod.Connector, Show(pod.TemperatureC, "F1"), Show(pod.CurrentA, "F2"), pod.Fault ?? "-", alarm);
        }

        private WatchedPod Pod(string id)
        {
            if (!_pods.TryGetValue(id, out WatchedPod pod))
            {
                pod = new WatchedPod { Pod = id };
                _pods.Add(id, pod);
            }

            return pod;
        }

        private static string Show(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

        private static string Text(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

        private static long Number(JsonElement root, string name, long fallback) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement e) && e.TryGetInt64(out long v) ? v : fallback;

        private static double Decimal(JsonElement root, string name, double fallback) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : fallback;
    }
}
