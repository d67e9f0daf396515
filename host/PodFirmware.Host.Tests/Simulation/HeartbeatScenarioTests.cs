using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The shipped heartbeat scenarios: the virtual controller beats every heartbeat.periodMs (10 000 ms) from 0;
    /// down from 1000, the last beat is the one at 0, so the controller counts as lost missedBeats x periodMs =
    /// 3 x 10 000 = 30 000 ms later.
    /// </summary>
    public class HeartbeatScenarioTests
    {
        private static readonly string[] Charging =
        {
            "0 status Preparing", "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 relay closed",
        };

        [Fact]
        public void Controller_down_raises_ControllerLost_after_missedBeats_periods_and_the_default_continue_keeps_charging()
        {
            // Back up at 60 000: the beat that tick clears the warning. 16 A keeps the session Charging, no record.
            Assert.Equal(
                System.Linq.Enumerable.Concat(Charging, new[] { "30000 warning ControllerLost active", "60000 warning ControllerLost inactive" }),
                Lines("heartbeat-lost", 70000));
        }

        [Fact]
        public void With_onLost_stop_the_session_stops_controller_lost_when_the_controller_is_lost()
        {
            Assert.Equal(
                System.Linq.Enumerable.Concat(Charging, new[]
                {
                    "30000 warning ControllerLost active", "30000 session cmd-1 controller_lost", "30000 status Finishing", "30000 relay open",
                }),
                Lines("heartbeat-lost-stop", 40000, "scenarios/configs/pod-heartbeat-stop.json"));
        }

        [Fact]
        public void With_onLost_continue_the_session_goes_on_until_continueLimitMs_after_the_loss()
        {
            // Lost at 30 000, continueLimitMs 60 000: stopped at 90 000.
            Assert.Equal(
                System.Linq.Enumerable.Concat(Charging, new[]
                {
                    "30000 warning ControllerLost active", "90000 session cmd-1 controller_lost", "90000 status Finishing", "90000 relay open",
                }),
                Lines("heartbeat-lost-continue", 100000, "scenarios/configs/pod-heartbeat-continue.json"));
        }
    }
}
