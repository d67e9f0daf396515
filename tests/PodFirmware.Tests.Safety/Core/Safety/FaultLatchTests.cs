using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class FaultLatchTests
    {
        [TestMethod]
        public static void A_trip_is_persisted_as_one_fault_latch_blob()
        {
            var store = new MemoryBlobStore();
            var rig = new SafetyRig(new SafetyConfig(), store);
            rig.HoldTemperature(70.1, 0, 5100);
            Assert.AreEqual(1, store.Count);
            var buffer = new byte[64];
            Assert.AreEqual(FaultLatchRecord.Length, store.Read("fault-latch", buffer));
        }

        [TestMethod]
        public static void A_new_supervisor_on_the_same_store_comes_back_latched_with_the_relay_not_permitted()
        {
            var rig = new SafetyRig();
            rig.HoldTemperature(70.1, 0, 5100);
            rig.Drain();

            rig.Reboot();
            rig.Nominal();
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Assert.IsFalse(rig.At(0), "cool and healthy after the reboot, still latched");
            Expect.Code(FaultCode.ConnectorOverTemperature, rig.Supervisor.LatchedCode);
            Expect.Near(70.1, rig.Supervisor.LatchedValue, 0.001, "latched value");
            Assert.AreEqual(70.0, rig.Supervisor.LatchedLimit);
            Expect.Near(70.1, rig.Supervisor.TripTemperatureC, 0.001, "trip temperature");
            Assert.AreEqual(-1L, rig.Supervisor.LatchedAtMs, "the trip's time is from the previous boot");
        }

        [TestMethod]
        public static void A_restored_latch_repeats_its_alarm_once_marked_restored()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 261.5;
            rig.Run(0, 2100);
            rig.Drain();

            rig.Reboot();
            rig.Nominal();
            rig.Run(0, 10000);

            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Expect.Kind(EventKind.Alarm, events[0].Kind, "restored alarm");
            Assert.IsTrue(events[0].Restored);
            Expect.Code(FaultCode.OverVoltage, events[0].Code);
            Expect.Near(261.5, events[0].Value, 0.001, "value");
            Assert.AreEqual(253.0, events[0].Limit);
            Assert.AreEqual((int)ValueUnit.Volt, (int)events[0].Unit);
            Assert.AreEqual(0L, events[0].TimeMs, "sent at the first evaluation after the reboot");
        }

        [TestMethod]
        public static void No_blob_means_nothing_latched()
        {
            var rig = new SafetyRig();
            Assert.IsFalse(rig.Supervisor.IsLatched);
            Assert.IsTrue(rig.At(0));
            Assert.AreEqual(0, rig.Drain().Length);
        }

        [DataRow(0)]
        [DataRow(5)]
        [DataRow(20)]
        [DataRow(23)]
        [TestMethod]
        public static void A_latch_record_with_any_flipped_byte_comes_back_latched_as_corrupt(int flippedByte)
        {
            var store = new MemoryBlobStore();
            var rig = new SafetyRig(new SafetyConfig(), store);
            rig.HoldTemperature(160.0, 0, 0);
            var buffer = new byte[FaultLatchRecord.Length];
            store.Read("fault-latch", buffer);
            buffer[flippedByte] ^= 0x10;
            store.Write("fault-latch", buffer, buffer.Length);
            rig.Drain();

            rig.Reboot();
            rig.Nominal();
            Assert.IsFalse(rig.At(0));
            Expect.Code(FaultCode.LatchRecordCorrupt, rig.Supervisor.LatchedCode);
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.LatchRecordCorrupt, alarm.Code);
            Assert.IsTrue(alarm.Restored);
        }

        [DataRow(0)]
        [DataRow(3)]
        [DataRow(25)]
        [DataRow(100)]
        [TestMethod]
        public static void A_latch_blob_of_the_wrong_length_is_treated_as_latched_corrupt(int length)
        {
            var store = new MemoryBlobStore();
            store.Write("fault-latch", new byte[100], length);
            var rig = new SafetyRig(new SafetyConfig(), store);
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Expect.Code(FaultCode.LatchRecordCorrupt, rig.Supervisor.LatchedCode);
            Assert.IsFalse(rig.At(0));
        }

        [TestMethod]
        public static void A_well_formed_record_of_a_code_that_does_not_trip_is_treated_as_corrupt()
        {
            var store = new MemoryBlobStore();
            var record = new FaultLatchRecord();
            record.Code = FaultCode.ControllerLost;
            var buffer = new byte[FaultLatchRecord.Length];
            store.Write("fault-latch", buffer, record.Encode(buffer));
            var rig = new SafetyRig(new SafetyConfig(), store);
            Expect.Code(FaultCode.LatchRecordCorrupt, rig.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void A_store_that_cannot_be_read_comes_back_latched_as_corrupt()
        {
            var store = new FailingBlobStore();
            store.FailReads = true;
            var rig = new SafetyRig(new SafetyConfig(), store);
            Assert.IsFalse(rig.At(0));
            Expect.Code(FaultCode.LatchRecordCorrupt, rig.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void A_store_that_cannot_be_written_does_not_stop_the_trip()
        {
            var store = new FailingBlobStore();
            store.FailWrites = true;
            var rig = new SafetyRig(new SafetyConfig(), store);
            Assert.IsFalse(rig.HoldTemperature(160.0, 0, 0) < 0);
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Assert.AreEqual(1, rig.Supervisor.PersistFailureCount);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.Alarm));
        }
    }
}
