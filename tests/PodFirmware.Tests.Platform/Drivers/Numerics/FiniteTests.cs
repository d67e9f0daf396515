using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Drivers.Numerics
{
    /// <summary>
    /// The comparison helper gives the .NET answer on both runtimes. On nanoCLR a raw NaN comparison says true and
    /// +inf equals -inf, so these tests fail there if the helper ever reaches a raw operator with such an operand.
    /// </summary>
    [TestClass]
    public class FiniteTests
    {
        private static readonly double[] NotFinite = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        [TestMethod]
        public static void IsFinite_is_false_only_for_NaN_and_the_infinities()
        {
            Assert.IsTrue(Finite.IsFinite(0.0));
            Assert.IsTrue(Finite.IsFinite(-1e300));
            Assert.IsTrue(Finite.IsFinite(double.MaxValue));
            Assert.IsTrue(Finite.IsFinite(double.MinValue));
            for (int i = 0; i < NotFinite.Length; i++)
            {
                Assert.IsFalse(Finite.IsFinite(NotFinite[i]), "value #" + i.ToString());
            }
        }

        [TestMethod]
        public static void Every_comparison_with_NaN_is_false_in_both_orders()
        {
            double nan = double.NaN;
            double[] others = { 1.0, -1.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN };
            for (int i = 0; i < others.Length; i++)
            {
                string what = "NaN against #" + i.ToString();
                Assert.IsFalse(Finite.Above(nan, others[i]), what + ": Above");
                Assert.IsFalse(Finite.AtLeast(nan, others[i]), what + ": AtLeast");
                Assert.IsFalse(Finite.Below(nan, others[i]), what + ": Below");
                Assert.IsFalse(Finite.AtMost(nan, others[i]), what + ": AtMost");
                Assert.IsFalse(Finite.Above(others[i], nan), what + ": Above, swapped");
                Assert.IsFalse(Finite.AtLeast(others[i], nan), what + ": AtLeast, swapped");
                Assert.IsFalse(Finite.Below(others[i], nan), what + ": Below, swapped");
                Assert.IsFalse(Finite.AtMost(others[i], nan), what + ": AtMost, swapped");
                Assert.IsFalse(Finite.Within(nan, -1e9, 1e9), what + ": Within");
            }
        }

        [TestMethod]
        public static void Finite_numbers_compare_as_usual_with_strict_and_inclusive_ends()
        {
            Assert.IsTrue(Finite.Above(70.1, 70.0));
            Assert.IsFalse(Finite.Above(70.0, 70.0));
            Assert.IsTrue(Finite.AtLeast(70.0, 70.0));
            Assert.IsFalse(Finite.AtLeast(69.9, 70.0));
            Assert.IsTrue(Finite.Below(-0.1, 0.0));
            Assert.IsFalse(Finite.Below(0.0, 0.0));
            Assert.IsTrue(Finite.AtMost(0.0, 0.0));
            Assert.IsTrue(Finite.AtMost(-0.0, 0.0));
            Assert.IsFalse(Finite.AtMost(0.1, 0.0));
            Assert.IsTrue(Finite.Within(5.0, 5.0, 6.0));
            Assert.IsTrue(Finite.Within(6.0, 5.0, 6.0));
            Assert.IsFalse(Finite.Within(6.01, 5.0, 6.0));
        }

        [TestMethod]
        public static void Infinities_order_beyond_every_finite_number_and_apart_from_each_other()
        {
            double plus = double.PositiveInfinity;
            double minus = double.NegativeInfinity;
            Assert.IsTrue(Finite.Above(plus, double.MaxValue));
            Assert.IsTrue(Finite.Below(minus, double.MinValue));
            Assert.IsTrue(Finite.Above(plus, minus), "+inf > -inf (nanoCLR's raw compare says they are equal)");
            Assert.IsFalse(Finite.AtMost(plus, minus));
            Assert.IsTrue(Finite.Below(minus, plus));
            Assert.IsFalse(Finite.AtLeast(minus, plus));
            Assert.IsTrue(Finite.AtLeast(plus, plus));
            Assert.IsTrue(Finite.AtMost(minus, minus));
            Assert.IsFalse(Finite.Above(plus, plus));
            Assert.IsFalse(Finite.Within(plus, minus, plus), "an infinity is never within a range");
            Assert.IsFalse(Finite.Within(minus, minus, plus));
        }

        [TestMethod]
        public static void Min_and_Max_pass_NaN_on_and_order_infinities()
        {
            Assert.IsTrue(double.IsNaN(Finite.Min(double.NaN, 1.0)));
            Assert.IsTrue(double.IsNaN(Finite.Min(1.0, double.NaN)));
            Assert.IsTrue(double.IsNaN(Finite.Max(double.NaN, 1.0)));
            Assert.IsTrue(double.IsNaN(Finite.Max(1.0, double.NaN)));
            Assert.AreEqual(24.0, Finite.Min(24.0, 40.0));
            Assert.AreEqual(40.0, Finite.Min(48.0, 40.0));
            Assert.AreEqual(48.0, Finite.Max(48.0, 40.0));
            Assert.IsTrue(double.IsNegativeInfinity(Finite.Min(double.PositiveInfinity, double.NegativeInfinity)));
            Assert.IsTrue(double.IsPositiveInfinity(Finite.Max(double.NegativeInfinity, double.PositiveInfinity)));
            Assert.AreEqual(40.0, Finite.Min(double.PositiveInfinity, 40.0));
        }
    }
}
