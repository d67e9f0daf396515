using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Console;
using PodFirmware.Core.Faults;
using PodFirmware.SerialConsole;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>
    /// The console's less travelled answers, whole lines where a technician reads them: the help list, a fault present
    /// beside the latched one, the log tail in <c>faults</c>, a second console competing for the tick, a broken store,
    /// duty and count edges, and lines of many words.
    /// </summary>
    [TestClass]
    public class ConsoleAnswerTests
    {
        // Split(char[]) is the overload nanoFramework has; Split('\n') binds to one with StringSplitOptions it lacks.
        private static readonly char[] LineEnd = { '\n' };

        [TestMethod]
        public static void Help_is_fourteen_whole_lines_from_help_to_bench_ev()
        {
            string[] lines = new ConsoleRig().Run("help").Split(LineEnd);

            Assert.AreEqual(15, lines.Length, "14 lines and the empty rest after the last line end");
            Assert.AreEqual("help                      this list", lines[0]);
            Assert.AreEqual("config set KEY VALUE      validated as at boot, saved only when valid; reboot to apply", lines[6]);
            Assert.AreEqual("bench ev read|release     CP levels, state, PP; release: back to the pod", lines[13]);
            Assert.AreEqual("", lines[14]);
        }

        [TestMethod]
        public static void Faults_show_a_fault_present_now_beside_a_different_latched_one()
        {
            var rig = new ConsoleRig();
            rig.Temperature.TemperatureC = 170.0;
            rig.Ticks(2);
            rig.Temperature.TemperatureC = 100.0;
            rig.Ticks(70);

            string text = rig.Run("faults");

            FaultInfo latched = FaultCatalogue.Get(FaultCode.ConnectorTemperatureCeiling);
            FaultInfo active = FaultCatalogue.Get(FaultCode.ConnectorOverTemperature);
            Assert.Contains("latched ConnectorTemperatureCeiling: " + latched.Description + "\n  remedy: " + latched.Remedy + "\n", text);
            Assert.Contains("active ConnectorOverTemperature: " + active.Description + "\n  remedy: " + active.Remedy + "\n", text);
            Assert.DoesNotContains("no fault latched or active", text);
        }

        [TestMethod]
        public static void Faults_name_a_latched_fault_still_present_once_and_after_it_cleared_as_latched_only()
        {
            var rig = new ConsoleRig();
            rig.Trip();

            string hot = rig.Run("faults");
            rig.Temperature.TemperatureC = 25.0;
            rig.Ticks(10);
            string cool = rig.Run("faults");

            Assert.Contains("latched ConnectorOverTemperature: ", hot);
            Assert.DoesNotContains("active ", hot);
            Assert.Contains("latched ConnectorOverTemperature: ", cool);
            Assert.DoesNotContains("no fault latched or active", cool);
        }

        [TestMethod]
        public static void Status_names_the_latched_fault()
        {
            var rig = new ConsoleRig();
            rig.Trip();

            Assert.Contains("relay open  fault ConnectorOverTemperature\n", rig.Run("status"));
        }

        [TestMethod]
        public static void Faults_end_with_the_last_five_log_lines()
        {
            var rig = new ConsoleRig();
            int first = rig.Log.Total;
            for (int i = 0; i < 7; i++)
            {
                rig.Log.Add("line " + i.ToString());
            }

            string text = rig.Run("faults");

            string tail = text.Substring(text.IndexOf("recent log:\n"));
            Assert.AreEqual(
                "recent log:\n  " + (first + 2).ToString() + " line 2\n  " + (first + 3).ToString() + " line 3\n  " + (first + 4).ToString() + " line 4\n  " +
                (first + 5).ToString() + " line 5\n  " + (first + 6).ToString() + " line 6\n",
                tail);
        }

        [TestMethod]
        public static void A_second_console_asking_before_the_tick_took_the_first_ones_action_is_told_the_tick_is_busy()
        {
            var rig = new ConsoleRig();
            var second = new ConsoleRig.FakePort();
            var other = new ConsoleInterpreter(rig.Pod, rig.Config, rig.Log, second, rig.Store, new ConsoleRig.MiniParser());
            other.NewLine = "\n";

            rig.Console.Execute("reset-fault");
            other.Execute("reset-fault");

            Assert.AreEqual("busy: the tick has not taken the previous action yet\n", second.Take());
            Assert.IsFalse(other.Pending, "the refused console waits for nothing");
            rig.Ticks(1);
            rig.Console.Poll();
            other.Poll();
            Assert.AreEqual("reset-fault: refused, nothing_latched: No fault is latched.\n", rig.Port.Take());
            Assert.AreEqual("", second.Take());
        }

        [TestMethod]
        public static void A_store_that_throws_gets_an_error_line_with_its_message_and_the_console_goes_on()
        {
            var rig = new ConsoleRig();
            var console = new ConsoleInterpreter(rig.Pod, rig.Config, rig.Log, rig.Port, new ThrowingStore(), new ConsoleRig.MiniParser());
            console.NewLine = "\n";

            console.Execute("config show");
            Assert.AreEqual("error: flash unreadable\n", rig.Port.Take());

            console.Execute("status");
            Assert.Contains("pod pod-9  site site-a  space 9", rig.Port.Take());
        }

        [TestMethod]
        [DataRow("10", "bench ev duty 10: done")]
        [DataRow("10.0", "bench ev duty 10.0: done")]
        [DataRow("55.5", "bench ev duty 55.5: done")]
        [DataRow("96", "bench ev duty 96: done")]
        [DataRow("09.9", "usage: bench")]
        [DataRow("9.9", "usage: bench")]
        [DataRow("96.1", "usage: bench")]
        [DataRow("100", "usage: bench")]
        [DataRow("5.55", "usage: bench")]
        [DataRow("55.", "usage: bench")]
        [DataRow(".5", "usage: bench")]
        [DataRow("55.x", "usage: bench")]
        [DataRow("1e1", "usage: bench")]
        public static void A_duty_is_10_to_96_percent_with_at_most_one_decimal(string percent, string expected)
        {
            var rig = new ConsoleRig(true, null, true);

            string text = rig.Run("bench ev duty " + percent);

            Assert.Contains(expected, text);
        }

        [TestMethod]
        public static void A_duty_sets_the_pilot_to_that_many_per_mille()
        {
            var rig = new ConsoleRig(true, null, true);

            rig.Run("bench ev duty 55.5");

            Assert.AreEqual(555, rig.Pod.BenchDutyPermille);
        }

        [TestMethod]
        [DataRow("1", 1)]
        [DataRow("08", 8)]
        [DataRow("0008", 8)]
        public static void A_log_count_may_have_leading_zeros_up_to_four_digits(string count, int lines)
        {
            var rig = new ConsoleRig();
            for (int i = 0; i < 10; i++)
            {
                rig.Log.Add("line " + i.ToString());
            }

            string text = rig.Run("log " + count);

            Assert.AreEqual(lines + 1, text.Split(LineEnd).Length, text);
            Assert.Contains(" line 9\n", text);
        }

        [TestMethod]
        public static void A_log_count_of_five_digits_gets_the_usage()
        {
            Assert.Contains("usage: log [N]", new ConsoleRig().Run("log 00001"));
        }

        [TestMethod]
        public static void Words_past_the_eighth_stay_in_the_eighth_and_still_count_as_arguments()
        {
            var rig = new ConsoleRig();

            Assert.AreEqual("usage: status (no arguments)\n", rig.Run("status a b c d e f g h i j"));
            Assert.AreEqual("usage: log [N]   (N = 1 to the ring size)\n", rig.Run("log 1 2 3 4 5 6 7 8 9"));
            Assert.Contains("this list", rig.Run("help me with all of these many words now"));
        }

        [TestMethod]
        public static void Leading_and_repeated_spaces_separate_words_like_one()
        {
            var rig = new ConsoleRig();

            Assert.Contains("pod pod-9  site site-a", rig.Run("   status"));
            Assert.Contains("mqtt.port is not in the file", RunRaw(rig, "config   get    mqtt.port"));
        }

        [TestMethod]
        public static void An_empty_line_is_not_answered()
        {
            var rig = new ConsoleRig();

            rig.Console.Execute("");
            rig.Console.Execute(null);

            Assert.AreEqual("", rig.Port.Take());
        }

        [TestMethod]
        public static void A_config_set_value_is_the_rest_of_the_line_however_many_words()
        {
            var rig = new ConsoleRig();
            rig.Store.Text = null;

            // without a file every edit waits in the draft, which shows the value as it was taken
            Assert.Contains("not saved yet", RunRaw(rig, "config set siteId \"site a b c d e f g h\"  "));

            Assert.Contains("\"site a b c d e f g h\"", RunRaw(rig, "config draft"));
        }

        [TestMethod]
        public static void A_config_set_value_is_trimmed()
        {
            var rig = new ConsoleRig();

            Assert.AreEqual("saved parkingSpace = 12; reboot to apply\n", RunRaw(rig, "config set parkingSpace    12   "));
        }

        [TestMethod]
        public static void Answers_end_with_cr_lf_unless_told_otherwise()
        {
            var rig = new ConsoleRig();
            var port = new ConsoleRig.FakePort();
            var console = new ConsoleInterpreter(rig.Pod, rig.Config, rig.Log, port, rig.Store, new ConsoleRig.MiniParser());

            console.Execute("frob");

            Assert.AreEqual("unknown command 'frob'; type help\r\n", port.Take());
        }

        [TestMethod]
        public static void A_log_count_is_read_as_decimal_digits_up_to_the_ring_size()
        {
            var rig = new ConsoleRig();
            var log = new LogRing(16);
            var console = new ConsoleInterpreter(rig.Pod, rig.Config, log, rig.Port, rig.Store, new ConsoleRig.MiniParser());
            console.NewLine = "\n";
            for (int i = 0; i < 16; i++)
            {
                log.Add("line " + i.ToString());
            }

            console.Execute("log 9");
            Assert.AreEqual(10, rig.Port.Take().Split(LineEnd).Length, "9 lines");
            console.Execute("log 12");
            Assert.AreEqual(13, rig.Port.Take().Split(LineEnd).Length, "12 lines");
            console.Execute("log 1)");
            Assert.AreEqual("usage: log [N]   (N = 1 to the ring size)\n", rig.Port.Take());
            console.Execute("log 17");
            Assert.AreEqual("usage: log [N]   (N = 1 to the ring size)\n", rig.Port.Take());
        }

        [TestMethod]
        public static void Status_flags_a_bench_pilot_even_at_a_duty_of_zero()
        {
            var rig = new ConsoleRig(true, null, true);

            Assert.Contains("bench ev duty f: done", rig.Run("bench ev duty f"));

            Assert.Contains("  (bench pilot)\n", rig.Run("status"));
        }

        [TestMethod]
        public static void In_bench_mode_the_cable_lock_moves_by_hand_and_the_wheel_lock_stays()
        {
            var rig = new ConsoleRig(true, null);

            Assert.Contains("bench lock cable unlock: done", rig.Run("bench lock cable unlock"));
            Assert.IsFalse(rig.Pod.Locks.Cable.CommandedLocked);
            Assert.IsTrue(rig.Pod.Locks.Wheel.CommandedLocked);
            Assert.Contains("bench lock cable lock: done", rig.Run("bench lock cable lock"));
            Assert.IsTrue(rig.Pod.Locks.Cable.CommandedLocked);
        }

        // Runs a line as the interpreter gets it, without the line assembler's trimming.
        private static string RunRaw(ConsoleRig rig, string line)
        {
            rig.Console.Execute(line);
            return rig.Port.Take();
        }

        private sealed class ThrowingStore : IConfigStore
        {
            public string Read()
            {
                throw new InvalidOperationException("flash unreadable");
            }

            public bool Write(string text)
            {
                throw new InvalidOperationException("flash unwritable");
            }
        }
    }
}
