using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The shipped session scenarios (docs/session.md): each start rule, each stop reason, the suspended states
    /// and the controller's current limit, with the exact events and virtual times. Common timing facts:
    /// a command in the scenario at t is applied in the tick at t, after the safety evaluation and before the
    /// session update, and the relay is written at the end of that tick, so a start at 1000 closes the relay at
    /// 1000; the current sensor's plausibility filter holds a jump for one 100 ms sample, so a current step is
    /// seen one tick late; without current_a the EV draws 0 A and the status turns SuspendedEV
    /// evIdleDelayMs (3000 ms) after the first closed-relay tick (1100) = 4100.
    /// </summary>
    public class SessionScenarioTests
    {
        private static readonly string[] StartAt1000 =
        {
            "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok", "1000 relay closed",
        };

        private static string[] Concat(params string[][] parts) => System.Linq.Enumerable.ToArray(System.Linq.Enumerable.SelectMany(parts, p => p));

        [Fact]
        public void Start_accepted_goes_from_Preparing_to_Charging_and_closes_the_relay()
        {
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "4100 status SuspendedEV" }),
                Lines("session-start-accepted", 10000));
        }

        [Fact]
        public void Start_without_a_plug_is_refused_not_plugged()
        {
            Assert.Equal(new[] { "0 status Available", "1000 command_result cmd-1 not_plugged" }, Lines("session-start-not-plugged", 5000));
        }

        [Fact]
        public void Start_with_a_fault_latched_is_refused_fault_latched()
        {
            // A sensor fault trips in the tick that sees it (no debounce).
            Assert.Equal(
                new[] { "0 status Preparing", "1000 alarm TemperatureSensorFault", "1000 status Faulted", "2000 command_result cmd-1 fault_latched" },
                Lines("session-start-fault-latched", 5000));
        }

        [Fact]
        public void Start_while_not_docked_is_refused_not_docked()
        {
            Assert.Equal(
                new[] { "0 status Preparing", "1000 status Unavailable", "2000 command_result cmd-1 not_docked" },
                Lines("session-start-not-docked", 5000));
        }

        [Fact]
        public void Start_while_moving_is_refused_moving()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 moving started unlock", "1000 lock wheel unlocking", "1000 lock cable unlocking",
                    "1000 command_result cmd-1 ok", "1000 status Unavailable", "1500 lock wheel unlocked", "1500 lock cable unlocked",
                    "3000 command_result cmd-2 moving",
                },
                Lines("session-start-moving", 5000));
        }

        [Fact]
        public void Start_by_another_account_during_a_reservation_is_refused_with_the_seconds_left_and_the_holder_starts()
        {
            // Reserved at 1000 for the default 600 s: until 601 000; at 11 000, 590 000 ms = 590 s are left.
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 status Reserved", "1000 command_result cmd-1 ok",
                    "11000 command_result cmd-2 reserved_for_other leftS=590",
                    "12000 session_started cmd-3 driver-1", "12000 status Charging", "12000 command_result cmd-3 ok", "12000 relay closed",
                    "15100 status SuspendedEV",
                },
                Lines("session-start-reserved-for-other", 16000));
        }

        [Fact]
        public void Start_while_a_session_runs_is_refused_session_active()
        {
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "2000 command_result cmd-2 session_active", "4100 status SuspendedEV" }),
                Lines("session-start-already-active", 10000));
        }

        [Fact]
        public void Stop_command_after_one_hour_writes_the_record_with_the_exact_integer_energy()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "3601000 session cmd-1 stop_command", "3601000 status Finishing", "3601000 command_result cmd-2 ok", "3601000 relay open" }),
                Lines("session-stop-command", 3602000));

            // The meter's rule, summed here tick by tick from the real power the tick published: a tick meters
            // round(P x 1000) mW, P = mean(v x i) of its burst, over its 100 ms when the relay was closed at its start (closed
            // at the end of the tick at 1000) and the session ran into it: the stop command at 3 601 000 meters its own
            // tick before it ends the session, so the last 100 ms are billed too. Real power is not filtered, so the
            // first closed tick (1100) already counts, although its filtered current still reads 0 A.
            var run = Create("session-stop-command");
            long sumMwMs = 0;
            bool closedAtStart = false;
            bool activeAtStart = false;
            for (long t = 0; t <= 3602000; t += 100)
            {
                run.RunUntil(t, _ => { });
                var status = run.Pod.Controller.Status;
                if (closedAtStart && activeAtStart)
                {
                    sumMwMs += (long)(status.PowerW * 1000 + 0.5) * 100;
                }

                closedAtStart = status.RelayClosed;
                activeAtStart = status.SessionActive;
            }

            SessionRecord record = run.Pod.Controller.Session.Current;
            Assert.Equal(sumMwMs / 3_600_000, record.EnergyMilliWh);
            Assert.InRange(record.EnergyMilliWh, 3_640_000, 3_720_000); // about V x I x 1 h = 3.68 kWh
            Assert.Equal(StopReason.StopCommand, record.StopReason);
            Assert.Equal(1000, record.StartMs);
            Assert.Equal(3601000, record.StopMs);
        }

        [Fact]
        public void Stop_with_the_plug_in_is_Finishing_until_the_plug_is_pulled()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "5000 session cmd-1 stop_command", "5000 status Finishing", "5000 command_result cmd-2 ok", "5000 relay open", "8000 status Available" }),
                Lines("session-finishing-unplug", 10000));
        }

        [Fact]
        public void Unplugging_stops_the_session_unplugged_and_the_pod_is_Available()
        {
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "5000 session cmd-1 unplugged", "5000 status Available", "5000 relay open" }),
                Lines("session-stop-unplug", 10000));
        }

        [Fact]
        public void A_trip_stops_the_session_with_the_latched_fault_and_the_pod_is_Faulted()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "5000 alarm TemperatureSensorFault", "5000 session cmd-1 trip", "5000 status Faulted", "5000 relay open" }),
                Lines("session-stop-trip", 10000));
            SessionRecord record = Pod("session-stop-trip", 10000).Controller.Session.Current;
            Assert.Equal(StopReason.Trip, record.StopReason);
            Assert.Equal(FaultCode.TemperatureSensorFault, record.StopFault);
        }

        [Fact]
        public void The_energy_limit_stops_the_session_at_the_first_tick_with_at_least_10_Wh()
        {
            // About 102.2 mWh per tick metered from 1100 (real power is not filtered): 98 ticks (1100..10 800) give >= 10 000 mWh, 97 do not.
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "10800 session cmd-1 energy_limit", "10800 status Finishing", "10800 relay open" }),
                Lines("session-stop-energy-limit", 15000));
            SessionRecord record = Pod("session-stop-energy-limit", 15000).Controller.Session.Current;
            Assert.True(record.EnergyMilliWh >= 10000 && record.EnergyMilliWh < 10000 + 110, "energy " + record.EnergyMilliWh);
        }

        [Fact]
        public void The_duration_limit_stops_the_session_60_s_after_the_start()
        {
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "61000 session cmd-1 duration_limit", "61000 status Finishing", "61000 relay open" }),
                Lines("session-stop-duration-limit", 65000));
        }

        [Fact]
        public void The_amount_limit_stops_the_session_once_energy_times_tariff_reaches_it()
        {
            // 0.01 at 0.5 per kWh = 20 000 mWh: 196 ticks from 1100 (to 20 600) give >= 20 000 mWh, 195 do not.
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "20600 session cmd-1 amount_limit", "20600 status Finishing", "20600 relay open" }),
                Lines("session-stop-amount-limit", 25000));
            SessionRecord record = Pod("session-stop-amount-limit", 25000).Controller.Session.Current;
            Assert.Equal(5000, record.TariffPerKwhScaled);
            Assert.Equal(record.EnergyMilliWh * 5000 / 1_000_000, record.AmountScaled);
            Assert.True(record.AmountScaled >= 100, "amount " + record.AmountScaled);
        }

        [Fact]
        public void Undocking_stops_the_session_undocked_and_the_pod_is_Unavailable()
        {
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "5000 session cmd-1 undocked", "5000 status Unavailable", "5000 relay open" }),
                Lines("session-stop-undock", 10000));
        }

        [Fact]
        public void An_EV_drawing_nothing_for_evIdleDelayMs_is_SuspendedEV_and_Charging_again_when_it_draws()
        {
            // 0 A from 10 000 is seen at 10 100; 3000 ms later (>=) at 13 100 SuspendedEV; 16 A from 20 000 seen at 20 100.
            Assert.Equal(
                Concat(new[] { "0 status Preparing" }, StartAt1000, new[] { "13100 status SuspendedEV", "20100 status Charging" }),
                Lines("session-suspended-ev", 25000));
        }

        [Fact]
        public void A_current_limit_of_0_A_suspends_the_session_SuspendedEVSE_and_a_positive_limit_resumes_it()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[]
                    {
                        "5000 status SuspendedEVSE", "5000 command_result cmd-2 ok", "5000 relay open",
                        "10000 status Charging", "10000 command_result cmd-3 ok", "10000 relay closed",
                    }),
                Lines("session-suspended-evse", 12000));
        }

        [Fact]
        public void A_16_A_limit_makes_the_over_current_rule_judge_against_16_A_after_the_reduction_grace()
        {
            // The limit set at 5000 reaches the supervisor at 5100; the reduction applies reductionGraceMs (5000) later,
            // at 10 100; 20 A > 17.6 A from then, for more than toleranceMs (5000): the trip is at 15 200.
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "5000 command_result cmd-2 ok", "15200 alarm OverCurrent", "15200 session cmd-1 trip", "15200 status Faulted", "15200 relay open" }),
                Lines("session-current-limit-overcurrent", 20000));
        }

        [Fact]
        public void An_EV_that_keeps_drawing_32_A_under_a_16_A_limit_trips_the_ceiling_when_the_grace_ends()
        {
            // 32 A >= min(16 A x 1.5, 40 A) = 24 A: OverCurrentCeiling at once when the 16 A limit applies (10 100).
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "5000 command_result cmd-2 ok", "10100 alarm OverCurrentCeiling", "10100 session cmd-1 trip", "10100 status Faulted", "10100 relay open" }),
                Lines("session-current-limit-ceiling", 15000));
        }

        [Fact]
        public void A_current_limit_above_the_rated_current_is_refused_limit_out_of_range()
        {
            Assert.Equal(
                Concat(
                    new[] { "0 status Preparing" },
                    StartAt1000,
                    new[] { "2000 command_result cmd-2 limit_out_of_range", "3000 command_result cmd-3 ok", "4100 status SuspendedEV" }),
                Lines("session-current-limit-out-of-range", 5000));
        }
    }
}
