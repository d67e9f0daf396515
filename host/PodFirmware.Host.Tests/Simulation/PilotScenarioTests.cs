using System.Linq;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Session;
using PodFirmware.Host.Simulation;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The shipped control-pilot scenarios (scenarios/ev-*.txt, docs/ev-interface.md) with a scripted simulated EV, in
    /// virtual time. Timing facts: the CP is read at the end of each tick, after the duty is written, so the EV's answer
    /// to a new duty is seen in the same tick; the current sensor's plausibility filter shows a current step one tick late.
    /// </summary>
    public class PilotScenarioTests
    {
        private static readonly string[] StartAt1000 =
        {
            "1000 session_started cmd-2 driver-1", "1000 status Charging", "1000 command_result cmd-2 ok", "1000 pilot C 26.6 16", "1000 relay closed",
        };

        private static string[] Concat(params string[][] parts) => parts.SelectMany(p => p).ToArray();

        private static double CurrentAt(ScenarioRun run, long tMs)
        {
            run.RunUntil(tMs, _ => { });
            return run.Pod.Controller.Status.CurrentA;
        }

        [Fact]
        public void A_connected_EV_asking_for_power_waits_in_B_and_charges_only_after_the_pilot_offers_current()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Available", "0 pilot A 100 0", "1000 status Preparing", "1000 pilot B 100 0",
                    "3000 session_started cmd-1 driver-1", "3000 status Charging", "3000 command_result cmd-1 ok", "3000 pilot C 53.3 32", "3000 relay closed",
                },
                AllLines("ev-charge", 10000));

            var run = Create("ev-charge");
            run.RunUntil(2900, _ => { });
            Assert.Equal(0.0, run.Pod.Current.RmsValue);
            Assert.False(run.Pod.Relay.IsEnergised);
            Assert.Equal(1000, run.Pod.PilotOutput.DutyPermille);
            // Offered 32 A at 3000; the EV follows 1000 ms later up to its 16 A, seen by the sensor one tick after that.
            Assert.InRange(CurrentAt(run, 4000), 0.0, 0.2);
            Assert.InRange(CurrentAt(run, 4100), 15.8, 16.2);
            Assert.Equal(16.0, run.Pod.Ev.DrawA);
            Assert.Equal(CpState.C, run.Pod.Controller.Status.PilotState);
            Assert.Equal(533, run.Pod.Controller.Status.DutyPermille);
        }

        [Fact]
        public void A_limit_of_8_A_during_a_16_A_charge_moves_the_duty_in_the_same_tick_and_the_EV_to_8_A_without_a_trip()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing", "0 pilot B 100 0", "500 command_result cmd-1 ok" },
                    StartAt1000,
                    new[] { "10000 command_result cmd-3 ok", "10000 pilot C 13.3 8" }),
                AllLines("ev-current-limit", 40000));

            var run = Create("ev-current-limit");
            Assert.InRange(CurrentAt(run, 9900), 15.8, 16.2);
            run.RunUntil(10000, _ => { });
            Assert.Equal(133, run.Pod.PilotOutput.DutyPermille);
            Assert.Equal(8.0, run.Pod.Controller.Status.OfferedCurrentA);
            // The EV reads 13.3 % as 7.98 A and follows after its 1000 ms reaction time.
            Assert.InRange(CurrentAt(run, 10900), 15.8, 16.2);
            Assert.InRange(CurrentAt(run, 11100), 7.8, 8.1);
            Assert.Equal(7.98, run.Pod.Ev.DrawA, 6);
            run.RunUntil(40000, _ => { });
            Assert.False(run.Pod.Controller.Supervisor.IsLatched);
            Assert.True(run.Pod.Relay.IsEnergised);
        }

        [Fact]
        public void An_EV_that_ignores_the_lower_duty_trips_once_the_5_s_allowance_is_over()
        {
            // The 8 A offer reaches the supervisor at 10 100; reductionGraceMs (5000) later, 16 A >= 8 A x 1.5 trips at once.
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing", "0 pilot B 100 0", "500 command_result cmd-1 ok" },
                    StartAt1000,
                    new[]
                    {
                        "10000 command_result cmd-3 ok", "10000 pilot C 13.3 8",
                        "15100 alarm OverCurrentCeiling", "15100 session cmd-2 trip", "15100 status Faulted", "15100 pilot F 0 0", "15100 relay open",
                    }),
                AllLines("ev-ignores-limit", 20000));
        }

        [Fact]
        public void The_EV_going_from_C_to_B_opens_the_relay_at_the_first_reading_of_B()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "0 pilot B 100 0",
                    "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 pilot C 53.3 32", "1000 relay closed",
                    "10000 status SuspendedEV", "10000 pilot B 53.3 32", "10000 relay open",
                },
                AllLines("ev-stop", 15000));
        }

        [Fact]
        public void A_pause_stops_the_PWM_and_opens_the_relay_when_the_EV_goes_to_B()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "0 pilot B 100 0",
                    "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 pilot C 53.3 32", "1000 relay closed",
                    "10000 status SuspendedEVSE", "10000 command_result cmd-2 ok", "10000 pilot C 100 0",
                    "11000 pilot B 100 0", "11000 relay open",
                    "20000 status Charging", "20000 command_result cmd-3 ok", "20000 pilot C 26.6 16", "20000 relay closed",
                },
                AllLines("ev-pause", 22000));
        }

        [Fact]
        public void A_pause_opens_the_relay_after_pauseOpenMs_when_the_EV_stays_in_C()
        {
            string[] lines = AllLines("ev-pause-slow", 16000);
            Assert.Contains("10000 pilot C 100 0", lines);
            Assert.Equal("13000 relay open", Assert.Single(lines, l => l.EndsWith("relay open", System.StringComparison.Ordinal)));
            Assert.Contains("15000 pilot B 100 0", lines);
        }

        [Theory]
        [InlineData("ev-diode-missing", "no_diode")]
        [InlineData("ev-cp-short", "E")]
        public void A_missing_diode_or_a_CP_short_opens_the_relay_at_that_reading_and_latches_EVCommunicationError(string scenario, string state)
        {
            string[] lines = AllLines(scenario, 15000);
            Assert.Equal(
                new[]
                {
                    "10000 pilot " + state + " 53.3 32", "10000 relay open",
                    "10100 alarm EVCommunicationError", "10100 session cmd-1 trip", "10100 status Faulted", "10100 pilot F 0 0",
                },
                lines.SkipWhile(l => !l.StartsWith("10000", System.StringComparison.Ordinal)).ToArray());
            VirtualPod pod = Pod(scenario, 15000);
            Assert.Equal(FaultCode.EVCommunicationError, pod.Controller.Supervisor.LatchedCode);
            Assert.Equal("EVCommunicationError", FaultCatalogue.Get(FaultCode.EVCommunicationError).OcppErrorCode);
            Assert.Equal(0, pod.PilotOutput.DutyPermille);
        }

        [Fact]
        public void A_680_ohm_cable_caps_a_32_A_pod_and_a_32_A_EV_at_20_A()
        {
            var run = Create("ev-cable-20a");
            Assert.InRange(CurrentAt(run, 2100), 19.8, 20.2);
            // 33.3 % reads as 19.98 A: the duty is rounded down so the EV never reads more than the cable carries.
            Assert.Equal(19.98, run.Pod.Ev.DrawA, 6);
            Assert.Equal(333, run.Pod.PilotOutput.DutyPermille);
            Assert.Equal(20, run.Pod.Controller.Status.CableRatingA);
            Assert.Equal(32.0, run.Pod.Controller.Session.AllowedCurrentA);
            run.RunUntil(30000, _ => { });
            Assert.False(run.Pod.Controller.Supervisor.IsLatched);
        }

        [Fact]
        public void An_EV_asking_in_D_charges_only_where_ventilation_is_allowed()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "0 pilot B 100 0",
                    "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok",
                    "1000 status SuspendedEVSE", "1000 pilot D 53.3 32",
                },
                AllLines("ev-ventilation", 5000));
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "0 pilot B 100 0",
                    "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 pilot D 53.3 32", "1000 relay closed",
                },
                AllLines("ev-ventilation", 5000, "scenarios/configs/pod-ventilation.json"));
        }

        [Fact]
        public void A_full_battery_sends_the_EV_back_to_B_and_the_relay_opens_at_that_reading()
        {
            // 16 A at 230 V from 1100 puts 0.1022 Wh in per tick: 10 Wh after 98 ticks, at the tick of 10 800.
            string[] lines = AllLines("ev-battery-full", 20000);
            Assert.Equal(
                new[] { "10800 status SuspendedEV", "10800 pilot B 53.3 32", "10800 relay open" },
                lines.SkipWhile(l => !l.StartsWith("10800", System.StringComparison.Ordinal)).ToArray());
            VirtualPod pod = Pod("ev-battery-full", 20000);
            Assert.InRange(pod.Ev.ChargedWh, 10.0, 10.2);
            Assert.True(pod.Controller.Session.IsActive, "the session stays, SuspendedEV, until it is stopped");
        }

        [Fact]
        public void An_open_PP_refuses_the_start_cable_not_recognised()
        {
            Assert.Equal(
                new[] { "0 status Preparing", "0 pilot B 100 0", "1000 command_result cmd-1 cable_not_recognised" },
                AllLines("ev-pp-open", 5000));
            Assert.False(Pod("ev-pp-open", 5000).Controller.Session.IsActive);
        }
    }
}
