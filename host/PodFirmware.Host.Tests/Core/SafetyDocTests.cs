using System.IO;
using System.Reflection;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Core
{
    /// <summary>docs/safety.md must say what the code does: its catalogue table and its config keys.</summary>
    public class SafetyDocTests
    {
        private static string Doc() => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "safety.md"));

        [Fact]
        public void The_fault_catalogue_table_matches_the_catalogue_row_for_row()
        {
            string doc = Doc();
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                FaultInfo f = FaultCatalogue.At(i);
                string row = $"| {(int)f.Code} | {f.Name} | {f.OcppErrorCode} | {f.Severity} | {f.Description} | {f.Remedy} |";
                Assert.True(doc.Contains(row + "\n"), "docs/safety.md lacks or differs in the row:\n" + row);
            }

            int rows = 0;
            foreach (string line in doc.Split('\n'))
            {
                rows += line.StartsWith("| ") && char.IsDigit(line[2]) ? 1 : 0;
            }

            Assert.Equal(FaultCatalogue.Count, rows);
        }

        [Fact]
        public void Every_config_field_is_documented_by_its_dotted_key()
        {
            string doc = Doc();
            foreach (FieldInfo section in typeof(SafetyConfig).GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                string sectionKey = "safety." + Camel(section.Name);
                if (section.FieldType == typeof(string))
                {
                    Assert.Contains("`" + sectionKey + "`", doc);
                    continue;
                }

                foreach (FieldInfo field in section.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance))
                {
                    Assert.Contains("`" + sectionKey + "." + Camel(field.Name) + "`", doc);
                }
            }
        }

        private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}
