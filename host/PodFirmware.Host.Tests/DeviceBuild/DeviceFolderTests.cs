using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>
    /// Nothing compiles or runs <c>PodFirmware/Device/</c> on the host, so it must stay thin: only calls into
    /// nanoFramework APIs, every decision in portable, tested code. Its size is the signal that a decision crept back in.
    /// </summary>
    public class DeviceFolderTests
    {
        /// <summary>
        /// Lines allowed in all of <c>PodFirmware/Device/*.cs</c> together: 800 held the adapters up to the control pilot and the smoke / gas
        /// detector; a new adapter raises it by its own size only (the MFRC522 card reader: 41 lines of calls into the binding, no decision).
        /// </summary>
        public const int MaxDeviceLines = 841;

        private static string DeviceFolder => Path.Combine(RepoPaths.Root, "PodFirmware", "Device");

        /// <summary>Lines per file as <c>wc -l</c> counts them (newline characters).</summary>
        public static SortedDictionary<string, int> LineCounts(string folder)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                counts[Path.GetRelativePath(folder, file).Replace('\\', '/')] = File.ReadAllText(file).Count(c => c == '\n');
            }

            return counts;
        }

        /// <summary>The problem with a device folder of these files, or null when it is within <paramref name="maxLines"/>.</summary>
        public static string CheckSize(IDictionary<string, int> counts, int maxLines)
        {
            int total = counts.Values.Sum();
            return total <= maxLines
                ? null
                : "PodFirmware/Device/ has " + total + " lines, above " + maxLines + ": move the decisions into portable, tested code (" +
                  string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => c.Key + " " + c.Value)) + ")";
        }

        [Fact]
        public void The_device_only_folder_stays_under_its_line_budget()
        {
            Assert.Null(CheckSize(LineCounts(DeviceFolder), MaxDeviceLines));
        }

        [Fact]
        public void A_device_folder_above_the_budget_is_refused_naming_its_biggest_files()
        {
            var planted = new Dictionary<string, int> { ["Program.cs"] = 789, ["M2MqttLink.cs"] = 1043, ["GpioLine.cs"] = 38 };
            string problem = CheckSize(planted, MaxDeviceLines);
            Assert.NotNull(problem);
            Assert.Contains("1870 lines, above " + MaxDeviceLines, problem);
            Assert.StartsWith("PodFirmware/Device/ has", problem);
            Assert.Contains("(M2MqttLink.cs 1043, Program.cs 789, GpioLine.cs 38)", problem);
        }

        [Fact]
        public void The_architecture_page_lists_every_device_file_with_its_line_count_and_the_total()
        {
            string page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
            SortedDictionary<string, int> counts = LineCounts(DeviceFolder);
            foreach (KeyValuePair<string, int> file in counts)
            {
                Assert.Matches(new Regex(@"^\| `" + Regex.Escape(file.Key) + @"` \| " + file.Value + @" \|", RegexOptions.Multiline), page);
            }

            Assert.Equal(counts.Count, Regex.Matches(page, @"^\| `[A-Za-z0-9]+\.cs` \| [0-9]+ \|", RegexOptions.Multiline).Count);
            Assert.Contains("only calls into nanoFramework APIs, " + counts.Values.Sum() + " lines in all", page);
        }
    }
}
