using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Drivers.Config
{
    [TestClass]
    public class ConfigErrorsTests
    {
        [TestMethod]
        public static void Range_names_a_NaN_or_infinite_value_as_not_finite_and_nothing_else()
        {
            double[] bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };
            for (int i = 0; i < bad.Length; i++)
            {
                var errors = new ConfigErrors();
                errors.Range("a.b", bad[i], 0, 10, "A");
                Assert.AreEqual(1, errors.Count, "value #" + i.ToString() + ": " + errors.ToString());
                Assert.AreEqual("a.b: must be a finite number", errors[0]);
            }
        }

        [TestMethod]
        public static void Range_accepts_both_ends_and_names_a_value_outside()
        {
            var errors = new ConfigErrors();
            errors.Range("k", 0, 0, 10, "");
            errors.Range("k", 10, 0, 10, "");
            Assert.AreEqual(0, errors.Count, errors.ToString());
            errors.Range("low", -0.001, 0, 10, "");
            errors.Range("high", 10.001, 0, 10, "");
            Assert.AreEqual(2, errors.Count, errors.ToString());
            Assert.Contains("must be between", errors[0]);
            Assert.Contains("high:", errors[1]);
        }

        [TestMethod]
        public static void Range_with_a_bound_taken_from_an_invalid_key_leaves_the_report_to_that_key()
        {
            var errors = new ConfigErrors();
            errors.Range("biasMv", 1650, 0, double.NaN, "mV");
            errors.Range("biasMv", 1650, double.NegativeInfinity, 3300, "mV");
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void RequireFinite_says_whether_further_checks_may_follow()
        {
            var errors = new ConfigErrors();
            Assert.IsTrue(errors.RequireFinite("ok", 1.5));
            Assert.IsFalse(errors.RequireFinite("bad", double.NaN));
            Assert.AreEqual(1, errors.Count);
            Assert.AreEqual("bad: must be a finite number", errors[0]);
        }
    }
}
