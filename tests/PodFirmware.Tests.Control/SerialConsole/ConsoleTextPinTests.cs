using nanoFramework.TestFramework;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>The console's answers that a technician reads, word for word: status lines, refusals, config and log answers.</summary>
    [TestClass]
    public class ConsoleTextPinTests
    {
        [TestMethod]
        public static void Status_names_every_warning_a_weld_and_a_move()
        {
            ConsoleRig rig = new ConsoleRig();
            string quiet = rig.Run("status");
            Assert.Contains("warnings none  bench mode off", quiet);
            Assert.Contains("relay open  fault none\n", quiet);
            Assert.DoesNotContains("MOVING", quiet);
            Assert.DoesNotContains("(bench", quiet);
            rig.Pod.Status.ControllerLost = true;
            rig.Pod.Status.NetworkLostWhileMoving = true;
            rig.Pod.Status.StoreOverflow = true;
            rig.Pod.Status.RelayWelded = true;
            rig.Pod.Status.Moving = true;
            rig.Pod.Status.UptimeMs = 12999;
            string text = rig.Run("status");
            Assert.Contains("warnings ControllerLost NetworkLostWhileMoving StoreOverflow  bench mode off", text);
            Assert.Contains("relay WELDED  fault none", text);
            Assert.Contains("  MOVING\n", text);
            Assert.Contains("  uptime 12 s\n", text);
            Assert.Contains("bench mode on", new ConsoleRig(true, null).Run("status"));
        }

        [TestMethod]
        public static void Status_shows_a_running_session()
        {
            ConsoleRig rig = new ConsoleRig();
            rig.Pod.Status.SessionActive = true;
            rig.Pod.Status.SessionId = "s-1";
            rig.Pod.Status.SessionAccount = "";
            rig.Pod.Status.SessionEnergyMilliWh = 1234567;
            rig.Pod.Status.SessionElapsedMs = 61999;
            rig.Pod.Status.RelayClosed = true;
            string text = rig.Run("status");
            Assert.Contains("session s-1  account -  1.235 kWh  61 s\n", text);
            Assert.Contains("relay closed  fault none", text);
        }

        [TestMethod]
        public static void Bench_outside_bench_mode_is_refused_word_for_word()
        {
            Assert.Contains("refused: not in bench mode (config benchMode, which the console cannot set)\n", new ConsoleRig().Run("bench relay on"));
        }

        [TestMethod]
        public static void Faults_name_a_config_error()
        {
            Assert.Contains("config: podId: given twice\n", new ConsoleRig(false, "podId: given twice").Run("faults"));
        }

        [TestMethod]
        public static void A_set_below_a_value_that_is_not_an_object_is_refused()
        {
            ConsoleRig rig = new ConsoleRig();
            Assert.Contains("refused: podId.x is not a key of an object in the file\n", rig.Run("config set podId.x 1"));
            Assert.AreEqual(0, rig.Store.Writes);
        }

        [TestMethod]
        public static void A_saved_set_is_logged_and_words_may_be_apart_by_several_spaces()
        {
            ConsoleRig rig = new ConsoleRig();
            Assert.Contains("saved parkingSpace = 12; reboot to apply\n", rig.Run("config   set  parkingSpace   12  "));
            Assert.Contains("console: config set parkingSpace\n", rig.Run("log 1"));
            Assert.Contains("parkingSpace = 12\n", rig.Run("config  get  parkingSpace"));
        }

        [TestMethod]
        public static void The_log_shows_the_last_n_lines_numbered_since_boot()
        {
            ConsoleRig rig = new ConsoleRig();
            int before = rig.Log.Total;
            rig.Log.Add("one");
            rig.Log.Add("two");
            string text = rig.Run("log 1");
            Assert.Contains("  " + (before + 1).ToString() + " two\n", text);
            Assert.DoesNotContains(" one\n", text);
            text = rig.Run("log 0002");
            Assert.Contains("  " + before.ToString() + " one\n", text);
            Assert.Contains("log [N]", rig.Run("log 00002"));
            Assert.Contains("log [N]", rig.Run("log 1 2"));
            Assert.Contains(" two\n", rig.Run("log 8"));
        }

        [TestMethod]
        public static void An_empty_log_says_so()
        {
            ConsoleRig rig = new ConsoleRig();
            Assert.AreEqual(0, rig.Log.Total, "only the console writes to this ring");
            Assert.Contains("  (empty)\n", rig.Run("log"));
            rig.Log.Add("x");
            Assert.DoesNotContains("(empty)", rig.Run("log"));
        }
    }
}
