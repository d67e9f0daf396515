using System;
using System.Collections.Generic;
using System.Text.Json;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// What <c>./pod run</c> shows: the latest retained status and the last events exactly as a
    /// subscriber received them from the broker.
    /// </summary>
    internal sealed class LiveView
    {
        private readonly PodConfig _config;
        private readonly int _port;
        private readonly Topics _topics;
        private readonly Queue<string> _recent = new Queue<string>();
        private readonly List<string> _unprinted = new List<string>();
        private string _status = "(waiting for the retained status)";
        private string _availability = "?";
        private string _telemetry = "";
        private int _received;

        public LiveView(PodConfig config, int port, Topics topics)
        {
            _config = config;
            _port = port;
            _topics = topics;
        }

        public void Receive(string topic, string payload)
        {
            _received++;
            if (topic == _topics.Status)
            {
                _status = payload;
            }
            else if (topic == _topics.Telemetry)
            {
                _telemetry = payload;
            }
            else if (topic == _topics.Availability)
            {
                _availability = payload;
            }
            else
            {
                _recent.Enqueue(topic + "  " + payload);
                while (_recent.Count > 8)
                {
                    _recent.Dequeue();
                }
            }

            _unprinted.Add(topic + " " + payload);
        }

        public void PrintNewLines()
        {
            foreach (string line in _unprinted)
            {
                Console.WriteLine(line);
            }

            _unprinted.Clear();
        }

        public IRenderable Render()
        {
            var table = new Table().Border(TableBorder.Rounded).Title("pod " + _config.PodId + " · space " + _config.ParkingSpace + " · broker 127.0.0.1:" + _port);
            table.AddColumn("field");
            table.AddColumn("value (as received from the broker)");
            table.AddRow("availability", Markup.Escape(_availability));
            try
            {
                using var doc = JsonDocument.Parse(_status);
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    table.AddRow(Markup.Escape(property.Name), Markup.Escape(property.Value.ToString()));
                }
            }
            catch (JsonException)
            {
                table.AddRow("status", Markup.Escape(_status));
            }

            var events = new Rows(_recent.Count == 0 ? new IRenderable[] { new Text("(no events yet)") } : ToTexts(_recent));
            table.AddRow("telemetry", Markup.Escape(_telemetry));
            return new Rows(table, new Panel(events).Header("last events"), new Text("messages received: " + _received + " · Ctrl-C stops"));
        }

        private static IRenderable[] ToTexts(IEnumerable<string> lines)
        {
            var list = new List<IRenderable>();
            foreach (string line in lines)
            {
                list.Add(new Text(line));
            }

            return list.ToArray();
        }
    }
}
