using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>
    /// The supervisor's state properties, what an accepted reset forgets (rule timers, the fire-risk window), and the
    /// rule state a broken temperature sensor or an open relay leaves behind.
    /// </summary>
    [TestClass]
    public class SafetySupervisorStateTests
    {
        // Latched by an equipment fault at 0 ms, which clears at 100 ms; 25 degC throughout.
        private static SafetyRig LatchedByEquipment()
        {
            var rig = new SafetyRig();
            rig.Inputs.EquipmentFault = FaultCode.CableLockFault;
            Assert.IsFalse(rig.At(0));
            rig.Inputs.EquipmentFault = FaultCode.None;
            return rig;
        }

        private static void AssertAccepted(ResetResult actual)
        {
            Assert.AreEqual((int)ResetResult.Accepted, (int)actual, "reset result");
        }

        [TestMethod]
        public static void Properties_read_back_the_trip_output_the_reset_level_and_the_latched_unit()
        {
            var rig = new SafetyRig();
            var relay = new SimulatedDigitalOutput();
            rig.Supervisor.TripOutput = relay;
            Assert.AreSame(relay, rig.Supervisor.TripOutput);
            Assert.AreEqual(68.0, rig.Supervisor.ResetLevelC);
            Assert.AreEqual(5100L, rig.HoldTemperature(72.0, 0, 5100));
            Assert.AreEqual((int)ValueUnit.Celsius, (int)rig.Supervisor.LatchedUnit);
            Assert.AreEqual(5100L, rig.Supervisor.LatchedAtMs);
        }

        [TestMethod]
        public static void LatchedAtMs_is_minus_1_with_no_latch_at_start_and_after_an_accepted_reset()
        {
            var rig = new SafetyRig();
            Assert.AreEqual(-1L, rig.Supervisor.LatchedAtMs, "fresh, no blob");
            rig.HoldTemperature(72.0, 0, 5100);
            rig.Inputs.TemperatureC = 25.0;
            AssertAccepted(rig.Reset(5200));
            Assert.AreEqual(-1L, rig.Supervisor.LatchedAtMs, "after the reset");
        }

        [TestMethod]
        public static void A_sealed_record_with_a_non_trip_code_comes_back_corrupt_without_its_values()
        {
            var record = new FaultLatchRecord();
            record.Code = FaultCode.None;
            record.Value = 42.0;
            record.Limit = 17.0;
            record.Unit = ValueUnit.Volt;
            record.TripTemperatureC = 50.0;
            var buffer = new byte[FaultLatchRecord.Length];
            var store = new MemoryBlobStore();
            store.Write(SafetySupervisor.LatchBlobName, buffer, record.Encode(buffer));

            var rig = new SafetyRig(new SafetyConfig(), store);
            Expect.Code(FaultCode.LatchRecordCorrupt, rig.Supervisor.LatchedCode);
            Assert.AreEqual(0.0, rig.Supervisor.LatchedValue);
            Assert.AreEqual(0.0, rig.Supervisor.LatchedLimit);
            Assert.AreEqual((int)ValueUnit.None, (int)rig.Supervisor.LatchedUnit);
            Assert.IsTrue(double.IsNaN(rig.Supervisor.TripTemperatureC), "the record's trip temperature is not trusted");
        }

        [TestMethod]
        public static void An_unusable_temperature_reading_restarts_the_over_temperature_count()
        {
            var rig = new SafetyRig();
            Assert.AreEqual(-1L, rig.HoldTemperature(75.0, 0, 3000));
            rig.Inputs.TemperatureStatus = SensorStatus.Open;
            Assert.IsFalse(rig.At(3100), "a temperature sensor fault latches");
            rig.Inputs.TemperatureStatus = SensorStatus.Ok;

            // 69 degC is inside the band: it neither starts nor stops the count, and the count began before the fault.
            rig.HoldTemperature(69.0, 3200, 9000);
            Expect.Code(FaultCode.None, rig.Supervisor.ActiveCode, "no over-temperature present at 69 degC");
        }

        [TestMethod]
        public static void Current_is_not_judged_while_the_relay_is_commanded_open()
        {
            var rig = new SafetyRig();
            rig.Inputs.CurrentA = 30.0;

            // Before the relay's 300 ms settle time, so only the over-current rule could object.
            Assert.AreEqual(-1L, rig.Run(0, 200));
            Expect.Code(FaultCode.None, rig.Supervisor.ActiveCode);
        }

        [TestMethod]
        public static void An_accepted_reset_restarts_the_over_temperature_count()
        {
            var rig = new SafetyRig();
            Assert.AreEqual(5100L, rig.HoldTemperature(75.0, 0, 6000));
            rig.Inputs.TemperatureC = 60.0;
            AssertAccepted(rig.Reset(6050));

            // 69 degC is inside the band: it would continue a count that the reset had not stopped.
            Assert.AreEqual(-1L, rig.HoldTemperature(69.0, 6100, 8000));
        }

        [TestMethod]
        public static void An_accepted_reset_restarts_the_over_current_count()
        {
            var rig = new SafetyRig();
            rig.CommandRelay(true, 0);
            rig.Inputs.CurrentA = 20.0;
            Assert.AreEqual(-1L, rig.Run(0, 2900), "20 A over the 17.6 A threshold, for less than 5 s");
            rig.Inputs.EquipmentFault = FaultCode.CableLockFault;
            Assert.IsFalse(rig.At(3000));
            rig.Inputs.EquipmentFault = FaultCode.None;
            rig.Inputs.CurrentA = 10.0;
            AssertAccepted(rig.Reset(3050));

            rig.Inputs.CurrentA = 20.0;
            Assert.AreEqual(8200L, rig.Run(3100, 9000), "5000 ms counted from 3100 ms");
        }

        [TestMethod]
        public static void An_accepted_reset_restarts_the_over_voltage_count()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            Assert.AreEqual(-1L, rig.Run(0, 900), "over 253 V for less than 2 s");
            rig.Inputs.EquipmentFault = FaultCode.CableLockFault;
            Assert.IsFalse(rig.At(1000));
            rig.Inputs.EquipmentFault = FaultCode.None;
            rig.Inputs.VoltageV = 230.0;
            AssertAccepted(rig.Reset(1050));

            rig.Inputs.VoltageV = 260.0;
            Assert.AreEqual(3200L, rig.Run(1100, 5000), "2000 ms counted from 1100 ms");
        }

        [TestMethod]
        public static void An_accepted_reset_empties_the_fire_risk_window()
        {
            SafetyRig rig = LatchedByEquipment();
            rig.Inputs.TemperatureC = 30.0;
            rig.Run(100, 1000);
            AssertAccepted(rig.Reset(1050));

            // A new latch at 70.5 degC: 71 degC is 0.5 degC above its window, not 41 degC above the 30 degC of the old latch.
            Assert.AreEqual(6200L, rig.HoldTemperature(70.5, 1100, 6200));
            rig.HoldTemperature(71.0, 6300, 7000);
            Assert.IsFalse(rig.Supervisor.FireRiskRaised);
        }

        [TestMethod]
        public static void An_unusable_temperature_reading_restarts_the_quiet_period_before_all_clear()
        {
            SafetyRig rig = LatchedByEquipment();
            rig.Run(100, 29900);
            rig.Inputs.TemperatureStatus = SensorStatus.Open;
            rig.At(30000);
            rig.Inputs.TemperatureStatus = SensorStatus.Ok;

            rig.Run(30100, 61000);
            Assert.IsFalse(rig.Supervisor.AllClearSent, "60 s of quiet count from 30100 ms, not from 100 ms");
            rig.Run(61100, 90200);
            Assert.IsTrue(rig.Supervisor.AllClearSent);
        }
    }
}
