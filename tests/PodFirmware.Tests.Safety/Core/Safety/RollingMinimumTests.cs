using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class RollingMinimumTests
    {
        [TestMethod]
        public static void Is_NaN_while_empty()
        {
            var window = new RollingMinimum(60000, 12);
            Assert.IsTrue(double.IsNaN(window.Minimum(0)));
            Assert.AreEqual(5000L, window.BucketMs);
        }

        [TestMethod]
        public static void Gives_the_lowest_value_of_the_window()
        {
            var window = new RollingMinimum(60000, 12);
            window.Add(0, 50.0);
            window.Add(20000, 40.0);
            window.Add(40000, 45.0);
            Assert.AreEqual(40.0, window.Minimum(40000));
        }

        [TestMethod]
        public static void Keeps_a_lower_value_that_arrives_later_in_the_same_bucket()
        {
            var window = new RollingMinimum(60000, 12);
            window.Add(5000, 72.0);
            window.Add(5100, 71.0);
            window.Add(9900, 76.0);
            Assert.AreEqual(71.0, window.Minimum(9900), "a dip and rise inside one 5 s bucket");
        }

        [TestMethod]
        public static void Forgets_values_older_than_the_window_and_never_looks_further_back()
        {
            var window = new RollingMinimum(60000, 12);
            window.Add(0, 10.0);
            window.Add(30000, 20.0);
            Assert.AreEqual(10.0, window.Minimum(59999));
            Assert.AreEqual(20.0, window.Minimum(60000), "the bucket of t=0 is 60 s old");
            Assert.IsTrue(double.IsNaN(window.Minimum(90000)));
        }

        [TestMethod]
        public static void Clear_forgets_everything()
        {
            var window = new RollingMinimum(60000, 12);
            window.Add(1000, 10.0);
            window.Clear();
            Assert.IsTrue(double.IsNaN(window.Minimum(1000)));
        }
    }
}
