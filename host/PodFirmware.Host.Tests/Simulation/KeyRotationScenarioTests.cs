using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>The shipped key-rotation scenario (docs/mqtt-signing.md, Key ids and rotation) through <c>./pod sim</c>.</summary>
    public class KeyRotationScenarioTests
    {
        [Fact]
        public void A_rotate_key_is_answered_ok_the_next_command_is_checked_with_the_new_key_and_a_held_id_is_refused()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Available", "1000 command_result cmd-1 ok", "2000 status Reserved", "2000 command_result cmd-2 ok",
                    "3000 command_result cmd-3 key_rejected",
                },
                Lines("key-rotation", 5000));
            Assert.Equal("k2", Pod("key-rotation", 5000).KeyRing.CurrentId);
        }
    }
}
