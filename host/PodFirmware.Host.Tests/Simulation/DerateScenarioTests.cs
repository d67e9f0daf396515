using System.Linq;
using PodFirmware.Core.Safety;
using PodFirmware.Host.Simulation;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// Thermal derating in virtual time (docs/safety.md, "Thermal derating"): the shipped scenarios derate-warm-cool and
    /// derate-pause on the demo config (pvc, limit 70 degC, 32 A rated).
    /// </summary>
    public class DerateScenarioTests
    {
        [Fact]
        public void A_warming_connector_halves_then_quarters_the_offer_and_cooling_restores_it_step_by_step_with_no_trip()
        {
            Assert.Equal(
                new[]
                {
                    "0 session_started cmd-1 driver-1", "0 status Charging", "0 command_result cmd-1 ok", "0 relay closed",
                    "10100 derate half", "20000 derate quarter", "130100 derate half", "160100 derate none",
                },
                Lines("derate-warm-cool", 200000));
        }

        [Theory]
        [InlineData(5000, 32.0, DerateStep.None)]
        [InlineData(15000, 16.0, DerateStep.Half)]
        [InlineData(125000, 8.0, DerateStep.Quarter)]
        [InlineData(150000, 16.0, DerateStep.Half)]
        [InlineData(170000, 32.0, DerateStep.None)]
        public void The_allowed_current_in_status_is_the_derated_offer(long atMs, double allowedA, DerateStep step)
        {
            VirtualPod pod = Pod("derate-warm-cool", atMs);
            Assert.Equal(allowedA, pod.Controller.Status.AllowedCurrentA, 3);
            Assert.Equal(step, pod.Controller.Status.Derate);
            // Settled at limit - 4 degC for 100 s with the EV following: still charging, nothing latched.
            Assert.True(pod.Controller.Status.RelayClosed);
            Assert.False(pod.Controller.Supervisor.IsLatched);
        }

        [Fact]
        public void A_quarter_below_6_A_pauses_with_the_relay_open_and_resumes_when_cooled()
        {
            Assert.Equal(
                new[]
                {
                    "0 session_started cmd-1 driver-1", "0 status Charging", "0 command_result cmd-1 ok", "0 relay closed",
                    "10100 derate quarter", "10100 status SuspendedEVSE", "10100 relay open",
                    "40100 derate half", "40100 status Charging", "40100 relay closed", "70100 derate none",
                },
                Lines("derate-pause", 100000));
            VirtualPod pod = Pod("derate-pause", 20000);
            Assert.Equal(0.0, pod.Controller.Status.AllowedCurrentA);
            Assert.True(pod.Controller.Session.IsActive);
        }

        [Fact]
        public void The_derate_event_says_why_with_the_temperature_and_the_threshold()
        {
            var e = Run("derate-warm-cool", 25000).First(x => x.GetProperty("event").GetString() == "derate");
            Assert.Equal("half", e.GetProperty("step").GetString());
            Assert.Equal(61.1, e.GetProperty("valueC").GetDouble(), 1);
            Assert.Equal(60.0, e.GetProperty("limitC").GetDouble(), 1);
        }
    }
}
