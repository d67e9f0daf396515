using System.Linq;
using System.Text.Json;
using PodFirmware.Core.Scenarios;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>The card scenarios in ./pod sim (docs/mqtt.md, "Card at the pod") and the reservation holder's stop.</summary>
    public class CardScenarioTests
    {
        [Fact]
        public void A_tapped_card_asks_the_back_end_and_its_second_tap_stops_the_session_the_answer_started()
        {
            var events = Run("card-start-stop", 12000);
            JsonElement authorize = Assert.Single(events, e => e.GetProperty("event").GetString() == "authorize");
            Assert.Equal(1000, authorize.GetProperty("uptimeMs").GetInt64());
            JsonElement request = authorize.GetProperty("request");
            Assert.Equal("pod-017-card-1767225601000", request.GetProperty("id").GetString());
            Assert.Equal("65be84cc1f9b4494", request.GetProperty("card").GetString());
            string[] lines = events.Select(Line).Where(l => l.Contains("command_result") || l.Contains("session")).ToArray();
            Assert.Equal(
                new[]
                {
                    "2000 session_started pod-017-card-1767225601000 driver-dana", "2000 command_result pod-017-card-1767225601000 ok",
                    "10000 session pod-017-card-1767225601000 stop_command", "10000 command_result pod-017-card-1767225610000 ok",
                },
                lines);
        }

        [Fact]
        public void A_card_while_the_controller_is_lost_is_unknown_without_the_allow_list()
        {
            var events = Run("card-offline", 41000);
            JsonElement refused = Assert.Single(events, e => e.GetProperty("event").GetString() == "card_refused");
            Assert.Equal("card_unknown", refused.GetProperty("result").GetProperty("code").GetString());
            Assert.Equal("pod-017-card-1767225640000", refused.GetProperty("result").GetProperty("id").GetString());
            Assert.DoesNotContain(events, e => e.GetProperty("event").GetString() is "authorize" or "session_started");
        }

        [Fact]
        public void Only_the_reservation_holder_stops_a_reserved_session()
        {
            string[] results = Lines("reservation-stop-holder", 8000).Where(l => l.Contains("command_result") || l.Contains(" session ")).ToArray();
            Assert.Equal(
                new[]
                {
                    "1000 command_result cmd-1 ok", "2000 command_result cmd-2 ok", "5000 command_result cmd-3 reserved_for_other leftS=0",
                    "6000 command_result cmd-4 reserved_for_other leftS=0", "7000 session cmd-2 stop_command", "7000 command_result cmd-5 ok",
                },
                results);
        }

        [Theory]
        [InlineData("1000 card 04a1b2", "line 1")]
        [InlineData("1000 card 04a1b2cx", "line 1")]
        public void A_card_step_needs_a_uid_of_4_7_or_10_bytes_in_hex(string text, string where)
        {
            var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(text));
            Assert.Contains("card takes a UID of 4, 7 or 10 bytes in hex", error.Message);
            Assert.Contains(where, error.Message);
        }
    }
}
