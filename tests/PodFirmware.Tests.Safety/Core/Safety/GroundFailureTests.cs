using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>The residual-current monitor's fault output in <see cref="SafetySupervisor"/>: GroundFailure and its reset.</summary>
    [TestClass]
    public class GroundFailureTests
    {
        private static SafetyRig Charging()
        {
            var rig = new SafetyRig();
            rig.Nominal();
            rig.Inputs.CurrentA = 16.0;
            rig.CommandRelay(true, 0);
            Assert.IsTrue(rig.At(0));
            rig.Drain();
            return rig;
        }

        [TestMethod]
        public static void A_fault_output_while_charging_latches_GroundFailure_in_the_same_Evaluate()
        {
            SafetyRig rig = Charging();
            rig.Inputs.ResidualCurrentFault = true;
            Assert.IsFalse(rig.At(100));
            Expect.Code(FaultCode.GroundFailure, rig.Supervisor.LatchedCode);
            Assert.AreEqual(100L, rig.Supervisor.LatchedAtMs);
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.GroundFailure, alarm.Code);
        }

        [TestMethod]
        public static void A_fault_output_with_the_relay_open_latches_nothing()
        {
            var rig = new SafetyRig();
            rig.Nominal();
            rig.Inputs.ResidualCurrentFault = true;
            Assert.IsTrue(rig.At(0));
            Assert.IsTrue(rig.At(100));
            Assert.IsFalse(rig.Supervisor.IsLatched);
        }

        [TestMethod]
        public static void It_outranks_a_temperature_ceiling_in_the_same_Evaluate()
        {
            SafetyRig rig = Charging();
            rig.Inputs.ResidualCurrentFault = true;
            rig.Inputs.TemperatureC = 170.0;
            rig.At(100);
            Expect.Code(FaultCode.GroundFailure, rig.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void A_reset_is_refused_while_the_output_is_active_and_accepted_once_it_clears()
        {
            SafetyRig rig = Charging();
            rig.Inputs.ResidualCurrentFault = true;
            rig.At(100);
            rig.CommandRelay(false, 100);
            rig.Inputs.CurrentA = 0.0;
            rig.Run(200, 2000);
            Assert.AreEqual((int)ResetResult.ConditionPresent, (int)rig.Reset(2000));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            rig.Inputs.ResidualCurrentFault = false;
            Assert.AreEqual((int)ResetResult.Accepted, (int)rig.Reset(2100));
            Assert.IsFalse(rig.Supervisor.IsLatched);
        }

        [TestMethod]
        public static void The_test_timeout_is_validated_with_its_key()
        {
            var config = new RcdConfig();
            Assert.AreEqual(500, config.TestTimeoutMs);
            config.TestTimeoutMs = 9;
            var errors = new ConfigErrors();
            config.Validate("safety.rcd", errors);
            Assert.AreEqual(1, errors.Count);
            Assert.AreEqual("safety.rcd.testTimeoutMs: must be between 10 ms and 5000 ms, is 9 ms", errors[0]);
            var safety = new SafetyConfig();
            safety.Rcd = null;
            errors = new ConfigErrors();
            safety.Validate("safety", errors);
            Assert.AreEqual("safety.rcd: missing", errors[0]);
        }
    }
}
