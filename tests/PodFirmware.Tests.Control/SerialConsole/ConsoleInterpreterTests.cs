using nanoFramework.TestFramework;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>Every console command, each refusal with its reason, and the usage lines, over a pod in virtual time.</summary>
    [TestClass]
    public class ConsoleInterpreterTests
    {
        [TestMethod]
        public static void Help_lists_every_command()
        {
            string text = new ConsoleRig().Run("help");
            string[] commands = { "status", "sensors", "faults", "config show", "config get KEY", "config set KEY VALUE", "reset-fault", "log [N]", "bench relay on|off", "bench lock wheel|cable lock|unlock", "bench ev duty PERCENT", "bench ev read|release" };
            for (int i = 0; i < commands.Length; i++)
            {
                Assert.Contains(commands[i], text);
            }
        }

        [TestMethod]
        public static void Status_reads_the_pod_in_words()
        {
            string text = new ConsoleRig().Run("status");
            Assert.Contains("pod pod-9  site site-a  space 9", text);
            Assert.Contains("relay open  fault none", text);
            Assert.Contains("temperature 25.", text);
            Assert.Contains("docked yes  plugged no", text);
            Assert.Contains("session none", text);
            Assert.DoesNotContains("CONFIG ERROR", text);
        }

        [TestMethod]
        public static void Status_shows_the_lifetime_counters_and_today()
        {
            var rig = new ConsoleRig();
            Assert.Contains("counters 0.000 kWh 0 sessions 0 s  today unknown (no UTC)", rig.Run("status"));
            rig.Pod.Status.CountedEnergyMilliWh = 123456789;
            rig.Pod.Status.CountedSessions = 40;
            rig.Pod.Status.CountedChargingMs = 7200999;
            rig.Pod.Status.TodayKnown = true;
            rig.Pod.Status.TodayEnergyMilliWh = 2000000;
            rig.Pod.Status.TodaySessions = 2;
            rig.Pod.Status.TodayChargingMs = 600000;
            Assert.Contains("counters 123.457 kWh 40 sessions 7200 s  today 2.000 kWh 2 sessions 600 s", rig.Run("status"));
        }

        [TestMethod]
        public static void Status_names_a_config_error()
        {
            string text = new ConsoleRig(false, "podId: given twice").Run("status");
            Assert.Contains("CONFIG ERROR: podId: given twice (built-in defaults, charging disabled)", text);
        }

        [TestMethod]
        public static void Sensors_give_value_raw_counts_and_status_of_every_channel()
        {
            var rig = new ConsoleRig();
            string voltage = rig.Pod.VoltageMinCounts.ToString() + ".." + rig.Pod.VoltageMaxCounts.ToString();
            string current = rig.Pod.CurrentMinCounts.ToString() + ".." + rig.Pod.CurrentMaxCounts.ToString();
            string text = rig.Run("sensors");
            Assert.Contains("temperature  25.", text);
            Assert.Contains(" raw ", text);
            Assert.Contains(" counts  ok\n", text);
            Assert.Contains("current      0.", text);
            Assert.Contains(" A RMS  raw " + current + " counts  ok\n", text);
            Assert.Contains("voltage      229.8 V RMS  raw " + voltage + " counts  ok", text);
            Assert.Contains("cp, pp       no control pilot", text);
            // 230 V RMS swings the voltage channel far around its bias; no current leaves the current channel near it.
            Assert.IsTrue(rig.Pod.VoltageMaxCounts - rig.Pod.VoltageMinCounts > 1000);
            Assert.IsTrue(rig.Pod.CurrentMaxCounts - rig.Pod.CurrentMinCounts < 100);
        }

        [TestMethod]
        public static void Sensors_give_the_cp_levels_and_state_and_the_pp_once_a_plug_is_in()
        {
            var rig = new ConsoleRig(false, null, true);
            string text = rig.Run("sensors");
            Assert.Contains("cp           high 9.0 V (", text);
            Assert.Contains("state B  duty 100.0 %", text);
            Assert.Contains("pp           not read (no plug", text);
            Assert.AreEqual(rig.Pod.PilotHighCounts, rig.Pod.PilotLowCounts);
            Assert.Contains("(" + rig.Pod.PilotHighCounts.ToString() + ")", text);
            rig.Plug.Value = true;
            rig.Ticks(2);
            text = rig.Run("sensors");
            Assert.Contains("pp           738 counts  220 ohm  cable 32 A", text);
            rig.Ev.Connected = false;
            rig.Ticks(2);
            Assert.Contains("state A", rig.Run("sensors"));
        }

        [TestMethod]
        public static void Faults_give_the_latched_fault_with_description_and_remedy()
        {
            var rig = new ConsoleRig();
            Assert.Contains("no fault latched or active", rig.Run("faults"));
            rig.Trip();
            string text = rig.Run("faults");
            Assert.Contains("latched Connector", text);
            Assert.Contains("  remedy: ", text);
            Assert.Contains("recent log:", text);
        }

        [TestMethod]
        public static void Faults_name_the_failed_self_test_check()
        {
            var rig = new ConsoleRig();
            rig.Pod.Status.SelfTestFailure = PodFirmware.Core.SelfTest.SelfTestCheck.RelayFeedback;
            Assert.Contains("self-test failed: " + PodFirmware.Core.SelfTest.SelfTestCheckNames.Of(PodFirmware.Core.SelfTest.SelfTestCheck.RelayFeedback), Faults(rig));
        }

        private static string Faults(ConsoleRig rig)
        {
            rig.Port.Type("faults\n");
            rig.Loop.Turn();
            return rig.Port.Take();
        }

        [TestMethod]
        public static void A_local_reset_is_refused_with_the_reason_while_hot_and_done_once_cool()
        {
            var rig = new ConsoleRig();
            Assert.Contains("reset-fault: refused, nothing_latched: No fault is latched.", rig.Run("reset-fault"));
            rig.Trip();
            Assert.Contains("reset-fault: refused, temperature_too_high", rig.Run("reset-fault"));
            rig.Temperature.TemperatureC = 25.0;
            rig.Ticks(50);
            Assert.Contains("reset-fault: done", rig.Run("reset-fault"));
            Assert.IsFalse(rig.Pod.Supervisor.IsLatched);
            Assert.Contains("console: reset-fault requested locally", rig.Run("log"));
            Assert.Contains("console: reset-fault: done", rig.Run("log 2"));
        }

        [TestMethod]
        public static void A_second_action_before_the_tick_took_the_first_is_busy()
        {
            var rig = new ConsoleRig();
            rig.Port.Type("reset-fault\nreset-fault\n");
            rig.Loop.Turn();
            Assert.Contains("busy: reset-fault not answered yet", rig.Port.Take());
            rig.Ticks(1);
            rig.Loop.Turn();
            Assert.Contains("reset-fault: refused, nothing_latched", rig.Port.Take());
        }

        [TestMethod]
        [DataRow("frobnicate", "unknown command 'frobnicate'; type help")]
        [DataRow("status now", "usage: status (no arguments)")]
        [DataRow("reset-fault all", "usage: reset-fault (no arguments)")]
        [DataRow("config", "usage: config show | config get KEY | config set KEY VALUE")]
        [DataRow("config get", "usage: config show")]
        [DataRow("config set tickPeriodMs", "usage: config show")]
        [DataRow("log 0", "usage: log [N]")]
        [DataRow("log 9", "usage: log [N]")]
        [DataRow("log x", "usage: log [N]")]
        [DataRow("bench", "usage: bench relay on|off")]
        [DataRow("bench relay maybe", "usage: bench relay on|off")]
        [DataRow("bench lock door lock", "usage: bench relay on|off")]
        public static void A_bad_line_gets_its_usage(string line, string expected)
        {
            Assert.Contains(expected, new ConsoleRig().Run(line));
        }

        [TestMethod]
        public static void An_oversized_line_is_ignored_with_a_message_and_the_next_line_runs()
        {
            var rig = new ConsoleRig();
            string text = rig.Run(new string('x', 500) + " status");
            Assert.Contains("line longer than 120 characters ignored; type help", text);
            Assert.DoesNotContains("unknown command", text);
            Assert.Contains("session none", rig.Run("status"));
        }

        [TestMethod]
        public static void Config_show_and_get_read_the_file()
        {
            var rig = new ConsoleRig();
            Assert.Contains("\"siteId\": \"site-a\"", rig.Run("config show"));
            Assert.Contains("parkingSpace = 9", rig.Run("config get parkingSpace"));
            Assert.Contains("commands.keyHex = \"0011", rig.Run("config get commands.keyHex"));
            Assert.Contains("tickPeriodMs is not in the file (its default applies)", rig.Run("config get tickPeriodMs"));
            rig.Store.Text = null;
            Assert.Contains("no config file: built-in defaults", rig.Run("config show"));
        }

        [TestMethod]
        public static void An_invalid_config_set_is_refused_with_every_problem_and_nothing_is_saved()
        {
            var rig = new ConsoleRig();
            string text = rig.Run("config set tickPeriodMs 5");
            Assert.Contains("refused, nothing saved:", text);
            Assert.Contains("  tickPeriodMs: must be between 20 ms and 1000 ms, is 5 ms", text);
            Assert.AreEqual(0, rig.Store.Writes);
            Assert.AreEqual(ConsoleRig.ValidFile, rig.Store.Text);
            Assert.Contains("refused: benchMode cannot be set from the console", rig.Run("config set benchMode true"));
            Assert.AreEqual(0, rig.Store.Writes);
        }

        [TestMethod]
        public static void A_valid_config_set_is_saved_and_the_rest_of_the_file_kept()
        {
            var rig = new ConsoleRig();
            Assert.Contains("saved tickPeriodMs = 90; reboot to apply", rig.Run("config set tickPeriodMs 90"));
            Assert.AreEqual(1, rig.Store.Writes);
            Assert.Contains("tickPeriodMs = 90", rig.Run("config get tickPeriodMs"));
            Assert.Contains("saved parkingSpace = 12", rig.Run("config set parkingSpace 12"));
            Assert.Contains("\"parkingSpace\": 12,", rig.Store.Text);
            Assert.Contains("saved podId = pod-10", rig.Run("config set podId pod-10"));
            Assert.Contains("\"podId\": \"pod-10\"", rig.Store.Text);
            Assert.Contains("\"siteId\": \"site-a\"", rig.Store.Text);
        }

        [TestMethod]
        public static void A_missing_file_is_built_key_by_key_and_saved_once_valid()
        {
            var rig = new ConsoleRig();
            rig.Store.Text = null;
            string text = rig.Run("config set podId pod-5");
            Assert.Contains("not saved yet, the config still has problems (config draft keeps the edits):", text);
            Assert.Contains("  siteId: must be 1 to 32 characters", text);
            rig.Run("config set siteId site-b");
            rig.Run("config set parkingSpace 5");
            Assert.Contains("\"siteId\": \"site-b\"", rig.Run("config draft"));
            Assert.AreEqual(0, rig.Store.Writes);
            Assert.Contains("saved commands.keyHex", rig.Run("config set commands.keyHex 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
            Assert.AreEqual(1, rig.Store.Writes);
            Assert.Contains("\"podId\": \"pod-5\"", rig.Store.Text);
            Assert.Contains("no unsaved edits", rig.Run("config draft"));
        }

        [TestMethod]
        public static void A_draft_can_be_discarded()
        {
            var rig = new ConsoleRig();
            rig.Store.Text = "{}";
            rig.Run("config set podId pod-5");
            Assert.Contains("unsaved edits dropped", rig.Run("config discard"));
            Assert.Contains("no unsaved edits", rig.Run("config draft"));
        }

        [TestMethod]
        public static void A_config_set_that_cannot_be_written_says_so()
        {
            var rig = new ConsoleRig();
            rig.Store.Fails = true;
            Assert.Contains("could not write the config file; nothing changed", rig.Run("config set tickPeriodMs 90"));
        }

        [TestMethod]
        public static void Bench_commands_outside_bench_mode_are_refused_and_change_nothing()
        {
            var rig = new ConsoleRig();
            Assert.Contains("refused: not in bench mode", rig.Run("bench relay on"));
            Assert.Contains("refused: not in bench mode", rig.Run("bench lock wheel unlock"));
            Assert.Contains("refused: not in bench mode", new ConsoleRig(true, "podId: given twice").Run("bench relay on"));
            Assert.IsFalse(rig.Relay.IsEnergised);
            Assert.Contains("refused: this pod has no control pilot", new ConsoleRig(true, null).Run("bench ev read"));
            var pilot = new ConsoleRig(false, null, true);
            Assert.Contains("refused: not in bench mode", pilot.Run("bench ev duty 16"));
            Assert.Contains("refused: not in bench mode", pilot.Run("bench ev read"));
            Assert.Contains("refused: not in bench mode", new ConsoleRig(true, "podId: given twice", true).Run("bench ev duty off"));
            pilot.Ticks(2);
            Assert.AreEqual(1000, pilot.Pilot.DutyPermille);
            Assert.AreEqual(-1, pilot.Pod.BenchDutyPermille);
        }

        [TestMethod]
        [DataRow("bench ev")]
        [DataRow("bench ev duty")]
        [DataRow("bench ev duty 9.9")]
        [DataRow("bench ev duty 96.1")]
        [DataRow("bench ev duty 5")]
        [DataRow("bench ev duty 100")]
        [DataRow("bench ev duty 16.25")]
        [DataRow("bench ev duty 16.")]
        [DataRow("bench ev duty .5")]
        [DataRow("bench ev duty -16")]
        [DataRow("bench ev duty on")]
        [DataRow("bench ev read now")]
        [DataRow("bench ev connect")]
        public static void Bench_ev_with_bad_arguments_gets_the_usage_line_and_changes_nothing(string line)
        {
            var rig = new ConsoleRig(true, null, true);
            Assert.Contains("usage: bench relay on|off", rig.Run(line));
            rig.Ticks(1);
            Assert.AreEqual(-1, rig.Pod.BenchDutyPermille);
            Assert.AreEqual(1000, rig.Pilot.DutyPermille);
        }

        [TestMethod]
        public static void In_bench_mode_the_pilot_follows_a_duty_and_the_read_shows_the_ev_answer()
        {
            var rig = new ConsoleRig(true, null, true);
            Assert.Contains("bench ev duty 16: done", rig.Run("bench ev duty 16"));
            rig.Ticks(1);
            Assert.AreEqual(160, rig.Pilot.DutyPermille);
            Assert.AreEqual(160, rig.Pod.BenchDutyPermille);
            Assert.IsTrue(rig.Ev.S2Closed);
            Assert.IsFalse(rig.Relay.IsEnergised);
            string read = rig.Run("bench ev read");
            Assert.Contains("bench ev read: done", read);
            Assert.Contains("state C  duty 16.0 %", read);
            Assert.Contains("low -1", read);
            Assert.Contains("220 ohm  cable 32 A", read);
            Assert.Contains("(bench pilot)", rig.Run("status"));

            Assert.Contains("bench ev duty 53.3: done", rig.Run("bench ev duty 53.3"));
            rig.Ticks(1);
            Assert.AreEqual(533, rig.Pilot.DutyPermille);

            Assert.Contains("bench ev duty off: done", rig.Run("bench ev duty off"));
            rig.Ticks(1);
            Assert.AreEqual(1000, rig.Pilot.DutyPermille);
            Assert.Contains("state B  duty 100.0 %", rig.Run("bench ev read"));

            Assert.Contains("bench ev duty f: done", rig.Run("bench ev duty f"));
            rig.Ticks(1);
            Assert.AreEqual(0, rig.Pilot.DutyPermille);
            Assert.Contains("state F", rig.Run("bench ev read"));

            rig.Ev.Connected = false;
            rig.Run("bench ev duty off");
            rig.Ticks(1);
            string open = rig.Run("bench ev read");
            Assert.Contains("state A", open);
            Assert.Contains("open  cable 0 A", open);
            Assert.IsFalse(rig.Relay.IsEnergised);
        }

        [TestMethod]
        public static void Bench_ev_release_gives_the_pilot_back_to_the_pod()
        {
            var rig = new ConsoleRig(true, null, true);
            rig.Run("bench ev duty 16");
            rig.Ticks(1);
            Assert.AreEqual(160, rig.Pilot.DutyPermille);
            Assert.Contains("bench ev release: done", rig.Run("bench ev release"));
            rig.Ticks(1);
            Assert.AreEqual(-1, rig.Pod.BenchDutyPermille);
            Assert.AreEqual(1000, rig.Pilot.DutyPermille);
            Assert.DoesNotContains("(bench pilot)", rig.Run("status"));
        }

        [TestMethod]
        public static void A_plug_takes_the_pilot_back_from_the_bench_and_refuses_bench_ev()
        {
            var rig = new ConsoleRig(true, null, true);
            rig.Run("bench ev duty 16");
            rig.Ticks(1);
            rig.Plug.Value = true;
            rig.Ticks(1);
            Assert.AreEqual(-1, rig.Pod.BenchDutyPermille);
            Assert.AreEqual(1000, rig.Pilot.DutyPermille);
            Assert.Contains("refused: a plug is sensed in the connector", rig.Run("bench ev duty 16"));
            Assert.Contains("refused: a plug is sensed in the connector", rig.Run("bench ev read"));
            Assert.Contains("bench ev release: done", rig.Run("bench ev release"));
        }

        [TestMethod]
        public static void A_session_refuses_bench_ev_and_the_pilot_stays_with_the_pod()
        {
            var rig = new ConsoleRig(true, null, true);
            rig.StartSession();
            Assert.IsTrue(rig.Pod.Session.IsActive);
            Assert.Contains("refused: a charging session is running", rig.Run("bench ev duty 50"));
            Assert.Contains("refused: a charging session is running", rig.Run("bench relay on"));
            rig.Ticks(1);
            Assert.AreNotEqual(500, rig.Pilot.DutyPermille);
            Assert.AreEqual(-1, rig.Pod.BenchDutyPermille);
        }

        [TestMethod]
        public static void A_latched_fault_takes_the_pilot_back_from_the_bench_and_refuses_bench_ev()
        {
            var rig = new ConsoleRig(true, null, true);
            rig.Run("bench ev duty 16");
            rig.Ticks(1);
            rig.Trip();
            rig.Ticks(1);
            Assert.AreEqual(-1, rig.Pod.BenchDutyPermille);
            Assert.AreEqual(0, rig.Pilot.DutyPermille);
            Assert.Contains("refused: a fault is latched; reset it first", rig.Run("bench ev duty 16"));
            Assert.Contains("refused: a fault is latched; reset it first", rig.Run("bench ev read"));
        }

        [TestMethod]
        public static void In_bench_mode_the_relay_closes_by_hand_and_opens_when_a_plug_is_sensed()
        {
            var rig = new ConsoleRig(true, null);
            Assert.Contains("bench relay on: done", rig.Run("bench relay on"));
            rig.Ticks(1);
            Assert.IsTrue(rig.Relay.IsEnergised);
            Assert.Contains("(bench relay)", rig.Run("status"));
            rig.Plug.Value = true;
            rig.Ticks(2);
            Assert.IsFalse(rig.Relay.IsEnergised);
            Assert.Contains("refused: a plug is sensed in the connector", rig.Run("bench relay on"));
            rig.Plug.Value = false;
            Assert.Contains("bench relay off: done", rig.Run("bench relay off"));
        }

        [TestMethod]
        public static void In_bench_mode_an_RCD_fault_output_refuses_the_bench_relay_and_latches_if_it_was_closed()
        {
            var rig = new ConsoleRig(true, null);
            rig.Rcd.Fault = RcdFault.Fault;
            rig.Ticks(1);
            Assert.Contains("bench relay on: refused, the residual-current monitor reports a fault", rig.Run("bench relay on"));
            rig.Ticks(2);
            Assert.IsFalse(rig.Relay.IsEnergised);
            rig.Rcd.Fault = RcdFault.Ok;
            rig.Ticks(1);
            Assert.Contains("bench relay on: done", rig.Run("bench relay on"));
            rig.Ticks(1);
            Assert.IsTrue(rig.Relay.IsEnergised);
            rig.Rcd.Fault = RcdFault.Fault;
            rig.Ticks(2);
            Assert.IsFalse(rig.Relay.IsEnergised);
            Assert.Contains("GroundFailure", rig.Run("faults"));
        }

        [TestMethod]
        public static void In_bench_mode_a_latched_fault_refuses_and_opens_the_bench_relay()
        {
            var rig = new ConsoleRig(true, null);
            rig.Run("bench relay on");
            rig.Ticks(1);
            Assert.IsTrue(rig.Relay.IsEnergised);
            rig.Trip();
            Assert.IsFalse(rig.Relay.IsEnergised);
            Assert.Contains("refused: a fault is latched; reset it first", rig.Run("bench lock cable unlock"));
        }

        [TestMethod]
        public static void In_bench_mode_a_lock_moves_by_hand()
        {
            var rig = new ConsoleRig(true, null);
            Assert.IsTrue(rig.Pod.Locks.Wheel.CommandedLocked);
            Assert.Contains("bench lock wheel unlock: done", rig.Run("bench lock wheel unlock"));
            Assert.IsFalse(rig.Pod.Locks.Wheel.CommandedLocked);
            Assert.Contains("bench lock wheel lock: done", rig.Run("bench lock wheel lock"));
            Assert.IsTrue(rig.Pod.Locks.Wheel.CommandedLocked);
        }

        [TestMethod]
        public static void The_loop_ends_with_the_input_and_survives_a_failing_port()
        {
            var rig = new ConsoleRig();
            rig.Port.Ended = true;
            Assert.AreEqual(-1, rig.Loop.Turn());
            rig.Loop.Run();
            Assert.AreEqual(0, rig.Loop.Failures);
        }
    }
}
