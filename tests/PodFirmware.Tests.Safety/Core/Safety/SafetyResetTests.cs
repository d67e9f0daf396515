using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class SafetyResetTests
    {
        private static SafetyRig TrippedHot()
        {
            var rig = new SafetyRig();
            rig.HoldTemperature(72.0, 0, 5100);
            rig.Drain();
            return rig;
        }

        private static void AssertResult(ResetResult expected, ResetResult actual)
        {
            Assert.AreEqual((int)expected, (int)actual, "reset result");
        }

        [TestMethod]
        public static void Refuses_when_nothing_is_latched()
        {
            var rig = new SafetyRig();
            rig.At(0);
            AssertResult(ResetResult.NothingLatched, rig.Reset(100));
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [DataRow(72.0)]
        [DataRow(69.0)]
        [DataRow(68.0)]
        [TestMethod]
        public static void Refuses_while_the_connector_is_not_below_68C(double temperatureC)
        {
            SafetyRig rig = TrippedHot();
            rig.HoldTemperature(temperatureC, 5200, 6000);
            AssertResult(ResetResult.TemperatureTooHigh, rig.Reset(6000));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Assert.AreEqual(0, rig.Drain().Length, "a refused reset emits nothing");
        }

        [TestMethod]
        public static void Accepts_once_cool_and_permits_the_relay_at_the_next_evaluation_and_emits_fault_cleared()
        {
            SafetyRig rig = TrippedHot();
            rig.HoldTemperature(67.9, 5200, 8000);
            AssertResult(ResetResult.Accepted, rig.Reset(8000));

            Assert.IsFalse(rig.Supervisor.IsLatched);
            Assert.IsFalse(rig.Supervisor.RelayPermitted, "not on the readings the reset saw");
            Expect.Code(FaultCode.None, rig.Supervisor.LatchedCode);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Expect.Kind(EventKind.FaultCleared, events[0].Kind, "event");
            Expect.Code(FaultCode.ConnectorOverTemperature, events[0].Code);
            Assert.AreEqual(67.9, events[0].Value);
            Assert.AreEqual(68.0, events[0].Limit);
            Assert.AreEqual(8000L, events[0].TimeMs);
            Assert.AreEqual(SafetyRig.Space, events[0].SpaceNumber);
            Assert.IsFalse(events[0].Restored);
            Assert.IsTrue(rig.At(8100));
        }

        [TestMethod]
        public static void With_zero_hysteresis_the_pod_boots_and_resets_only_strictly_below_the_limit()
        {
            var config = new SafetyConfig();
            config.Thermal.HysteresisC = 0.0;
            var rig = new SafetyRig(config, new MemoryBlobStore());
            rig.HoldTemperature(72.0, 0, 5100);
            rig.HoldTemperature(70.0, 5200, 5200);
            AssertResult(ResetResult.TemperatureTooHigh, rig.Reset(5200));
            rig.Inputs.TemperatureC = 69.875;
            AssertResult(ResetResult.Accepted, rig.Reset(5300));
        }

        [TestMethod]
        public static void An_accepted_reset_deletes_the_persisted_latch_so_a_reboot_is_not_latched()
        {
            var store = new MemoryBlobStore();
            var rig = new SafetyRig(new SafetyConfig(), store);
            rig.HoldTemperature(72.0, 0, 5100);
            rig.HoldTemperature(25.0, 5200, 6000);
            AssertResult(ResetResult.Accepted, rig.Reset(6000));
            Assert.AreEqual(0, store.Count);

            rig.Reboot();
            Assert.IsFalse(rig.Supervisor.IsLatched);
            Assert.IsTrue(rig.At(0));
        }

        [TestMethod]
        public static void Resets_a_restored_latch_without_repeating_its_alarm()
        {
            SafetyRig rig = TrippedHot();
            rig.Reboot();
            rig.Nominal();
            AssertResult(ResetResult.Accepted, rig.Reset(0));
            Assert.IsTrue(rig.At(100));
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Expect.Kind(EventKind.FaultCleared, events[0].Kind, "only fault_cleared");
        }

        [TestMethod]
        public static void Refuses_while_the_temperature_sensor_is_faulty()
        {
            var rig = new SafetyRig();
            rig.Inputs.TemperatureStatus = SensorStatus.Open;
            rig.At(0);
            AssertResult(ResetResult.SensorFaultPresent, rig.Reset(100));
            rig.Inputs.TemperatureStatus = SensorStatus.Ok;
            AssertResult(ResetResult.Accepted, rig.Reset(200));
        }

        // Statuses of temperature, current and voltage: 0 Ok, 1 Open.
        [DataRow(1, 0, 0)]
        [DataRow(0, 1, 0)]
        [DataRow(0, 0, 1)]
        [TestMethod]
        public static void Refuses_while_any_one_safety_sensor_is_broken_charging_or_not(int temperatureStatus, int currentStatus, int voltageStatus)
        {
            SafetyRig rig = TrippedHot();
            rig.HoldTemperature(30.0, 5200, 6000);
            rig.Inputs.TemperatureStatus = (SensorStatus)temperatureStatus;
            rig.Inputs.CurrentStatus = (SensorStatus)currentStatus;
            rig.Inputs.VoltageStatus = (SensorStatus)voltageStatus;
            AssertResult(ResetResult.SensorFaultPresent, rig.Reset(6000));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Assert.AreEqual(1, ((MemoryBlobStore)rig.Store).Count, "the latch record stays");
            Assert.AreEqual(0, rig.Drain().Length, "no fault_cleared");

            rig.Nominal();
            AssertResult(ResetResult.Accepted, rig.Reset(6100));
        }

        [TestMethod]
        public static void Refuses_while_over_voltage_persists()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            rig.Run(0, 2100);
            AssertResult(ResetResult.ConditionPresent, rig.Reset(3000));
            rig.Inputs.VoltageV = 240.0;
            AssertResult(ResetResult.Accepted, rig.Reset(3100));
        }

        [TestMethod]
        public static void Refuses_while_the_relay_is_still_commanded_closed_with_over_current()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayCommandedClosed = true;
            rig.Inputs.CurrentA = 30.0;
            rig.At(0);
            AssertResult(ResetResult.ConditionPresent, rig.Reset(100));
            rig.Inputs.RelayCommandedClosed = false;
            AssertResult(ResetResult.Accepted, rig.Reset(200));
        }

        [TestMethod]
        public static void Stays_latched_when_the_persisted_latch_cannot_be_deleted()
        {
            var store = new FailingBlobStore();
            var rig = new SafetyRig(new SafetyConfig(), store);
            rig.HoldTemperature(160.0, 0, 0);
            rig.Nominal();
            store.FailDeletes = true;
            AssertResult(ResetResult.StoreFailed, rig.Reset(100));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Assert.IsFalse(rig.At(200));
        }

        [TestMethod]
        public static void After_a_reset_a_new_overheat_needs_the_full_tolerance_again()
        {
            SafetyRig rig = TrippedHot();
            rig.HoldTemperature(67.0, 5200, 5200);
            AssertResult(ResetResult.Accepted, rig.Reset(5200));
            Assert.AreEqual(5300L + 5100L, rig.HoldTemperature(72.0, 5300, 20000));
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.Alarm), "the second trip alarms again");
        }
    }
}
