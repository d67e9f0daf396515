using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Exact messages and edges of <see cref="CurrentConfig.Validate"/> (keys <c>safety.current.*</c>).</summary>
    [TestClass]
    public class CurrentConfigTests
    {
        private static ConfigErrors Validate(CurrentConfig current)
        {
            var errors = new ConfigErrors();
            current.Validate("safety.current", errors);
            return errors;
        }

        private static void AssertOnlyProblem(CurrentConfig current, string expected)
        {
            ConfigErrors errors = Validate(current);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [TestMethod]
        public static void A_negative_tolerance_percent_is_refused_with_its_range()
        {
            var current = new CurrentConfig();
            current.TolerancePercent = -1;
            AssertOnlyProblem(current, "safety.current.tolerancePercent: must be between 0 % and 100 %, is -1 %");
        }

        [TestMethod]
        public static void A_tolerance_of_0ms_is_refused_with_its_range()
        {
            var current = new CurrentConfig();
            current.ToleranceMs = 0;
            AssertOnlyProblem(current, "safety.current.toleranceMs: must be between 1 ms and 600000 ms, is 0 ms");
        }

        [TestMethod]
        public static void A_ceiling_above_300_percent_is_refused_with_its_range()
        {
            var current = new CurrentConfig();
            current.CeilingPercent = 301;
            AssertOnlyProblem(current, "safety.current.ceilingPercent: must be between 0 % and 300 %, is 301 %");
        }

        [TestMethod]
        public static void A_ceiling_at_the_tolerance_is_refused_naming_the_tolerance()
        {
            var current = new CurrentConfig();
            current.TolerancePercent = 20;
            current.CeilingPercent = 20;
            AssertOnlyProblem(current, "safety.current.ceilingPercent: must be above tolerancePercent (20 %)");
        }

        [TestMethod]
        public static void An_absolute_maximum_above_100A_is_refused_with_its_range()
        {
            var current = new CurrentConfig();
            current.AbsoluteMaxA = 101;
            AssertOnlyProblem(current, "safety.current.absoluteMaxA: must be between 1 A and 100 A, is 101 A");
        }

        [TestMethod]
        public static void A_reduction_grace_above_60000ms_is_refused_with_its_range()
        {
            var current = new CurrentConfig();
            current.ReductionGraceMs = 60001;
            AssertOnlyProblem(current, "safety.current.reductionGraceMs: must be between 0 ms and 60000 ms, is 60001 ms");
        }

        [DataRow(0, 1, 1, 1, 0)]
        [DataRow(100, 300, 600000, 100, 60000)]
        [TestMethod]
        public static void Values_at_their_range_edges_are_accepted(int tolerancePercent, int ceilingPercent, int toleranceMs, int absoluteMaxA, int reductionGraceMs)
        {
            var current = new CurrentConfig();
            current.TolerancePercent = tolerancePercent;
            current.CeilingPercent = ceilingPercent;
            current.ToleranceMs = toleranceMs;
            current.AbsoluteMaxA = absoluteMaxA;
            current.ReductionGraceMs = reductionGraceMs;
            ConfigErrors errors = Validate(current);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }
    }
}
