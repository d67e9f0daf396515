using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Session;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Docs
{
    /// <summary>Claims in the docs a reader acts on: no pointers to process a user cannot follow, every field the code writes documented, paths that exist.</summary>
    public class DocClaimsTests
    {
        private static string Read(params string[] parts) => File.ReadAllText(Path.Combine(new[] { RepoPaths.Root }.Concat(parts).ToArray()));

        [Fact]
        public void No_doc_sends_the_reader_to_an_issue_or_a_brief()
        {
            foreach (string file in MarkdownLinkTests.MarkdownFiles())
            {
                string text = File.ReadAllText(file);
                Assert.False(Regex.IsMatch(text, @"\bissue #?\d+|\bbriefs?\b", RegexOptions.IgnoreCase), file + " refers to an issue or a brief");
            }
        }

        [Fact]
        public void The_session_record_table_names_every_field_the_pod_writes()
        {
            var record = new SessionRecord { SessionId = "s-1", Account = "a-1", StartMs = 0, StopMs = 1000 };
            var writer = new JsonWriter(4096);
            SessionJson.Write(writer, record, "pod-1", "site-a", 3);
            Assert.True(writer.IsComplete);
            string doc = Read("docs", "mqtt.md");
            string section = doc.Substring(doc.IndexOf("## Session record", StringComparison.Ordinal));
            section = section.Substring(0, section.IndexOf("\n## ", 3, StringComparison.Ordinal));
            using var json = JsonDocument.Parse(writer.ToString());
            foreach (JsonProperty field in json.RootElement.EnumerateObject())
            {
                Assert.Matches(new Regex(@"\n\| [^|\n]*`" + Regex.Escape(field.Name) + "`"), section);
            }
        }

        [Fact]
        public void The_command_refused_line_of_pod_sim_is_documented()
        {
            Assert.Contains("\"event\\\":\\\"command_refused\\\"", Read("host", "PodFirmware.Host", "Simulation", "ScenarioRun.cs"));
            Assert.Contains("`command_refused`", Read("docs", "mqtt.md"));
        }

        [Fact]
        public void The_config_readme_points_at_the_schema_and_names_what_the_demo_file_holds()
        {
            string readme = Read("nf-device-config", "README.md");
            Assert.Contains("[docs/config.md](../docs/config.md)", readme);
            Assert.DoesNotContain("stop at the first failure", readme);
            Assert.Contains("--filedeployment` can report success after a copy failed", readme.Replace("\n", " "));
            using var demo = JsonDocument.Parse(Read("nf-device-config", "pods", "pod-demo.json"));
            foreach (JsonProperty key in demo.RootElement.EnumerateObject())
            {
                Assert.Contains("`" + key.Name, readme);
            }
        }

        [Fact]
        public void The_safety_page_s_console_exists()
        {
            Assert.Contains("on the console", Read("docs", "safety.md"));
            Assert.Contains("self-test failed: ", Read("PodFirmware.SerialConsole", "ConsoleInterpreter.cs"));
        }
    }
}
