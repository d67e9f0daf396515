using System.IO;
using System.Linq;
using PodFirmware.Core.Messaging;
using PodFirmware.Host.Tests.Mqtt;
using PodFirmware.Host.Verbs;
using Spectre.Console;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary>The single-pod live view of <c>./pod run</c> fits an 80×24 terminal and shows the freshest readings.</summary>
    public class LiveViewTests
    {
        private static (LiveView View, Topics Topics) Busy()
        {
            var config = LivePodRig.LoadDemoConfig();
            var topics = new Topics(config.PodId, config.SiteId);
            var view = new LiveView(config, 41234, topics);
            view.Receive(topics.Availability, "online");
            view.Receive(topics.Status, "{\"pod\":\"pod-017\",\"site\":\"site-a\",\"space\":17,\"fw\":\"0.1.0\",\"uptimeS\":125,\"connector\":\"Charging\",\"relay\":\"closed\",\"fault\":null,\"selfTestFailed\":null,\"warnings\":[\"ControllerLost\",\"NetworkLostWhileMoving\",\"StoreOverflow\"],\"docked\":true,\"plugged\":true,\"vehicle\":\"present\",\"locks\":{\"wheel\":\"locked\",\"cable\":\"locked\"},\"moving\":null,\"session\":{\"id\":\"start-1-with-a-very-long-id-0123456789abcdef\",\"account\":\"acct-9\",\"energyKwh\":1.235,\"elapsedS\":61,\"progressPercent\":12,\"remainingS\":3540},\"reservation\":null,\"allowedCurrentA\":16.00,\"tempC\":31.3,\"currentA\":15.99,\"voltageV\":230.0}");
            view.Receive(topics.Telemetry, "{\"pod\":\"pod-017\",\"uptimeS\":126,\"relayClosed\":true,\"tempC\":44.7,\"currentA\":15.98,\"voltageV\":229.8}");
            for (int i = 0; i < 30; i++)
            {
                view.Receive(topics.Events, "{\"t\":" + i + ",\"event\":\"warning\",\"pod\":\"pod-017\",\"space\":17,\"active\":true,\"code\":\"ControllerLost\",\"ocpp\":\"OtherError\",\"padding\":\"" + new string('x', 100) + "\"}");
            }

            view.NextStep = "in 12 s: temp_c 68";
            return (view, topics);
        }

        [Fact]
        public void The_view_fits_80_columns_and_24_lines_however_busy()
        {
            var writer = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
            console.Profile.Width = 80;
            console.Profile.Height = 24;
            console.Write(Busy().View.Render());
            string[] lines = writer.ToString().TrimEnd('\n', '\r').Split('\n');
            Assert.True(lines.Length <= 24, lines.Length + " lines:\n" + writer);
            Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, "too wide: " + l));
        }

        [Fact]
        public void The_readings_come_from_the_latest_telemetry_and_the_next_step_is_shown()
        {
            var lines = Busy().View.StatusLines();
            Assert.Contains(lines, l => l.StartsWith("temp 44.7 C   current 15.98 A", System.StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("connector Charging   relay closed", System.StringComparison.Ordinal));
            Assert.Equal("next step in 12 s: temp_c 68", lines.Last());
        }
    }
}
