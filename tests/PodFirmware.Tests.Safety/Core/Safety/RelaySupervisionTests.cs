using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class RelaySupervisionTests
    {
        private static void AssertResult(ResetResult expected, ResetResult actual)
        {
            Assert.AreEqual((int)expected, (int)actual, "reset result");
        }

        // Charges at 16 A from 0 ms, the tick opens the relay after the Evaluate at openAtMs.
        private static SafetyRig ChargingThenOpened(long openAtMs)
        {
            var rig = new SafetyRig();
            rig.CommandRelay(true, 0);
            rig.Inputs.CurrentA = 16.0;
            rig.Run(0, openAtMs);
            rig.CommandRelay(false, openAtMs);
            rig.Drain();
            return rig;
        }

        [TestMethod]
        public static void Welded_relay_is_reported_one_tick_after_the_settle_time()
        {
            // Default settle 300 ms, 100 ms ticks: opened after the Evaluate at 1000 ms, current keeps flowing.
            SafetyRig rig = ChargingThenOpened(1000);
            Assert.AreEqual(1300L, rig.Run(1100, 2000), "first Evaluate at least 300 ms after the open command");
            Expect.Code(FaultCode.RelayWelded, rig.Supervisor.LatchedCode);
            Assert.IsTrue(rig.Supervisor.RelayWeldPresent);
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Assert.IsNotNull(alarm);
            Expect.Code(FaultCode.RelayWelded, alarm.Code);
            Assert.AreEqual(16.0, alarm.Value);
            Assert.AreEqual(2.0, alarm.Limit);
            Assert.AreEqual((int)ValueUnit.Ampere, (int)alarm.Unit);
        }

        [TestMethod]
        public static void Current_held_one_tick_by_the_plausibility_filter_is_not_a_weld()
        {
            SafetyRig rig = ChargingThenOpened(1000);
            rig.At(1100);
            rig.Inputs.CurrentA = 0.1;
            Assert.AreEqual(-1L, rig.Run(1200, 5000));
            Assert.IsFalse(rig.Supervisor.RelayWeldPresent);
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [TestMethod]
        public static void A_welded_mirror_contact_trips_with_no_current_flowing()
        {
            SafetyRig rig = ChargingThenOpened(1000);
            rig.Inputs.CurrentA = 0.0;
            rig.Inputs.RelayFeedbackPresent = true;
            rig.Inputs.RelayFeedbackClosed = true;
            Assert.AreEqual(1300L, rig.Run(1100, 2000));
            Expect.Code(FaultCode.RelayWelded, rig.Supervisor.LatchedCode);
            Assert.AreEqual((int)ValueUnit.None, (int)rig.Supervisor.LatchedUnit);
        }

        [TestMethod]
        public static void Relay_that_does_not_close_trips_as_failed_to_close()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayFeedbackPresent = true;
            rig.Inputs.RelayFeedbackClosed = false;
            rig.Run(0, 1000);
            rig.CommandRelay(true, 1000);
            Assert.AreEqual(1300L, rig.Run(1100, 2000));
            Expect.Code(FaultCode.RelayFailedToClose, rig.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void A_weld_replaces_an_earlier_trip_and_alarms_again()
        {
            var rig = new SafetyRig();
            rig.CommandRelay(true, 0);
            rig.Inputs.CurrentA = 16.0;
            rig.At(0);
            rig.Inputs.CurrentA = 24.0;
            Assert.IsFalse(rig.At(100), "the current ceiling trips at once");
            Expect.Code(FaultCode.OverCurrentCeiling, rig.Supervisor.LatchedCode);
            rig.CommandRelay(false, 100);
            rig.Run(200, 300);
            Expect.Code(FaultCode.OverCurrentCeiling, rig.Supervisor.LatchedCode, "still settling");
            rig.At(400);
            Expect.Code(FaultCode.RelayWelded, rig.Supervisor.LatchedCode);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(2, EventDrain.CountOf(events, EventKind.Alarm));
            Expect.Code(FaultCode.RelayWelded, events[events.Length - 1].Code, "last alarm");
        }

        [TestMethod]
        public static void A_weld_survives_a_reboot_from_the_persisted_latch()
        {
            SafetyRig rig = ChargingThenOpened(1000);
            rig.Run(1100, 1300);
            rig.Reboot();
            Expect.Code(FaultCode.RelayWelded, rig.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void Reset_is_refused_while_the_weld_is_present_and_accepted_once_it_is_gone()
        {
            SafetyRig rig = ChargingThenOpened(1000);
            rig.Run(1100, 1500);
            AssertResult(ResetResult.ConditionPresent, rig.Reset(1500));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            rig.Inputs.CurrentA = 0.0;
            rig.At(1600);
            Assert.IsFalse(rig.Supervisor.RelayWeldPresent);
            AssertResult(ResetResult.Accepted, rig.Reset(1600));
        }

        [DataRow((int)FaultCode.WheelLockFault)]
        [DataRow((int)FaultCode.CableLockFault)]
        [DataRow((int)FaultCode.SelfTestFailed)]
        [DataRow((int)FaultCode.GeofenceExit)]
        [TestMethod]
        public static void An_equipment_fault_latches_and_alarms_at_once(int codeValue)
        {
            var code = (FaultCode)codeValue;
            var rig = new SafetyRig();
            rig.Run(0, 500);
            rig.Inputs.EquipmentFault = code;
            Assert.IsFalse(rig.At(600));
            Expect.Code(code, rig.Supervisor.LatchedCode);
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Assert.IsNotNull(alarm);
            Expect.Code(code, alarm.Code);
            Assert.AreEqual((int)ValueUnit.None, (int)alarm.Unit);
        }

        [TestMethod]
        public static void Reset_is_refused_while_the_equipment_fault_is_still_reported()
        {
            var rig = new SafetyRig();
            rig.Inputs.EquipmentFault = FaultCode.CableLockFault;
            rig.At(0);
            AssertResult(ResetResult.ConditionPresent, rig.Reset(100));
            rig.Inputs.EquipmentFault = FaultCode.None;
            AssertResult(ResetResult.Accepted, rig.Reset(200));
        }

        [TestMethod]
        public static void A_sensor_fault_outranks_an_equipment_fault_in_the_same_tick()
        {
            var rig = new SafetyRig();
            rig.Inputs.EquipmentFault = FaultCode.GeofenceExit;
            rig.Inputs.TemperatureStatus = PodFirmware.Drivers.Sensors.SensorStatus.Open;
            rig.At(0);
            Expect.Code(FaultCode.TemperatureSensorFault, rig.Supervisor.LatchedCode);
        }
    }
}
