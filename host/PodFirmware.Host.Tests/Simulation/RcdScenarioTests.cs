using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Scenarios;
using PodFirmware.Core.SelfTest;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The residual-current monitor in virtual time (docs/safety.md, "Residual current"): the shipped scenarios rcd-fault
    /// and rcd-test-fails, and a monitor that takes time to answer its test.
    /// </summary>
    public class RcdScenarioTests
    {
        [Fact]
        public void A_fault_output_while_charging_opens_the_relay_in_that_tick_and_latches_GroundFailure_until_it_clears_and_a_reset()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 relay closed",
                    "5000 alarm GroundFailure", "5000 session cmd-1 trip", "5000 status Faulted", "5000 relay open",
                    "7000 command_result cmd-2 condition_present",
                    "9000 fault_cleared GroundFailure", "9000 command_result cmd-3 ok", "9000 status Finishing",
                    "10000 session_started cmd-4 driver-1", "10000 status Charging", "10000 command_result cmd-4 ok", "10000 relay closed",
                },
                Lines("rcd-fault", 12000));
        }

        [Fact]
        public void The_alarm_carries_the_OCPP_code_GroundFailure_and_status_shows_the_fault_output()
        {
            JsonElement alarm = Run("rcd-fault", 6000).First(e => e.GetProperty("event").GetString() == "alarm");
            Assert.Equal("GroundFailure", alarm.GetProperty("ocpp").GetString());
            VirtualPod pod = Pod("rcd-fault", 6000);
            Assert.Equal(RcdState.Fault, pod.Controller.Status.Rcd);
            Assert.Equal(FaultCode.GroundFailure, pod.Controller.Status.LatchedFault);
            Assert.False(pod.Relay.IsEnergised);
        }

        [Fact]
        public void A_monitor_that_fails_its_test_refuses_the_start_and_latches_SelfTestFailed_with_the_check_rcd()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1600 command_result cmd-1 self_test_failed", "1700 alarm SelfTestFailed", "1700 status Faulted",
                },
                Lines("rcd-test-fails", 5000));
            VirtualPod pod = Pod("rcd-test-fails", 5000);
            Assert.Equal(SelfTestCheck.Rcd, pod.Controller.Status.SelfTestFailure);
            Assert.Equal(RcdState.TestFailed, pod.Controller.Status.Rcd);
            Assert.False(pod.Controller.Session.IsActive);
            Assert.Equal(1, pod.Rcd.TestPulses);
            Assert.False(pod.Rcd.IsEnergised);
        }

        [Fact]
        public void A_monitor_answering_after_150_ms_delays_the_start_and_the_commands_behind_it_keep_their_order()
        {
            ScenarioRun run = ScenarioRun.Create(
                ConfigFile.Load(Path.Combine(RepoPaths.Root, DemoConfig)),
                ScenarioParser.Parse("0 plug in\n1000 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n1000 cmd {\"type\":\"stop\"}\n"));
            run.Pod.Rcd.ResponseMs = 150;
            var lines = new List<string>();
            run.RunUntil(1500, json => lines.Add(Line(JsonDocument.Parse(json).RootElement)));
            lines.RemoveAll(l => l.StartsWith("0 ", System.StringComparison.Ordinal));
            // Start at 1000 drives the test input; the output rises at 1150, seen at 1200, released and clear at 1200.
            Assert.Equal(
                new[]
                {
                    "1200 session_started cmd-1 driver-1", "1200 status Charging", "1200 command_result cmd-1 ok",
                    "1200 session cmd-1 stop_command", "1200 status Finishing", "1200 command_result cmd-2 ok",
                },
                lines.ToArray());
            Assert.Equal(1, run.Pod.Rcd.TestPulses);
        }

        [Fact]
        public void Every_session_start_tests_the_monitor_once()
        {
            VirtualPod pod = Pod("rcd-fault", 12000);
            Assert.Equal(2, pod.Rcd.TestPulses);
            Assert.Equal(RcdState.Ok, pod.Controller.Status.Rcd);
        }
    }
}
