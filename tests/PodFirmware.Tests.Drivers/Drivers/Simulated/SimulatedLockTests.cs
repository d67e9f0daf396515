using nanoFramework.TestFramework;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class SimulatedLockTests
    {
        [TestMethod]
        public static void Starts_de_energised_at_the_locked_position_with_500ms_travel()
        {
            var simulatedLock = new SimulatedLock(new VirtualClock());
            Assert.IsFalse(simulatedLock.IsEnergised);
            Assert.IsTrue(simulatedLock.Sense.Read());
            Assert.AreEqual(500, simulatedLock.TravelMs);
        }

        [TestMethod]
        public static void The_sense_follows_the_actuator_after_the_travel_time()
        {
            var clock = new VirtualClock();
            var simulatedLock = new SimulatedLock(clock);
            clock.AdvanceMs(1000);
            simulatedLock.Write(true);
            clock.AdvanceMs(499);
            Assert.IsTrue(simulatedLock.Sense.Read(), "still locked 499 ms after release");
            clock.AdvanceMs(1);
            Assert.IsFalse(simulatedLock.Sense.Read(), "unlocked 500 ms after release");
            simulatedLock.Write(false);
            clock.AdvanceMs(499);
            Assert.IsFalse(simulatedLock.Sense.Read(), "still unlocked 499 ms after the lock command");
            clock.AdvanceMs(1);
            Assert.IsTrue(simulatedLock.Sense.Read(), "locked 500 ms after the lock command");
        }

        [TestMethod]
        public static void Reversing_mid_travel_starts_a_full_travel_from_where_it_is()
        {
            var clock = new VirtualClock();
            var simulatedLock = new SimulatedLock(clock);
            simulatedLock.Write(true);
            clock.AdvanceMs(200);
            simulatedLock.Write(false);
            clock.AdvanceMs(1000);
            Assert.IsTrue(simulatedLock.Sense.Read(), "never left the locked position");
        }

        [TestMethod]
        public static void A_lock_jammed_locked_never_reports_unlocked()
        {
            var clock = new VirtualClock();
            var simulatedLock = new SimulatedLock(clock);
            simulatedLock.Fault = LockFault.StuckLocked;
            simulatedLock.Write(true);
            clock.AdvanceMs(10000);
            Assert.IsTrue(simulatedLock.Sense.Read());
        }

        [TestMethod]
        public static void A_lock_jammed_unlocked_never_reports_locked()
        {
            var clock = new VirtualClock();
            var simulatedLock = new SimulatedLock(clock);
            simulatedLock.Fault = LockFault.StuckUnlocked;
            clock.AdvanceMs(10000);
            Assert.IsFalse(simulatedLock.Sense.Read());
            simulatedLock.Fault = LockFault.Ok;
            Assert.IsTrue(simulatedLock.Sense.Read(), "healthy again: de-energised means locked");
        }

        [TestMethod]
        public static void A_simulated_input_reads_what_it_is_set_to()
        {
            var input = new SimulatedDigitalInput();
            Assert.IsFalse(input.Read());
            input.Value = true;
            Assert.IsTrue(input.Read());
        }
    }
}
