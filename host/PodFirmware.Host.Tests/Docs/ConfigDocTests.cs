using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using PodFirmware.Core.Config;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Docs
{
    /// <summary>
    /// docs/config.md must say what the loader accepts: every key of <see cref="PodConfig"/> has a table row, every
    /// table row names a real key, and the example pod.json loads.
    /// </summary>
    public class ConfigDocTests
    {
        // Set only with safety.cableProfile "custom"; the example uses the default "pvc" profile, which rejects them.
        private static readonly string[] CustomProfileOnly =
        {
            "safety.thermal.limitC", "safety.thermal.ceilingC", "safety.thermal.toleranceMs",
        };

        private static string DocPath => Path.Combine(RepoPaths.Root, "docs", "config.md");

        private static string Doc() => File.ReadAllText(DocPath).Replace("\r\n", "\n");

        /// <summary>
        /// Every JSON key path of <see cref="PodConfig"/> as the host loader names it: public instance fields in camelCase,
        /// recursing into config section classes; strings, numbers, booleans, enums and arrays are leaves.
        /// </summary>
        public static SortedSet<string> ConfigKeyPaths()
        {
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            Walk(typeof(PodConfig), "", keys);
            return keys;
        }

        /// <summary>The key path in the first cell of each table row of <paramref name="doc"/> whose first cell is a code span.</summary>
        public static List<string> TableKeys(string doc)
        {
            var keys = new List<string>();
            foreach (string line in doc.Split('\n'))
            {
                Match m = Regex.Match(line, @"^\|\s*`([^`]+)`\s*\|");
                if (m.Success)
                {
                    keys.Add(m.Groups[1].Value);
                }
            }

            return keys;
        }

        /// <summary>The one fenced block of <paramref name="doc"/> tagged <c>json</c>.</summary>
        public static string ExampleJson(string doc)
        {
            MatchCollection blocks = Regex.Matches(doc, @"^```json[ \t]*\n(.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(blocks.Count == 1, "docs/config.md must hold exactly one ```json block (the example pod.json), holds " + blocks.Count);
            return blocks[0].Groups[1].Value;
        }

        [Fact]
        public void The_walk_finds_nested_sections_and_array_leaves()
        {
            // Guards the walker itself: if it stopped recursing or treated arrays as sections, both drift checks would go blind.
            SortedSet<string> keys = ConfigKeyPaths();
            Assert.Contains("podId", keys);
            Assert.Contains("safety.thermal.hysteresisC", keys);
            Assert.Contains("sensors.current.burst.samplesPerCycle", keys);
            Assert.Contains("position.geofence.pointsLatLonDeg", keys);
            Assert.Contains("locks.moveAccounts", keys);
            Assert.DoesNotContain("safety", keys);
            Assert.DoesNotContain(keys, k => k.StartsWith("locks.moveAccounts.", StringComparison.Ordinal));
            Assert.True(keys.Count > 100, "expected well over 100 keys, found " + keys.Count);
        }

        [Fact]
        public void Every_config_key_has_a_row_in_docs_config_md()
        {
            var documented = new HashSet<string>(TableKeys(Doc()), StringComparer.Ordinal);
            string[] missing = ConfigKeyPaths().Where(k => !documented.Contains(k)).ToArray();
            Assert.True(missing.Length == 0, "docs/config.md has no table row for:\n  " + string.Join("\n  ", missing));
        }

        [Fact]
        public void Every_row_of_docs_config_md_names_a_real_key_once()
        {
            SortedSet<string> keys = ConfigKeyPaths();
            List<string> rows = TableKeys(Doc());
            string[] unknown = rows.Where(k => !keys.Contains(k)).ToArray();
            Assert.True(unknown.Length == 0, "docs/config.md lists keys PodConfig does not have:\n  " + string.Join("\n  ", unknown));
            string[] twice = rows.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(twice.Length == 0, "docs/config.md lists keys twice:\n  " + string.Join("\n  ", twice));
        }

        [Fact]
        public void The_example_pod_json_loads_and_sets_every_key()
        {
            string json = ExampleJson(Doc());
            PodConfig config = ConfigFile.Parse(json, "docs/config.md example");
            Assert.False(string.IsNullOrEmpty(config.PodId));

            // Complete means a technician can start from it: every key is spelled out, except the custom-profile ones.
            var present = new SortedSet<string>(StringComparer.Ordinal);
            using (var document = System.Text.Json.JsonDocument.Parse(json))
            {
                Collect(document.RootElement, "", present);
            }

            string[] absent = ConfigKeyPaths().Where(k => !present.Contains(k) && Array.IndexOf(CustomProfileOnly, k) < 0).ToArray();
            Assert.True(absent.Length == 0, "the example pod.json in docs/config.md leaves out:\n  " + string.Join("\n  ", absent));
        }

        private static void Walk(Type type, string prefix, SortedSet<string> keys)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                string key = prefix + char.ToLowerInvariant(field.Name[0]) + field.Name.Substring(1);
                if (IsSection(field.FieldType))
                {
                    Walk(field.FieldType, key + ".", keys);
                }
                else
                {
                    keys.Add(key);
                }
            }
        }

        // A config section: one of the project's own classes; strings, arrays, enums and primitives are values.
        private static bool IsSection(Type type) =>
            type.IsClass && !type.IsArray && type != typeof(string) && (type.Namespace ?? "").StartsWith("PodFirmware", StringComparison.Ordinal);

        private static void Collect(System.Text.Json.JsonElement element, string prefix, SortedSet<string> keys)
        {
            foreach (System.Text.Json.JsonProperty property in element.EnumerateObject())
            {
                string key = prefix + property.Name;
                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    Collect(property.Value, key + ".", keys);
                }
                else
                {
                    keys.Add(key);
                }
            }
        }
    }
}
