using System;
using System.Linq;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// No portable code compares floating-point values with raw operators (they answer differently for NaN on nanoCLR);
    /// everything goes through PodFirmware.Drivers.Numerics.Finite. See <see cref="FloatComparisonCheck"/>.
    /// </summary>
    public class FloatComparisonTests
    {
        private const string PlantedRule = @"namespace Planted
{
    public sealed class PlantedThermalRule
    {
        public bool Evaluate(double temperatureC, double limitC)
        {
            if (temperatureC > limitC)
            {
                return true;
            }

            return false;
        }

        public bool Widened(double temperatureC, int limitC) => temperatureC >= limitC;

        public bool Pattern(double temperatureC) => temperatureC is < 5.0;

        public bool Picked(double a, double b) => System.Math.Max(a, b) == a;

        public bool Integers(int a, int b) => a < b;

        public bool Guarded(double temperatureC, double limitC) => PodFirmware.Drivers.Numerics.Finite.Above(temperatureC, limitC);
    }
}

namespace PodFirmware.Drivers.Numerics
{
    public static class Finite
    {
        public static bool Above(double value, double limit) => !double.IsNaN(value) && !double.IsNaN(limit) && value > limit;
    }
}
";

        private static string[] PlantedReport() =>
            FloatComparisonCheck.Check(new[] { ("Planted/PlantedThermalRule.cs", PlantedRule) }).Select(f => f.ToString()).ToArray();

        [Fact]
        public void The_portable_sources_compare_floating_point_values_only_through_Finite()
        {
            var findings = FloatComparisonCheck.CheckRepository(RepoPaths.Root);
            Assert.True(findings.Count == 0, findings.Count + " unguarded floating-point comparisons (use PodFirmware.Drivers.Numerics.Finite):\n" + string.Join("\n", findings));
        }

        [Fact]
        public void The_check_reads_every_portable_folder()
        {
            Assert.Contains("PodFirmware", FloatComparisonCheck.PortableFolders(RepoPaths.Root));
            Assert.Contains("PodFirmware.Drivers", FloatComparisonCheck.PortableFolders(RepoPaths.Root));
            Assert.Contains("PodFirmware.SerialConsole", FloatComparisonCheck.PortableFolders(RepoPaths.Root));
            var files = FloatComparisonCheck.PortableSourceFiles(RepoPaths.Root);
            Assert.Contains("PodFirmware/Core/Safety/ThermalRule.cs", files);
            Assert.Contains("PodFirmware.Drivers/Config/ConfigErrors.cs", files);
            Assert.Contains("tests/PodFirmware.Tests.Safety/Core/Safety/ThermalRuleTests.cs", files);
            Assert.DoesNotContain(files, f => f.Contains("/Device/", StringComparison.Ordinal));
        }

        [Fact]
        public void Names_a_planted_raw_comparison_in_a_rule_with_file_and_line()
        {
            Assert.Contains("Planted/PlantedThermalRule.cs:7: raw floating-point comparison: temperatureC > limitC", PlantedReport());
        }

        [Fact]
        public void Names_an_int_limit_widened_to_double()
        {
            Assert.Contains("Planted/PlantedThermalRule.cs:15: raw floating-point comparison: temperatureC >= limitC", PlantedReport());
        }

        [Fact]
        public void Names_a_relational_pattern_and_a_Math_Max_on_doubles()
        {
            Assert.Contains("Planted/PlantedThermalRule.cs:17: floating-point relational pattern: < 5.0", PlantedReport());
            Assert.Contains(PlantedReport(), line => line.StartsWith("Planted/PlantedThermalRule.cs:19: floating-point Max", StringComparison.Ordinal));
        }

        [Fact]
        public void Leaves_integer_comparisons_and_the_allow_listed_helper_alone()
        {
            Assert.Equal(4, PlantedReport().Length);
        }
    }
}
