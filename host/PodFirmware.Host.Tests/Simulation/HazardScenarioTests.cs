using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PodFirmware.Core.Config;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The smoke / gas detector in virtual time (docs/safety.md, "Smoke and gas"): smoke while charging opens the relay in the
    /// tick that confirms it, latches SmokeOrGasDetected and escalates to fire_risk at once; a reset waits for clear air; a
    /// detector that fails its self-test or reads out of range latches HazardDetectorFault.
    /// </summary>
    public class HazardScenarioTests
    {
        private const string Start = "{\"type\":\"start\",\"account\":\"driver-1\"}";
        private const string Reset = "{\"type\":\"reset_fault\"}";

        private static ScenarioRun Create(string type, string scenario)
        {
            PodConfig config = ConfigFile.Load(Path.Combine(RepoPaths.Root, DemoConfig));
            config.Sensors.Hazard.Type = type;
            config.Sensors.Hazard.WarmUpMs = 2000;
            config.Sensors.Hazard.ConfirmMs = 500;
            config.Sensors.Hazard.TestTimeoutMs = 1000;
            Assert.Equal(0, config.Validate().Count);
            return ScenarioRun.Create(config, ScenarioParser.Parse(scenario));
        }

        private static List<JsonElement> Events(ScenarioRun run, long untilMs)
        {
            var events = new List<JsonElement>();
            run.RunUntil(untilMs, json => events.Add(JsonDocument.Parse(json).RootElement.Clone()));
            return events;
        }

        private static string[] Lines(List<JsonElement> events) =>
            events.Select(Line).Where(l => !l.StartsWith("0 ", System.StringComparison.Ordinal) && !l.Contains(" pilot") && !l.Contains(" lock ")).ToArray();

        [Fact]
        public void Smoke_while_charging_opens_the_relay_in_the_confirming_tick_latches_and_raises_fire_risk_naming_the_space()
        {
            ScenarioRun run = Create(HazardConfig.Digital,
                "0 plug in\n3000 cmd " + Start + "\n5000 smoke_ppm 2000\n6000 cmd " + Reset + "\n7000 smoke_ppm 0\n9000 cmd " + Reset + "\n");
            List<JsonElement> events = Events(run, 10000);
            Assert.Equal(
                new[]
                {
                    "3000 session_started cmd-1 driver-1", "3000 status Charging", "3000 command_result cmd-1 ok", "3000 relay closed",
                    "5500 alarm SmokeOrGasDetected", "5500 fire_risk", "5500 session cmd-1 trip", "5500 status Faulted", "5500 relay open",
                    "6000 command_result cmd-2 condition_present",
                    "9000 fault_cleared SmokeOrGasDetected", "9000 command_result cmd-3 ok", "9000 status Finishing",
                },
                Lines(events));
            JsonElement fire = events.First(e => e.GetProperty("event").GetString() == "fire_risk");
            Assert.Equal("SmokeOrGasDetected", fire.GetProperty("code").GetString());
            Assert.Equal(run.Pod.Config.ParkingSpace, fire.GetProperty("space").GetInt32());
            Assert.Equal(1, run.Pod.Hazard.TestPulses);
            Assert.Equal(HazardState.Clear, run.Pod.Controller.Status.Hazard);
        }

        [Fact]
        public void Smoke_with_the_relay_open_latches_too_and_a_start_is_refused()
        {
            ScenarioRun run = Create(HazardConfig.Analog, "0 plug in\n3000 smoke_ppm 1500\n4000 cmd " + Start + "\n");
            string[] lines = Lines(Events(run, 5000));
            Assert.Equal(new[] { "3500 alarm SmokeOrGasDetected", "3500 fire_risk", "3500 status Faulted", "4000 command_result cmd-1 fault_latched" }, lines);
            Assert.Equal(FaultCode.SmokeOrGasDetected, run.Pod.Controller.Status.LatchedFault);
            Assert.Equal(HazardState.Detected, run.Pod.Controller.Status.Hazard);
        }

        [Fact]
        public void Smoke_during_the_warm_up_is_not_judged()
        {
            ScenarioRun run = Create(HazardConfig.Analog, "0 smoke_ppm 1500\n1900 smoke_ppm 0\n");
            Assert.Empty(Lines(Events(run, 5000)));
            Assert.Equal(FaultCode.None, run.Pod.Controller.Status.LatchedFault);
        }

        [Fact]
        public void A_detector_failing_its_self_test_latches_HazardDetectorFault_and_a_reset_retests_it_once_mended()
        {
            ScenarioRun run = Create(HazardConfig.Digital,
                "0 hazard_detector test_fails\n4000 cmd " + Reset + "\n5000 hazard_detector ok\n6000 cmd " + Reset + "\n");
            Assert.Equal(
                new[]
                {
                    "3100 alarm HazardDetectorFault", "3100 status Faulted",
                    "4000 command_result cmd-1 condition_present",
                    "6000 fault_cleared HazardDetectorFault", "6000 command_result cmd-2 ok", "6000 status Available",
                },
                Lines(Events(run, 7000)));
            Assert.Equal(2, run.Pod.Hazard.TestPulses);
        }

        [Fact]
        public void An_unplugged_analog_sensor_latches_HazardDetectorFault()
        {
            ScenarioRun run = Create(HazardConfig.Analog, "3000 hazard_detector open\n");
            Assert.Equal(new[] { "3500 alarm HazardDetectorFault", "3500 status Faulted" }, Lines(Events(run, 4000)));
        }
    }
}
