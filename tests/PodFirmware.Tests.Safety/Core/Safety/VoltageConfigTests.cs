using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Exact messages and edges of <see cref="VoltageConfig.Validate"/> (keys <c>safety.voltage.*</c>).</summary>
    [TestClass]
    public class VoltageConfigTests
    {
        private static ConfigErrors Validate(VoltageConfig voltage)
        {
            var errors = new ConfigErrors();
            voltage.Validate("safety.voltage", errors);
            return errors;
        }

        private static void AssertOnlyProblem(VoltageConfig voltage, string expected)
        {
            ConfigErrors errors = Validate(voltage);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(expected, errors[0]);
        }

        [TestMethod]
        public static void An_over_limit_below_200V_is_refused_with_its_range()
        {
            var voltage = new VoltageConfig();
            voltage.OverLimitV = 199;
            voltage.UnderLimitV = 190;
            AssertOnlyProblem(voltage, "safety.voltage.overLimitV: must be between 200 V and 300 V, is 199 V");
        }

        [TestMethod]
        public static void An_over_tolerance_of_0ms_is_refused_with_its_range()
        {
            var voltage = new VoltageConfig();
            voltage.OverToleranceMs = 0;
            AssertOnlyProblem(voltage, "safety.voltage.overToleranceMs: must be between 1 ms and 600000 ms, is 0 ms");
        }

        [TestMethod]
        public static void An_under_limit_below_150V_is_refused_with_its_range()
        {
            var voltage = new VoltageConfig();
            voltage.UnderLimitV = 149;
            AssertOnlyProblem(voltage, "safety.voltage.underLimitV: must be between 150 V and 250 V, is 149 V");
        }

        [TestMethod]
        public static void An_under_tolerance_above_600000ms_is_refused_with_its_range()
        {
            var voltage = new VoltageConfig();
            voltage.UnderToleranceMs = 600001;
            AssertOnlyProblem(voltage, "safety.voltage.underToleranceMs: must be between 1 ms and 600000 ms, is 600001 ms");
        }

        [TestMethod]
        public static void An_under_limit_at_the_over_limit_is_refused_naming_the_over_limit()
        {
            var voltage = new VoltageConfig();
            voltage.OverLimitV = 240;
            voltage.UnderLimitV = 240;
            AssertOnlyProblem(voltage, "safety.voltage.underLimitV: must be below overLimitV (240 V)");
        }

        [DataRow(150, 200, 1)]
        [DataRow(250, 300, 600000)]
        [TestMethod]
        public static void Limits_and_tolerances_at_their_range_edges_are_accepted(int underLimitV, int overLimitV, int toleranceMs)
        {
            var voltage = new VoltageConfig();
            voltage.UnderLimitV = underLimitV;
            voltage.OverLimitV = overLimitV;
            voltage.UnderToleranceMs = toleranceMs;
            voltage.OverToleranceMs = toleranceMs;
            ConfigErrors errors = Validate(voltage);
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }
    }
}
