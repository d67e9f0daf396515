using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Pilot;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Pilot
{
    /// <summary>The edges of the CP burst reader's settings and of the CP and PP dividers' conversions.</summary>
    [TestClass]
    public class PilotDividerEdgeTests
    {
        private static IAnalogChannel Channel()
        {
            return new SimulatedEv(new VirtualClock(), new SimulatedPwmOutput()).CpChannel;
        }

        private static string ParamOf(int samples, int periodUs)
        {
            try
            {
                new CpBurstReader(Channel(), samples, periodUs);
                return "accepted";
            }
            catch (ArgumentOutOfRangeException ex)
            {
                return ex.ParamName;
            }
        }

        [TestMethod]
        public static void The_burst_reader_needs_a_channel_two_samples_and_a_positive_spacing_and_names_what_is_wrong()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new CpBurstReader(null, 44, 50));
            Assert.AreEqual("samples", ParamOf(1, 50));
            Assert.AreEqual("samplePeriodUs", ParamOf(2, 0));
            Assert.AreEqual("samplePeriodUs", ParamOf(44, -1));
            Assert.AreEqual("accepted", ParamOf(2, 1));
        }

        [TestMethod]
        public static void Cp_levels_below_the_range_or_not_finite_give_zero_counts_and_above_it_full_scale()
        {
            Assert.AreEqual(0, CpDivider.Counts(-100.0, 4095));
            Assert.AreEqual(0, CpDivider.Counts(double.NaN, 4095));
            Assert.AreEqual(4095, CpDivider.Counts(100.0, 4095));
            Assert.AreEqual(0, CpDivider.Counts(double.PositiveInfinity, 4095));
        }

        [TestMethod]
        public static void Pp_reads_open_at_full_scale_and_above_and_zero_ohms_at_zero_counts_and_below()
        {
            Assert.IsTrue(double.IsPositiveInfinity(PpDivider.Ohms(4095, 4095)), "full scale is open");
            Assert.IsTrue(double.IsPositiveInfinity(PpDivider.Ohms(5000, 4095)), "above full scale is open");
            Assert.IsTrue(Finite.AtMost(PpDivider.Ohms(-5, 4095), 0.0) && Finite.AtLeast(PpDivider.Ohms(-5, 4095), 0.0), "negative counts are 0 ohm");
            Assert.AreEqual(0, PpDivider.Counts(-100.0, 4095));
            Assert.AreEqual(0, PpDivider.Counts(0.0, 4095));
        }
    }
}
