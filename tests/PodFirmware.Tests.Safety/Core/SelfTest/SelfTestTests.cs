using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Core.SelfTest;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Tests.Core.Safety;

namespace PodFirmware.Tests.Core.SelfTest
{
    [TestClass]
    public class SelfTestTests
    {
        private static SelfTestInputs Healthy()
        {
            var inputs = new SelfTestInputs();
            inputs.RelayFeedbackPresent = true;
            inputs.WheelState = LockState.Locked;
            inputs.WheelCommandedLocked = true;
            inputs.WheelSenseLocked = true;
            inputs.CableState = LockState.Locked;
            inputs.CableCommandedLocked = true;
            inputs.CableSenseLocked = true;
            inputs.TemperatureStatus = SensorStatus.Ok;
            inputs.CurrentStatus = SensorStatus.Ok;
            inputs.VoltageStatus = SensorStatus.Ok;
            return inputs;
        }

        private static void AssertFails(SelfTestCheck expected, SelfTestInputs inputs)
        {
            var test = new PodFirmware.Core.SelfTest.SelfTest();
            Expect.Code(FaultCode.SelfTestFailed, test.Run(inputs));
            Assert.AreEqual((int)expected, (int)test.FailedCheck, "expected " + SelfTestCheckNames.Of(expected) + ", was " + SelfTestCheckNames.Of(test.FailedCheck));
        }

        [TestMethod]
        public static void A_healthy_pod_passes()
        {
            var test = new PodFirmware.Core.SelfTest.SelfTest();
            Expect.Code(FaultCode.None, test.Run(Healthy()));
            Assert.AreEqual((int)SelfTestCheck.None, (int)test.FailedCheck);
        }

        [TestMethod]
        public static void A_mirror_reading_closed_with_the_coil_open_fails_relay_feedback()
        {
            SelfTestInputs inputs = Healthy();
            inputs.RelayFeedbackClosed = true;
            AssertFails(SelfTestCheck.RelayFeedback, inputs);
        }

        [TestMethod]
        public static void Without_a_mirror_the_relay_check_passes()
        {
            SelfTestInputs inputs = Healthy();
            inputs.RelayFeedbackPresent = false;
            inputs.RelayFeedbackClosed = true;
            Expect.Code(FaultCode.None, new PodFirmware.Core.SelfTest.SelfTest().Run(inputs));
        }

        [TestMethod]
        public static void A_wheel_sense_that_disagrees_with_its_command_fails_wheel_lock()
        {
            SelfTestInputs inputs = Healthy();
            inputs.WheelSenseLocked = false;
            AssertFails(SelfTestCheck.WheelLock, inputs);
        }

        [TestMethod]
        public static void A_cable_lock_in_fault_fails_cable_lock()
        {
            SelfTestInputs inputs = Healthy();
            inputs.CableState = LockState.Fault;
            AssertFails(SelfTestCheck.CableLock, inputs);
        }

        [TestMethod]
        public static void A_lock_still_travelling_fails()
        {
            SelfTestInputs inputs = Healthy();
            inputs.CableState = LockState.Locking;
            inputs.CableSenseLocked = false;
            AssertFails(SelfTestCheck.CableLock, inputs);
        }

        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [DataRow((int)SensorStatus.Stuck)]
        [TestMethod]
        public static void A_temperature_sensor_not_ok_fails(int status)
        {
            SelfTestInputs inputs = Healthy();
            inputs.TemperatureStatus = (SensorStatus)status;
            AssertFails(SelfTestCheck.TemperatureSensor, inputs);
        }

        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [TestMethod]
        public static void A_current_or_voltage_sensor_open_or_short_fails(int status)
        {
            SelfTestInputs inputs = Healthy();
            inputs.CurrentStatus = (SensorStatus)status;
            AssertFails(SelfTestCheck.CurrentSensor, inputs);
            inputs.CurrentStatus = SensorStatus.Ok;
            inputs.VoltageStatus = (SensorStatus)status;
            AssertFails(SelfTestCheck.VoltageSensor, inputs);
        }

        [TestMethod]
        public static void A_flat_idle_current_or_voltage_reading_passes()
        {
            SelfTestInputs inputs = Healthy();
            inputs.CurrentStatus = SensorStatus.Stuck;
            inputs.VoltageStatus = SensorStatus.Stuck;
            Expect.Code(FaultCode.None, new PodFirmware.Core.SelfTest.SelfTest().Run(inputs));
        }

        [TestMethod]
        public static void Reports_the_first_failing_check_in_order()
        {
            SelfTestInputs inputs = Healthy();
            inputs.VoltageStatus = SensorStatus.Open;
            inputs.WheelState = LockState.Fault;
            AssertFails(SelfTestCheck.WheelLock, inputs);
        }

        [TestMethod]
        public static void Check_names_are_snake_case()
        {
            Assert.AreEqual("relay_feedback", SelfTestCheckNames.Of(SelfTestCheck.RelayFeedback));
            Assert.AreEqual("wheel_lock", SelfTestCheckNames.Of(SelfTestCheck.WheelLock));
            Assert.AreEqual("cable_lock", SelfTestCheckNames.Of(SelfTestCheck.CableLock));
            Assert.AreEqual("temperature_sensor", SelfTestCheckNames.Of(SelfTestCheck.TemperatureSensor));
            Assert.AreEqual("current_sensor", SelfTestCheckNames.Of(SelfTestCheck.CurrentSensor));
            Assert.AreEqual("voltage_sensor", SelfTestCheckNames.Of(SelfTestCheck.VoltageSensor));
            Assert.AreEqual("rcd", SelfTestCheckNames.Of(SelfTestCheck.Rcd));
        }
    }
}
