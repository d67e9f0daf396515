using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Tests.Core.Safety;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Locks
{
    [TestClass]
    public class LockActuatorTests
    {
        private static void AssertState(LockState expected, LockState actual, string what)
        {
            Assert.AreEqual((int)expected, (int)actual, what + ": expected " + LockStateNames.Of(expected) + ", was " + LockStateNames.Of(actual));
        }

        [TestMethod]
        public static void Locked_means_de_energised_so_a_power_loss_leaves_the_lock_applied()
        {
            var output = new SimulatedDigitalOutput();
            var sense = new SimulatedDigitalInput();
            var lockActuator = new LockActuator("wheel", FaultCode.WheelLockFault, output, sense, 2000);
            Assert.IsFalse(output.IsEnergised, "constructed locked");
            lockActuator.Command(false, 0);
            Assert.IsTrue(output.IsEnergised, "unlock energises");
            lockActuator.Command(true, 100);
            Assert.IsFalse(output.IsEnergised, "lock de-energises");
        }

        [TestMethod]
        public static void Travels_then_reaches_the_commanded_position_when_the_sense_agrees()
        {
            var sense = new SimulatedDigitalInput();
            sense.Value = true;
            var lockActuator = new LockActuator("cable", FaultCode.CableLockFault, new SimulatedDigitalOutput(), sense, 2000);
            AssertState(LockState.Locked, lockActuator.Update(0), "sense at locked");
            lockActuator.Command(false, 100);
            AssertState(LockState.Unlocking, lockActuator.Update(200), "sense still locked");
            Assert.IsTrue(lockActuator.IsTravelling);
            sense.Value = false;
            AssertState(LockState.Unlocked, lockActuator.Update(600), "sense left locked");
            Assert.IsFalse(lockActuator.IsTravelling);
            Assert.IsFalse(lockActuator.SenseLocked);
            Assert.IsFalse(lockActuator.CommandedLocked);
        }

        [TestMethod]
        public static void Lock_that_does_not_reach_its_position_in_time_is_a_lock_fault()
        {
            var sense = new SimulatedDigitalInput();
            sense.Value = true;
            var lockActuator = new LockActuator("wheel", FaultCode.WheelLockFault, new SimulatedDigitalOutput(), sense, 2000);
            lockActuator.Update(0);
            lockActuator.Command(false, 1000);
            AssertState(LockState.Unlocking, lockActuator.Update(3000), "exactly 2000 ms is still in time");
            AssertState(LockState.Fault, lockActuator.Update(3001), "more than 2000 ms");
            Assert.AreEqual((int)FaultCode.WheelLockFault, (int)lockActuator.FaultCode);
        }

        [TestMethod]
        public static void Lock_that_leaves_its_position_without_a_command_is_a_lock_fault()
        {
            var sense = new SimulatedDigitalInput();
            sense.Value = true;
            var lockActuator = new LockActuator("cable", FaultCode.CableLockFault, new SimulatedDigitalOutput(), sense, 2000);
            AssertState(LockState.Locked, lockActuator.Update(0), "held");
            sense.Value = false;
            AssertState(LockState.Fault, lockActuator.Update(100), "does not hold");
        }

        [TestMethod]
        public static void A_fault_is_sticky_until_a_later_command_succeeds()
        {
            var sense = new SimulatedDigitalInput();
            sense.Value = true;
            var lockActuator = new LockActuator("wheel", FaultCode.WheelLockFault, new SimulatedDigitalOutput(), sense, 2000);
            lockActuator.Update(0);
            sense.Value = false;
            lockActuator.Update(100);
            sense.Value = true;
            AssertState(LockState.Fault, lockActuator.Update(200), "coming back by itself does not clear it");
            lockActuator.Command(true, 300);
            AssertState(LockState.Locked, lockActuator.Update(400), "a command that reaches its position clears it");
        }

        [TestMethod]
        public static void A_late_arrival_after_a_timeout_does_not_clear_the_fault()
        {
            var sense = new SimulatedDigitalInput();
            var lockActuator = new LockActuator("wheel", FaultCode.WheelLockFault, new SimulatedDigitalOutput(), sense, 2000);
            lockActuator.Command(true, 0);
            AssertState(LockState.Fault, lockActuator.Update(2100), "never locked");
            sense.Value = true;
            AssertState(LockState.Fault, lockActuator.Update(2200), "late");
        }

        [TestMethod]
        public static void Refuses_missing_parts()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new LockActuator("wheel", FaultCode.WheelLockFault, null, new SimulatedDigitalInput(), 2000));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new LockActuator("wheel", FaultCode.WheelLockFault, new SimulatedDigitalOutput(), null, 2000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LockActuator("wheel", FaultCode.WheelLockFault, new SimulatedDigitalOutput(), new SimulatedDigitalInput(), 0));
        }

        private static string RefusedParameter(string name, bool withActuator, bool withSense, int travelTimeoutMs)
        {
            try
            {
                new LockActuator(name, FaultCode.WheelLockFault, withActuator ? new SimulatedDigitalOutput() : null,
                    withSense ? new SimulatedDigitalInput() : null, travelTimeoutMs);
            }
            catch (ArgumentException e)
            {
                return e.ParamName;
            }

            return null;
        }

        [TestMethod]
        public static void Missing_parts_and_a_zero_travel_timeout_are_refused_by_parameter_name()
        {
            Assert.AreEqual("name", RefusedParameter(null, true, true, 2000));
            Assert.AreEqual("actuator", RefusedParameter("wheel", false, true, 2000));
            Assert.AreEqual("sense", RefusedParameter("wheel", true, false, 2000));
            Assert.AreEqual("travelTimeoutMs", RefusedParameter("wheel", true, true, 0));
            Assert.IsNull(RefusedParameter("wheel", true, true, 1));
        }

        [TestMethod]
        public static void Construction_de_energises_an_output_left_energised()
        {
            var output = new SimulatedDigitalOutput();
            output.Write(true);
            new LockActuator("wheel", FaultCode.WheelLockFault, output, new SimulatedDigitalInput(), 2000);
            Assert.IsFalse(output.IsEnergised);
        }

        [TestMethod]
        public static void A_lock_command_reads_Locking_at_once_and_while_the_sense_still_reads_unlocked()
        {
            var sense = new SimulatedDigitalInput();
            var lockActuator = new LockActuator("cable", FaultCode.CableLockFault, new SimulatedDigitalOutput(), sense, 2000);
            lockActuator.Command(false, 0);
            AssertState(LockState.Unlocked, lockActuator.Update(100), "sense at unlocked");
            lockActuator.Command(true, 200);
            AssertState(LockState.Locking, lockActuator.State, "just commanded");
            AssertState(LockState.Locking, lockActuator.Update(300), "sense still unlocked");
            sense.Value = true;
            AssertState(LockState.Locked, lockActuator.Update(400), "sense at locked");
            Assert.IsTrue(lockActuator.SenseLocked);
        }
    }
}
