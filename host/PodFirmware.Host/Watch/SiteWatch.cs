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

        /// <summary>Whether the pod's status, an alarm on the site topic or its heartbeat frame placed it on the watched site; shown only then.</summary>
        public bool OnSite;

        /// <summary>When the pod's last heartbeat frame arrived, ms on the watcher's clock; -1 before the first.</summary>
        public long LastBeatAtMs = -1;

        /// <summary>Whether its heartbeat frames stopped: none for longer than the watcher's silence limit after one arrived.</summary>
        public bool Silent;

        /// <summary>Sort key: latched fault, then a recent alarm, then offline or silent, then the rest.</summary>
        public int Severity => Fault != null ? 0 : LastAlarm != null ? 1 : Availability != "online" || Silent ? 2 : 3;

        /// <summary>"ok", "silent" or "-" before the first heartbeat frame (a pod with <c>heartbeat.podPeriodMs</c> 0).</summary>
        public string Beat => LastBeatAtMs < 0 ? "-" : Silent ? "silent" : "ok";
    }

    /// <summary>
    /// The live picture of one site from what any MQTT 3.1.1 broker holds: the pods' retained statuses and
    /// availability, their telemetry, their heartbeat frames and the site alarm topic. Pods of other sites (their status
    /// names another site) are left out. <see cref="Receive"/> returns the line a <c>--plain</c> watcher prints for the
    /// change; <see cref="Tick"/> the lines of pods that have just gone silent. A pod is silent when no heartbeat frame
    /// came for longer than the silence limit after one had: its process, Wi-Fi or link has stopped, which its retained
    /// status cannot show and its Last Will shows only after the broker's keep-alive (45 s).
    /// </summary>
    /// <remarks>Not thread-safe: one owner.</remarks>
    public sealed class SiteWatch
    {
        private readonly string _site;
        private readonly Dictionary<string, WatchedPod> _pods = new Dictionary<string, WatchedPod>(StringComparer.Ordinal);
        private readonly HashSet<string> _otherSite = new HashSet<string>(StringComparer.Ordinal);
        private readonly long _silentAfterMs;

        /// <summary>Three heartbeat frames at the pods' default period (<c>heartbeat.podPeriodMs</c>, 5 s), in milliseconds.</summary>
        public const long DefaultSilentAfterMs = 15000;

        /// <summary>Watches <paramref name="site"/>; a pod is silent after <paramref name="silentAfterMs"/> without a heartbeat frame.</summary>
        public SiteWatch(string site, long silentAfterMs = DefaultSilentAfterMs)
        {
            _site = site;
            _silentAfterMs = silentAfterMs;
        }

        /// <summary>The topics to subscribe to.</summary>
        public string[] Topics => new[] { "pods/+/status", "pods/+/availability", "pods/+/telemetry", "site/" + _site + "/alarm", HeartbeatTopic };

        private string HeartbeatTopic => "site/" + _site + "/heartbeat/pods";

        /// <summary>Marks the pods whose heartbeat frames stopped; returns their lines (empty when none changed).</summary>
        public IReadOnlyList<string> Tick(long nowMs)
        {
            var lines = new List<string>();
            foreach (WatchedPod pod in _pods.Values)
            {
                if (pod.OnSite && !pod.Silent && pod.LastBeatAtMs >= 0 && nowMs - pod.LastBeatAtMs > _silentAfterMs)
                {
                    pod.Silent = true;
                    lines.Add(Line(pod, nowMs));
                }
            }

            return lines;
        }

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

                if (topic == HeartbeatTopic)
                {
                    using JsonDocument frame = JsonDocument.Parse(payload);
                    string id = Text(frame.RootElement, "pod");
                    if (id == null || _otherSite.Contains(id))
                    {
                        return null;
                    }

                    pod = Pod(id);
                    string was = pod.OnSite ? Line(pod, nowMs) : null;
                    pod.OnSite = true;
                    pod.LastBeatAtMs = nowMs;
                    pod.Silent = false;
                    string now = Line(pod, nowMs);
                    return now == was ? null : now;
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

        /// <summary>The pod's line: id, space, availability, heartbeat, connector, temperature, current, fault, last alarm and its age.</summary>
        public static string Line(WatchedPod pod, long nowMs)
        {
            string alarm = pod.LastAlarm == null ? "-" : pod.LastAlarm + " " + ((nowMs - pod.LastAlarmAtMs) / 1000) + "s ago";
            return string.Format(CultureInfo.InvariantCulture, "{0,-12} space {1,-4} {2,-7} beat {3,-6} {4,-13} {5,6} C {6,6} A  fault {7}  alarm {8}",
                pod.Pod, pod.Space, pod.Availability, pod.Beat, pod.Connector, Show(pod.TemperatureC, "F1"), Show(pod.CurrentA, "F2"), pod.Fault ?? "-", alarm);
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
