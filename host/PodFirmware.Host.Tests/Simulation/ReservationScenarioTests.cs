using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>The shipped reservation scenarios (docs/session.md, Reservation): windows, replacement, refusal and cancel.</summary>
    public class ReservationScenarioTests
    {
        [Fact]
        public void A_reservation_without_durationS_expires_after_the_default_600_s()
        {
            Assert.Equal(
                new[] { "0 status Available", "1000 status Reserved", "1000 command_result cmd-1 ok", "601000 status Available" },
                Lines("reservation-expiry-default", 610000));
        }

        [Fact]
        public void A_reservation_with_durationS_60_expires_60_s_later()
        {
            Assert.Equal(
                new[] { "0 status Available", "1000 status Reserved", "1000 command_result cmd-1 ok", "61000 status Available" },
                Lines("reservation-expiry-duration", 70000));
        }

        [Fact]
        public void The_same_holder_reserving_again_replaces_the_window_from_now()
        {
            Assert.Equal(
                new[] { "0 status Available", "1000 status Reserved", "1000 command_result cmd-1 ok", "31000 command_result cmd-2 ok", "151000 status Available" },
                Lines("reservation-replace", 160000));
        }

        [Fact]
        public void Another_account_cannot_reserve_over_a_live_reservation()
        {
            // 61 000 - 11 000 = 50 000 ms left.
            Assert.Equal(
                new[]
                {
                    "0 status Available", "1000 status Reserved", "1000 command_result cmd-1 ok",
                    "11000 command_result cmd-2 reserved_for_other leftS=50", "61000 status Available",
                },
                Lines("reservation-other-account", 70000));
        }

        [Fact]
        public void Cancel_reservation_ends_it_and_a_second_cancel_finds_none()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Available", "1000 status Reserved", "1000 command_result cmd-1 ok",
                    "5000 status Available", "5000 command_result cmd-2 ok", "6000 command_result cmd-3 no_reservation",
                },
                Lines("reservation-cancel", 8000));
        }
    }
}
