using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// What <c>./pod run</c> shows, within an 80×24 terminal: one status block built from what a subscriber received
    /// from the broker (the retained status, and the telemetry for the readings, whichever came last, so the
    /// readings are never 30 s old while charging), when the next scenario step is due, and the last events, one
    /// line each.
    /// </summary>
    public sealed class LiveView
    {
        /// <summary>Width the view fits, in columns.</summary>
        public const int Columns = 80;

        /// <summary>Events shown.</summary>
        public const int EventLines = 8;

        private readonly PodConfig _config;
        private readonly int _port;
        private readonly Topics _topics;
        private readonly Queue<string> _recent = new Queue<string>();
        private readonly List<string> _unprinted = new List<string>();
        private readonly Dictionary<string, string> _fields = new Dictionary<string, string>(StringComparer.Ordinal);
        private string _availability = "?";
        private int _received;

        /// <summary>Creates the view of <paramref name="config"/>'s pod on the broker at <paramref name="port"/>.</summary>
        public LiveView(PodConfig config, int port, Topics topics)
        {
            _config = config;
            _port = port;
            _topics = topics;
        }

        /// <summary>What comes next in the scenario ("in 12 s: temp_c 68"), set by the caller; null when nothing is left.</summary>
        public string NextStep { get; set; }

        /// <summary>Takes one message as a subscriber received it.</summary>
        public void Receive(string topic, string payload)
        {
            _received++;
            if (topic == _topics.Status || topic == _topics.Telemetry)
            {
                Absorb(payload);
            }
            else if (topic == _topics.Availability)
            {
                _availability = payload;
            }
            else
            {
                string name = topic.StartsWith("pods/" + _config.PodId + "/", StringComparison.Ordinal) ? topic.Substring(6 + _config.PodId.Length) : topic;
                _recent.Enqueue(Fit(name + " " + payload, Columns - 4));
                while (_recent.Count > EventLines)
                {
                    _recent.Dequeue();
                }
            }

            _unprinted.Add(topic + " " + payload);
        }

        /// <summary>Prints every message received since the last call, one line each (redirected output).</summary>
        public void PrintNewLines()
        {
            foreach (string line in _unprinted)
            {
                Console.WriteLine(line);
            }

            _unprinted.Clear();
        }

        /// <summary>The lines of the status block, each at most <see cref="Columns"/> - 4 characters.</summary>
        public List<string> StatusLines()
        {
            var lines = new List<string>
            {
                "link " + _availability + "   connector " + Field("connector") + "   relay " + Field("relay") + "   fault " + Field("fault"),
                "temp " + Field("tempC") + " C   current " + Field("currentA") + " A   voltage " + Field("voltageV") + " V   allowed " + Field("allowedCurrentA") + " A",
                "docked " + Field("docked") + "   plugged " + Field("plugged") + "   vehicle " + Field("vehicle") + "   locks " + Field("locks"),
                "session " + Field("session"),
                "warnings " + Field("warnings") + (_fields.ContainsKey("configError") ? "   CONFIG ERROR " + Field("configError") : ""),
                "next step " + (NextStep ?? "none: the scenario is done"),
            };
            for (int i = 0; i < lines.Count; i++)
            {
                lines[i] = Fit(lines[i], Columns - 4);
            }

            return lines;
        }

        /// <summary>The whole view: a bordered status block, the last events, a footer; fits 80×24.</summary>
        public IRenderable Render()
        {
            var status = new Panel(new Text(string.Join("\n", StatusLines()))).Header(Fit("pod " + _config.PodId + " · space " + _config.ParkingSpace + " · broker 127.0.0.1:" + _port, Columns - 6)).Expand();
            var lines = new List<string>(_recent);
            if (lines.Count == 0)
            {
                lines.Add("(no events yet)");
            }

            var events = new Panel(new Text(string.Join("\n", lines))).Header("last events").Expand();
            return new Rows(status, events, new Text("messages received: " + _received + " · Ctrl-C stops"));
        }

        private void Absorb(string payload)
        {
            try
            {
                using var doc = JsonDocument.Parse(payload);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (JsonProperty property in doc.RootElement.EnumerateObject())
                {
                    _fields[property.Name] = property.Value.ValueKind == JsonValueKind.Null ? "-" : property.Value.ToString();
                }

                if (doc.RootElement.TryGetProperty("relayClosed", out JsonElement closed))
                {
                    // telemetry says the relay in a bool of its own
                    _fields["relay"] = closed.ValueKind == JsonValueKind.True ? "closed" : "open";
                }
            }
            catch (JsonException)
            {
                _fields["connector"] = "(unreadable status)";
            }
        }

        private string Field(string name) => _fields.TryGetValue(name, out string value) ? value : "?";

        private static string Fit(string text, int width)
        {
            text = text.Replace('\n', ' ').Replace('\r', ' ');
            return text.Length <= width ? text : text.Substring(0, width - 1) + "…";
        }
    }
}
