using System;
using System.IO;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Messaging;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>docs/mqtt.md is the contract with the back end: it must name every topic and every result code the code can produce.</summary>
    public class MqttDocTests
    {
        private static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "mqtt.md"));

        [Fact]
        public void Lists_every_tick_result_code_in_a_table_row()
        {
            foreach (CommandResultCode code in Enum.GetValues<CommandResultCode>())
            {
                string name = CommandResultNames.Of(code);
                Assert.True(Doc.Contains("| `" + name + "` |"), "docs/mqtt.md has no table row for result code " + name);
            }
        }

        [Fact]
        public void Lists_every_refusal_code_in_a_table_row()
        {
            foreach (CommandAuthResult result in Enum.GetValues<CommandAuthResult>())
            {
                if (result == CommandAuthResult.Ok)
                {
                    continue;
                }

                string name = CommandAuthenticator.ResultName(result);
                Assert.NotEqual("unknown", name);
                Assert.True(Doc.Contains("| `" + name + "` |"), "docs/mqtt.md has no table row for refusal code " + name);
            }
        }

        [Fact]
        public void Lists_every_topic_the_pod_uses()
        {
            var topics = new Topics("{podId}", "{siteId}");
            foreach (string topic in new[] { topics.Availability, topics.Status, topics.Telemetry, topics.Alarm, topics.SiteAlarm, topics.Session, topics.Events, topics.Command, topics.CommandResult, topics.Heartbeat })
            {
                Assert.True(Doc.Contains("| `" + topic + "` |"), "docs/mqtt.md has no table row for topic " + topic);
            }
        }

        [Fact]
        public void Lists_every_command_type()
        {
            foreach (CommandType type in Enum.GetValues<CommandType>())
            {
                if (type == CommandType.None)
                {
                    continue;
                }

                string name = CommandTypeNames.Name(type);
                Assert.True(Doc.Contains("| `" + name + "` |"), "docs/mqtt.md has no table row for command " + name);
            }
        }
    }
}
