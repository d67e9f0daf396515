using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class RelayFeedbackRuleTests
    {
        private static SafetyInputs Inputs(bool closed, long changedAtMs, long nowMs)
        {
            var inputs = new SafetyInputs();
            inputs.NowMs = nowMs;
            inputs.RelayCommandedClosed = closed;
            inputs.RelayChangedAtMs = changedAtMs;
            inputs.CurrentStatus = SensorStatus.Ok;
            inputs.TemperatureStatus = SensorStatus.Ok;
            inputs.VoltageStatus = SensorStatus.Ok;
            return inputs;
        }

        [TestMethod]
        public static void Mirror_closed_while_commanded_open_is_welded_only_from_the_settle_time()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(false, 1000, 1100);
            inputs.RelayFeedbackPresent = true;
            inputs.RelayFeedbackClosed = true;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "100 ms after opening");
            inputs.NowMs = 1299;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "299 ms after opening");
            inputs.NowMs = 1300;
            Expect.Code(FaultCode.RelayWelded, rule.Evaluate(inputs), "300 ms after opening");
            Assert.IsFalse(rule.LastByCurrent);
        }

        [DataRow(250L)]
        [DataRow(300L)]
        [TestMethod]
        public static void A_re_command_of_the_same_state_between_evaluations_restarts_the_settle_time(long recommandedAtMs)
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(false, 0, 0);
            inputs.RelayFeedbackPresent = true;
            inputs.RelayFeedbackClosed = true;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "at 0 ms");

            // The tick closed and opened again: still open at the next evaluation, with a newer change time.
            inputs.RelayChangedAtMs = recommandedAtMs;
            inputs.NowMs = 300;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "at 300 ms");
            Assert.AreEqual(recommandedAtMs, rule.ChangedAtMs);
            inputs.NowMs = recommandedAtMs + 299;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "299 ms after the re-command");
            inputs.NowMs = recommandedAtMs + 300;
            Expect.Code(FaultCode.RelayWelded, rule.Evaluate(inputs), "300 ms after the re-command");
        }

        [TestMethod]
        public static void Current_at_the_weld_level_while_commanded_open_is_welded_without_a_mirror()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(false, 0, 300);
            inputs.CurrentA = 2.0;
            Expect.Code(FaultCode.RelayWelded, rule.Evaluate(inputs));
            Assert.IsTrue(rule.LastByCurrent);
        }

        [TestMethod]
        public static void Current_just_below_the_weld_level_is_not_a_weld()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(false, 0, 300);
            inputs.CurrentA = 1.99;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs));
        }

        [DataRow((int)SensorStatus.Stuck)]
        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [DataRow((int)SensorStatus.NotFinite)]
        [TestMethod]
        public static void An_unusable_current_reading_does_not_decide_a_weld(int status)
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(false, 0, 1000);
            inputs.CurrentA = 30.0;
            inputs.CurrentStatus = (SensorStatus)status;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs));
        }

        [TestMethod]
        public static void Mirror_open_while_commanded_closed_past_the_settle_time_failed_to_close()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(true, 1000, 1200);
            inputs.RelayFeedbackPresent = true;
            inputs.RelayFeedbackClosed = false;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "still settling");
            inputs.NowMs = 1300;
            Expect.Code(FaultCode.RelayFailedToClose, rule.Evaluate(inputs));
        }

        [TestMethod]
        public static void Without_a_mirror_a_closed_relay_is_never_judged_failed()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(true, 0, 10000);
            inputs.RelayFeedbackClosed = false;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs));
        }

        [TestMethod]
        public static void A_mirror_that_follows_the_coil_reports_nothing()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(true, 0, 1000);
            inputs.RelayFeedbackPresent = true;
            inputs.RelayFeedbackClosed = true;
            inputs.CurrentA = 16.0;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "closed and conducting");
            inputs.RelayCommandedClosed = false;
            inputs.RelayChangedAtMs = 1000;
            inputs.RelayFeedbackClosed = false;
            inputs.CurrentA = 0.0;
            inputs.NowMs = 2000;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "open and dead");
        }

        [TestMethod]
        public static void A_command_change_without_a_new_change_time_counts_from_the_evaluate_that_saw_it()
        {
            var rule = new RelayFeedbackRule(300, 2.0);
            SafetyInputs inputs = Inputs(true, 0, 1000);
            inputs.CurrentA = 16.0;
            rule.Evaluate(inputs);
            inputs.RelayCommandedClosed = false;
            inputs.NowMs = 1100;
            rule.Evaluate(inputs);
            Assert.AreEqual(1100L, rule.ChangedAtMs);
            inputs.NowMs = 1300;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "a stale time stamp must not bring the decision forward");
            inputs.NowMs = 1400;
            Expect.Code(FaultCode.RelayWelded, rule.Evaluate(inputs));
        }
    }
}
