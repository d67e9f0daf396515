using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The shipped relay and self-test scenarios (docs/safety.md, relay feedback): a weld or a failure to close
    /// is decided at the first tick at least safety.relay.settleMs (300 ms) after the coil command changed.
    /// </summary>
    public class RelayScenarioTests
    {
        [Fact]
        public void A_relay_welded_at_the_stop_alarms_300_ms_after_the_open_command_and_blocks_start_and_reset()
        {
            // Opened at the end of the tick at 10 000; 10 300 - 10 000 >= 300: RelayWelded at 10 300, not later.
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 relay closed",
                    "10000 session cmd-1 stop_command", "10000 status Finishing", "10000 command_result cmd-2 ok", "10000 relay open",
                    "10300 alarm RelayWelded", "10300 status Faulted",
                    "12000 command_result cmd-3 fault_latched", "13000 command_result cmd-4 condition_present",
                },
                Lines("relay-welded", 15000));
        }

        [Fact]
        public void A_relay_that_does_not_close_alarms_RelayFailedToClose_300_ms_after_the_close_command()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 relay closed",
                    "1300 alarm RelayFailedToClose", "1300 session cmd-1 trip", "1300 status Faulted", "1300 relay open",
                },
                Lines("relay-failed-to-close", 5000));
        }

        [Fact]
        public void A_self_test_failing_at_the_start_refuses_it_and_latches_SelfTestFailed_at_the_next_tick()
        {
            Assert.Equal(
                new[] { "0 status Preparing", "2000 command_result cmd-1 self_test_failed", "2100 alarm SelfTestFailed", "2100 status Faulted" },
                Lines("selftest-failed", 5000));
        }

        [Fact]
        public void Reset_is_accepted_once_the_failed_check_passes_and_a_new_session_starts()
        {
            // The boot self-test (tick 0, locks not travelling) sees the open current sensor. The reset re-runs it at 5000,
            // and the status leaves Faulted in the same tick.
            Assert.Equal(
                new[]
                {
                    "0 alarm SelfTestFailed", "0 status Faulted", "2000 command_result cmd-1 fault_latched",
                    "5000 fault_cleared SelfTestFailed", "5000 command_result cmd-2 ok", "5000 status Preparing",
                    "6000 session_started cmd-3 driver-1", "6000 status Charging", "6000 command_result cmd-3 ok", "6000 relay closed",
                },
                Lines("reset-after-selftest", 8000));
        }
    }
}
