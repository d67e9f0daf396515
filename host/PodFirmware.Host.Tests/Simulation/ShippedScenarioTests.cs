using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// Runs every shipped scenario through <c>./pod sim</c>'s code path and checks the events and
    /// their virtual times. The plausibility filter holds a jump for one 100 ms sample, so a step
    /// is seen one tick after it happens: a 5 s thermal window opened by a step at 10 000 ms is
    /// first exceeded at the tick of 15 200 ms.
    /// </summary>
    public class ShippedScenarioTests
    {
        private static List<JsonElement> Run(string scenario, long untilMs = 180000)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int rc = SimVerb.Run(
                new FileInfo(Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json")),
                new FileInfo(Path.Combine(RepoPaths.Root, "scenarios", scenario + ".txt")),
                untilMs, output, error);
            Assert.True(rc == 0, error.ToString());
            return output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        }

        private static string Kind(JsonElement e) => e.GetProperty("event").GetString();

        private static long T(JsonElement e) => e.GetProperty("uptimeMs").GetInt64();

        private static JsonElement Single(List<JsonElement> events, string kind) => Assert.Single(events, e => Kind(e) == kind);

        [Theory]
        [InlineData("normal-charge")]
        [InlineData("overshoot-short")]
        public void A_harmless_scenario_closes_the_relay_once_and_raises_nothing(string scenario)
        {
            var events = Run(scenario);
            var relay = Assert.Single(events, e => Kind(e) == "relay");
            Assert.DoesNotContain(events, e => Kind(e) is "alarm" or "trip" or "fire_risk" or "warning" or "session");
            Assert.True(relay.GetProperty("closed").GetBoolean());
            Assert.Equal(0, T(relay));
        }

        [Theory]
        [InlineData("sustained-overheat", "ConnectorOverTemperature", 15200)]
        [InlineData("spike-160", "ConnectorTemperatureCeiling", 10100)]
        [InlineData("sensor-open", "TemperatureSensorFault", 10000)]
        [InlineData("sensor-short", "TemperatureSensorFault", 10000)]
        // Frozen from the reading of 9 900 ms on; the noise-free repeats outlast stuckAfterMs (30 s) at 39 900 ms.
        [InlineData("sensor-stuck", "TemperatureSensorFault", 39900)]
        [InlineData("over-current", "OverCurrent", 15200)]
        [InlineData("over-voltage", "OverVoltage", 12100)]
        [InlineData("under-voltage", "UnderVoltage", 15100)]
        public void A_fault_raises_its_alarm_and_opens_the_relay_in_the_same_tick(string scenario, string code, long tripMs)
        {
            var events = Run(scenario);
            var alarm = Single(events, "alarm");
            Assert.Equal(code, alarm.GetProperty("code").GetString());
            Assert.Equal("pod-017", alarm.GetProperty("pod").GetString());
            Assert.Equal(17, alarm.GetProperty("space").GetInt32());
            Assert.Equal(tripMs, T(alarm));
            var opened = Assert.Single(events, e => Kind(e) == "relay" && !e.GetProperty("closed").GetBoolean());
            Assert.Equal(tripMs, T(opened));
        }

        [Fact]
        public void Heat_still_rising_after_the_trip_raises_one_fire_risk_and_no_all_clear()
        {
            var events = Run("fire-risk");
            var alarm = Single(events, "alarm");
            var fire = Single(events, "fire_risk");
            Assert.True(T(fire) > T(alarm));
            Assert.DoesNotContain(events, e => Kind(e) == "all_clear");
        }

        [Fact]
        public void Cooling_down_after_the_trip_sends_one_all_clear_after_the_quiet_period()
        {
            var events = Run("cool-down");
            var alarm = Single(events, "alarm");
            var clear = Single(events, "all_clear");
            Assert.Equal(15200, T(alarm));
            // The connector is back below the limit from the 20 000 ms step (seen one tick later), then quiet for 60 s.
            Assert.Equal(20000 + 100 + 60000 + 100, T(clear));
            Assert.DoesNotContain(events, e => Kind(e) == "fire_risk");
        }
    }
}
