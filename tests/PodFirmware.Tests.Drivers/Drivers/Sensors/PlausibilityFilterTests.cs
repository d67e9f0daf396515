using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class PlausibilityFilterTests
    {
        [TestMethod]
        public static void Accepts_the_first_sample_whatever_it_is()
        {
            var filter = new PlausibilityFilter(5.0);
            Assert.AreEqual(80.0, filter.Filter(80.0));
            Assert.IsFalse(filter.IsHolding);
        }

        [TestMethod]
        public static void Passes_changes_up_to_maxStep_unchanged()
        {
            var filter = new PlausibilityFilter(5.0);
            filter.Filter(20.0);
            Assert.AreEqual(25.0, filter.Filter(25.0));
            Assert.AreEqual(20.0, filter.Filter(20.0));
        }

        [TestMethod]
        public static void Rejects_a_single_sample_spike()
        {
            var filter = new PlausibilityFilter(5.0);
            filter.Filter(20.0);

            Assert.AreEqual(20.0, filter.Filter(95.0), "the spike is held");
            Assert.IsTrue(filter.IsHolding);
            Assert.AreEqual(21.0, filter.Filter(21.0), "the next sample is back: the spike never reached the output");
            Assert.IsFalse(filter.IsHolding);
        }

        [TestMethod]
        public static void Delays_a_real_step_by_exactly_one_sample()
        {
            var filter = new PlausibilityFilter(5.0);
            filter.Filter(20.0);

            Assert.AreEqual(20.0, filter.Filter(60.0), "first sample of the step is held");
            Assert.AreEqual(60.0, filter.Filter(60.0), "confirmed by the next sample");
            Assert.AreEqual(61.0, filter.Filter(61.0), "and followed from then on");
        }

        [TestMethod]
        public static void Never_holds_two_samples_in_a_row_even_on_a_steep_ramp()
        {
            var filter = new PlausibilityFilter(5.0);
            double output = filter.Filter(0.0);
            for (int i = 1; i <= 20; i++)
            {
                double input = i * 10.0;
                output = filter.Filter(input);
                double lag = input - output;
                Assert.IsTrue(lag == 0.0 || lag == 10.0, "lag " + lag.ToString() + " at sample " + i.ToString());
            }

            Assert.AreEqual(200.0, filter.Filter(200.0), "caught up once the ramp stops");
        }

        [TestMethod]
        public static void Accepts_the_next_sample_as_it_is_after_a_reset()
        {
            var filter = new PlausibilityFilter(5.0);
            filter.Filter(20.0);
            filter.Reset();
            Assert.AreEqual(90.0, filter.Filter(90.0));
        }

        [DataRow(0.0)]
        [DataRow(-1.0)]
        [TestMethod]
        public static void Refuses_a_step_that_is_not_positive(double maxStep)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new PlausibilityFilter(maxStep));
        }
    }
}
