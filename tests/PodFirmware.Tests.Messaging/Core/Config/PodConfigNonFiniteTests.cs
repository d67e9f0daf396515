using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Config
{
    /// <summary>NaN and infinities in the root config keys and in scenario numbers are refused by name.</summary>
    [TestClass]
    public class PodConfigNonFiniteTests
    {
        private static readonly double[] Bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        [TestMethod]
        public static void A_non_finite_rated_current_is_named()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var config = new PodConfig();
                config.RatedCurrentA = Bad[i];
                ConfigErrors errors = config.Validate();
                Assert.Contains("ratedCurrentA: must be a finite number\n", errors.ToString(), "value #" + i.ToString());
                Assert.DoesNotContains("ratedCurrentA: must be between", errors.ToString());
            }
        }

        [TestMethod]
        public static void A_scenario_value_or_position_that_is_not_a_finite_number_is_refused()
        {
            string[] lines = { "0 temp_c NaN", "0 current_a Infinity", "0 voltage_v -Infinity", "0 position NaN 8.5", "0 position 47.3 Infinity" };
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                Assert.ThrowsException(typeof(ScenarioException), () => ScenarioParser.Parse(line), line);
            }
        }
    }
}
