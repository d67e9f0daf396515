using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Control
{
    [TestClass]
    public class SafeOutputsTests
    {
        private sealed class BrokenOutput : IDigitalOutput
        {
            public int Writes;

            public bool IsEnergised
            {
                get { return true; }
            }

            public void Write(bool energised)
            {
                Writes++;
                throw new InvalidOperationException("driver gone");
            }
        }

        private sealed class CountingOutput : IDigitalOutput
        {
            public int OffWrites;

            public bool IsEnergised { get; private set; }

            public void Write(bool energised)
            {
                IsEnergised = energised;
                OffWrites += energised ? 0 : 1;
            }
        }

        [TestMethod]
        public static void Apply_opens_the_relay_and_de_energises_every_lock()
        {
            var relay = new SimulatedDigitalOutput();
            var wheel = new SimulatedDigitalOutput();
            var cable = new SimulatedDigitalOutput();
            relay.Write(true);
            wheel.Write(true);
            cable.Write(true);

            new SafeOutputs(relay, new IDigitalOutput[] { wheel, cable }).Apply();

            Assert.IsFalse(relay.IsEnergised);
            Assert.IsFalse(wheel.IsEnergised);
            Assert.IsFalse(cable.IsEnergised);
        }

        [TestMethod]
        public static void Apply_drives_the_control_pilot_to_state_F()
        {
            var relay = new SimulatedDigitalOutput();
            var pilot = new SimulatedPwmOutput();
            pilot.WriteDutyPermille(266);
            var safe = new SafeOutputs(relay, null);
            safe.Pilot = pilot;

            safe.Apply();

            Assert.AreEqual(0, pilot.DutyPermille);
            Assert.AreEqual(0, safe.FailedWrites);
        }

        [TestMethod]
        public static void A_throwing_output_neither_escapes_nor_keeps_the_others_from_being_written()
        {
            var relay = new BrokenOutput();
            var wheel = new BrokenOutput();
            var cable = new SimulatedDigitalOutput();
            cable.Write(true);
            var safe = new SafeOutputs(relay, new IDigitalOutput[] { wheel, cable });

            safe.Apply();

            Assert.IsFalse(cable.IsEnergised);
            Assert.AreEqual(1, wheel.Writes);
            Assert.AreEqual(2, safe.FailedWrites);
        }

        [TestMethod]
        public static void Outputs_not_opened_yet_are_skipped_and_picked_up_once_filled_in()
        {
            var locks = new IDigitalOutput[2];
            var safe = new SafeOutputs(null, locks);
            safe.Apply();

            var wheel = new SimulatedDigitalOutput();
            wheel.Write(true);
            locks[0] = wheel;
            safe.Apply();

            Assert.IsFalse(wheel.IsEnergised);
            Assert.AreEqual(0, safe.FailedWrites);
            new SafeOutputs(null, null).Apply();
        }

        [TestMethod]
        public static void HoldForever_rewrites_the_safe_state_every_hold_period()
        {
            var clock = new VirtualClock();
            var pause = new VirtualPause(clock);
            var relay = new CountingOutput();
            var safe = new SafeOutputs(relay, null);
            pause.StopAfter(4);

            Assert.ThrowsException(typeof(VirtualPause.Stop), () => safe.HoldForever(pause));

            Assert.AreEqual(4, relay.OffWrites, "one rewrite before each pause");
            Assert.AreEqual(4, pause.Count);
            Assert.AreEqual(SafeOutputs.HoldPeriodMs, pause.LastMs);
            Assert.AreEqual(3L * SafeOutputs.HoldPeriodMs, clock.MonotonicMs);
            Assert.ThrowsException(typeof(ArgumentNullException), () => safe.HoldForever(null));
        }
    }
}
