using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PodFirmware.Core.Scenarios;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;
using static PodFirmware.Host.Tests.Simulation.ScenarioHarness;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// The shipped lock scenarios (docs/locks.md): each unlock refusal, the authorised unlock and each relock
    /// trigger, with the exact events and times. The twin's locks travel 500 ms, so a lock commanded at t
    /// reports its end position at t + 500. The connector turns Unavailable in the tick of the unlock and
    /// Available in the tick of the relock (docked), before the locks have arrived.
    /// </summary>
    public class LockScenarioTests
    {
        private static readonly string[] UnlockAt1000 =
        {
            "0 status Available", "1000 moving started unlock", "1000 lock wheel unlocking", "1000 lock cable unlocking",
            "1000 command_result cmd-1 ok", "1000 status Unavailable", "1500 lock wheel unlocked", "1500 lock cable unlocked",
        };

        [Fact]
        public void Every_pod_starts_with_both_locks_locked()
        {
            // The pilot reports its first reading (state A, no PWM: 100 %, nothing offered) in the boot tick too.
            var events = Run("lock-unlock-no-permission", 0).Select(Line).ToArray();
            Assert.Equal(new[] { "0 lock wheel locked", "0 lock cable locked", "0 status Available", "0 pilot A 100 0" }, events);
        }

        [Fact]
        public void Unlock_by_an_account_without_move_permission_is_refused()
        {
            Assert.Equal(new[] { "0 status Available", "1000 command_result cmd-1 no_move_permission" }, Lines("lock-unlock-no-permission", 5000));
        }

        [Fact]
        public void Unlock_while_charging_is_refused_session_active()
        {
            Assert.Equal(
                new[]
                {
                    "0 status Preparing", "1000 session_started cmd-1 driver-1", "1000 status Charging", "1000 command_result cmd-1 ok",
                    "1000 relay closed", "2000 command_result cmd-2 session_active",
                },
                Lines("lock-unlock-session-active", 3000));
        }

        [Fact]
        public void Unlock_with_a_fault_latched_is_refused_fault_latched()
        {
            Assert.Equal(
                new[] { "0 status Available", "1000 alarm TemperatureSensorFault", "1000 status Faulted", "2000 command_result cmd-1 fault_latched" },
                Lines("lock-unlock-fault-latched", 5000));
        }

        [Fact]
        public void Authorised_unlock_releases_both_locks_and_the_pod_is_moving()
        {
            Assert.Equal(UnlockAt1000, Lines("lock-unlock-authorised", 5000));
        }

        [Fact]
        public void Docking_again_after_leaving_the_post_relocks()
        {
            // Still docked right after the unlock is no reason to relock: it takes the out (3000) then in (10 000) edge.
            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "10000 moving stopped docked", "10000 move tech-ana docked", "10000 lock wheel locking", "10000 lock cable locking", "10000 status Available",
                    "10500 lock wheel locked", "10500 lock cable locked",
                }),
                Lines("lock-relock-dock", 12000));
        }

        [Fact]
        public void A_lock_command_relocks()
        {
            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "5000 moving stopped lock_command", "5000 move tech-ana lock_command", "5000 lock wheel locking", "5000 lock cable locking", "5000 command_result cmd-2 ok",
                    "5000 status Available", "5500 lock wheel locked", "5500 lock cable locked",
                }),
                Lines("lock-relock-command", 7000));
        }

        [Fact]
        public void The_move_timeout_relocks_600_s_after_the_unlock()
        {
            // locks.moveTimeoutMs 600 000 from the unlock at 1000: the deadline is 601 000 (now >= deadline).
            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "601000 moving stopped timeout", "601000 move tech-ana timeout", "601000 lock wheel locking", "601000 lock cable locking", "601000 status Available",
                    "601500 lock wheel locked", "601500 lock cable locked",
                }),
                Lines("lock-relock-timeout", 610000));
        }

        [Fact]
        public void The_move_record_of_the_geofence_relock_gives_the_account_the_distance_from_the_unlock_fix_and_UTC()
        {
            List<JsonElement> events = Run("lock-relock-geofence", 8000, "scenarios/configs/pod-geofence.json");
            JsonElement move = events.Single(e => e.GetProperty("event").GetString() == "move");
            Assert.Equal("tech-ana", move.GetProperty("account").GetString());
            Assert.Equal("geofence", move.GetProperty("reason").GetString());
            Assert.Equal(222.4, move.GetProperty("distanceM").GetDouble());
            Assert.Equal(4, move.GetProperty("durationS").GetInt64());

            // 2026-01-01T00:00:05Z: the sim's UTC at 5000 ms, in s.
            Assert.Equal(1767225605, move.GetProperty("t").GetInt64());
            Assert.Equal(5000, move.GetProperty("uptimeMs").GetInt64());
        }

        [Fact]
        public void Leaving_the_geofence_relocks_and_raises_GeofenceExit()
        {
            // The fix 222 m north of the centre (100 m radius + 5 m margin) is read in the tick at 5000.
            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "5000 moving stopped geofence", "5000 move tech-ana geofence", "5000 lock wheel locking", "5000 lock cable locking", "5000 alarm GeofenceExit",
                    "5000 status Faulted", "5500 lock wheel locked", "5500 lock cable locked",
                }),
                Lines("lock-relock-geofence", 8000, "scenarios/configs/pod-geofence.json"));
        }

        [Fact]
        public void A_wheel_lock_that_does_not_reach_locked_is_a_WheelLockFault()
        {
            // Commanded locked at 5000; locks.travelTimeoutMs 2000 is still in time, more than that is a fault:
            // the first tick after 7000 is 7100. The cable lock arrives normally at 5500.
            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "5000 moving stopped lock_command", "5000 move tech-ana lock_command", "5000 lock wheel locking", "5000 lock cable locking", "5000 command_result cmd-2 ok",
                    "5000 status Available", "5500 lock cable locked",
                    "7100 lock wheel fault", "7100 alarm WheelLockFault", "7100 status Faulted",
                }),
                Lines("lock-relock-fault", 9000));
        }

        [Fact]
        public void Network_loss_while_moving_warns_once_and_the_pod_keeps_moving_until_it_relocks()
        {
            // The scenario language has no network verb: drive the controller's NetworkUp between runs.
            var run = ScenarioRun.Create(
                ConfigFile.Load(Path.Combine(RepoPaths.Root, DemoConfig)),
                ScenarioParser.Parse("1000 cmd {\"type\":\"unlock\",\"account\":\"tech-ana\"}\n5000 cmd {\"type\":\"lock\"}\n"));
            var lines = new List<string>();
            void Collect(string json) => lines.Add(Line(JsonDocument.Parse(json).RootElement));
            run.RunUntil(2000, Collect);
            run.Pod.Controller.NetworkUp = false;
            run.RunUntil(3000, Collect);
            Assert.True(run.Pod.Controller.Status.Moving);
            Assert.True(run.Pod.Controller.Status.NetworkLostWhileMoving);
            run.RunUntil(6000, Collect);
            Assert.False(run.Pod.Controller.Status.Moving);
            Assert.False(run.Pod.Controller.Status.NetworkLostWhileMoving);

            Assert.Equal(
                UnlockAt1000.Concat(new[]
                {
                    "2100 warning NetworkLostWhileMoving active",
                    "5000 moving stopped lock_command", "5000 move tech-ana lock_command", "5000 lock wheel locking", "5000 lock cable locking", "5000 command_result cmd-2 ok",
                    "5000 status Available", "5500 lock wheel locked", "5500 lock cable locked",
                }),
                lines.Where(l => l != "0 lock wheel locked" && l != "0 lock cable locked" && !l.Contains(" pilot")));
        }
    }
}
