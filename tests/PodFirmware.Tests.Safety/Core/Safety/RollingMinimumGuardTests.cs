using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>The constructor's guard: at least 2 buckets of at least 1 ms.</summary>
    [TestClass]
    public class RollingMinimumGuardTests
    {
        [DataRow(2, 2)]
        [DataRow(3, 3)]
        [TestMethod]
        public static void Two_or_more_buckets_of_1ms_are_accepted(int windowMs, int bucketCount)
        {
            var window = new RollingMinimum(windowMs, bucketCount);
            Assert.AreEqual(1L, window.BucketMs);
        }

        [DataRow(10, 1)]
        [DataRow(1, 2)]
        [TestMethod]
        public static void One_bucket_or_buckets_shorter_than_1ms_are_refused_naming_bucketCount(int windowMs, int bucketCount)
        {
            ArgumentOutOfRangeException thrown = null;
            try
            {
                new RollingMinimum(windowMs, bucketCount);
            }
            catch (ArgumentOutOfRangeException e)
            {
                thrown = e;
            }

            Assert.IsNotNull(thrown, "no ArgumentOutOfRangeException");
            Assert.AreEqual("bucketCount", thrown.ParamName);
            Assert.Contains("at least 2 buckets of at least 1 ms", thrown.Message);
        }
    }
}
