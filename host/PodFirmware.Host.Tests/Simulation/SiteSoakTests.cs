using System;
using System.Globalization;
using System.IO;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Mqtt;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The short form of the site soak (<c>./pod bench measure soak</c>, 30 minutes by hand): 20 pods through a private
    /// mosquitto with the broker killed and restarted at random, heartbeats lost and found, sessions, trips and resets.
    /// POD_SOAK_SECONDS sets its length (20 s in <c>./pod test</c>).
    /// </summary>
    public class SiteSoakTests
    {
        private readonly ITestOutputHelper _output;

        public SiteSoakTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Every_outbox_empties_and_every_command_is_answered_after_a_soak_with_broker_restarts()
        {
            string text = Environment.GetEnvironmentVariable("POD_SOAK_SECONDS");
            int seconds = string.IsNullOrEmpty(text) ? 20 : int.Parse(text, CultureInfo.InvariantCulture);
            var report = new StringWriter();
            int code = SiteSoak.Run(LivePodRig.DemoConfigPath, seconds, 20, 7, report);
            _output.WriteLine(report.ToString());
            Assert.True(code == 0, report.ToString());
        }
    }
}
