using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    /// <summary>The residual-current monitor twin: its fault output against the test input, the response time and the injected faults.</summary>
    [TestClass]
    public class SimulatedRcdTests
    {
        [TestMethod]
        public static void A_healthy_monitor_answers_its_test_input_after_the_response_time_and_releases_at_once()
        {
            var clock = new VirtualClock();
            var rcd = new SimulatedRcd(clock);
            rcd.ResponseMs = 30;
            Assert.IsFalse(rcd.FaultOutput.Read());
            rcd.Write(true);
            Assert.IsTrue(rcd.IsEnergised);
            clock.AdvanceMs(29);
            Assert.IsFalse(rcd.FaultOutput.Read(), "29 ms after the pulse");
            clock.AdvanceMs(1);
            Assert.IsTrue(rcd.FaultOutput.Read(), "30 ms after the pulse");
            rcd.Write(false);
            Assert.IsFalse(rcd.FaultOutput.Read());
            Assert.AreEqual(1, rcd.TestPulses);
        }

        [TestMethod]
        public static void A_leak_holds_the_output_and_a_dead_monitor_never_raises_it()
        {
            var clock = new VirtualClock();
            var rcd = new SimulatedRcd(clock);
            rcd.Fault = RcdFault.Fault;
            Assert.IsTrue(rcd.FaultOutput.Read());
            rcd.Fault = RcdFault.TestFails;
            rcd.Write(true);
            clock.AdvanceMs(10000);
            Assert.IsFalse(rcd.FaultOutput.Read());
        }

        [TestMethod]
        public static void Holding_the_test_input_counts_one_pulse_and_a_null_clock_is_refused()
        {
            var rcd = new SimulatedRcd(new VirtualClock());
            rcd.Write(true);
            rcd.Write(true);
            rcd.Write(false);
            rcd.Write(true);
            Assert.AreEqual(2, rcd.TestPulses);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SimulatedRcd(null));
        }
    }
}
