using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CliCommand = System.CommandLine.Command;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// <c>pod-host mutation-report</c>, the last step of <c>./pod mutate</c>: reads Stryker.NET's JSON report
    /// (mutation-testing-report-schema) and prints, in plain text, the mutation score, the counts per status,
    /// a score per file, and every undetected mutant (survived or not covered) as
    /// <c>file:line:column  status  mutator  replacement</c>, marking those the reviewed list of accepted
    /// survivors (docs/mutation-survivors.tsv) explains. Thread-safe: stateless.
    /// </summary>
    /// <remarks>
    /// The score is Stryker's: detected (killed + timeout) over detected plus undetected (survived + no
    /// coverage), in percent; compile errors, runtime errors and ignored mutants do not count.
    /// </remarks>
    public static class MutationReportVerb
    {
        /// <summary>Builds the <c>mutation-report</c> verb.</summary>
        public static CliCommand Create()
        {
            var report = new Argument<string>("report") { Description = "Stryker's mutation-report.json." };
            var accepted = new Option<string>("--accepted") { Description = "The reviewed accepted survivors (tab-separated; default docs/mutation-survivors.tsv)." };
            var mutate = new Option<string[]>("--mutate") { Description = "A repository-relative glob of the mutated files (repeatable): only accepted entries of matching files can be stale." };
            var command = new CliCommand("mutation-report", "Print the score and the surviving mutants of a Stryker JSON report (the end of ./pod mutate).");
            command.Arguments.Add(report);
            command.Options.Add(accepted);
            command.Options.Add(mutate);
            command.SetAction(parse =>
            {
                string repo = Program.RepoRoot();
                string acceptedPath = parse.GetValue(accepted) ?? Path.Combine(repo, "docs", "mutation-survivors.tsv");
                string[] acceptedLines = File.Exists(acceptedPath) ? File.ReadAllLines(acceptedPath) : Array.Empty<string>();
                Summary summary = Summarize(File.ReadAllText(parse.GetValue(report)), repo, acceptedLines, parse.GetValue(mutate));
                summary.Write(parse.InvocationConfiguration.Output);
                return 0;
            });
            return command;
        }

        /// <summary>One undetected mutant, as printed.</summary>
        public sealed class Undetected
        {
            /// <summary>Repository-relative path with forward slashes.</summary>
            public string File { get; init; }

            /// <summary>1-based line of the mutated code.</summary>
            public int Line { get; init; }

            /// <summary>1-based column of the mutated code.</summary>
            public int Column { get; init; }

            /// <summary><c>Survived</c> or <c>NoCoverage</c>.</summary>
            public string Status { get; init; }

            /// <summary>Stryker's mutator name, e.g. <c>Equality mutation</c>.</summary>
            public string Mutator { get; init; }

            /// <summary>The replacement code, whitespace runs collapsed to one space.</summary>
            public string Replacement { get; init; }

            /// <summary>Why it is accepted, from the accepted list; null when it is not listed.</summary>
            public string AcceptedBecause { get; set; }
        }

        /// <summary>Counts and undetected mutants of one report.</summary>
        public sealed class Summary
        {
            /// <summary>Mutants per Stryker status (Killed, Timeout, Survived, NoCoverage, CompileError, Ignored, ...).</summary>
            public SortedDictionary<string, int> Counts { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

            /// <summary>Per repository-relative file: detected and undetected mutant counts.</summary>
            public SortedDictionary<string, int[]> PerFile { get; } = new SortedDictionary<string, int[]>(StringComparer.Ordinal);

            /// <summary>Survived and not-covered mutants, by file, line, column.</summary>
            public List<Undetected> Undetected { get; } = new List<Undetected>();

            /// <summary>Accepted-list lines that matched no undetected mutant (fixed, or the line moved).</summary>
            public List<string> StaleAccepted { get; } = new List<string>();

            /// <summary>Killed plus timed-out mutants.</summary>
            public int Detected => Count("Killed") + Count("Timeout");

            /// <summary>Survived plus not-covered mutants.</summary>
            public int UndetectedCount => Count("Survived") + Count("NoCoverage");

            /// <summary>Detected over detected plus undetected, in percent; NaN when no mutant was tested.</summary>
            public double ScorePercent => Detected + UndetectedCount == 0 ? double.NaN : 100.0 * Detected / (Detected + UndetectedCount);

            /// <summary>The count of one status, 0 when absent.</summary>
            public int Count(string status) => Counts.TryGetValue(status, out int n) ? n : 0;

            /// <summary>Writes the plain-text summary.</summary>
            public void Write(TextWriter output)
            {
                output.WriteLine();
                output.WriteLine("mutation score: " + Percent(ScorePercent) + "  (killed " + Count("Killed") + ", timeout " + Count("Timeout") + ", survived " + Count("Survived") + ", no coverage " + Count("NoCoverage")
                    + "; not counted: compile error " + Count("CompileError") + ", runtime error " + Count("RuntimeError") + ", ignored " + Count("Ignored") + ")");
                output.WriteLine("per file (detected / tested):");
                foreach (KeyValuePair<string, int[]> file in PerFile)
                {
                    int tested = file.Value[0] + file.Value[1];
                    output.WriteLine("  " + Percent(100.0 * file.Value[0] / tested).PadLeft(8) + "  " + file.Value[0] + "/" + tested + "  " + file.Key);
                }

                int accepted = 0;
                output.WriteLine("undetected mutants (file:line:column  status  mutator  replacement):");
                foreach (Undetected mutant in Undetected)
                {
                    output.WriteLine("  " + mutant.File + ":" + mutant.Line + ":" + mutant.Column + "  " + mutant.Status + "  " + mutant.Mutator + "  " + mutant.Replacement
                        + (mutant.AcceptedBecause == null ? "" : "  [accepted: " + mutant.AcceptedBecause + "]"));
                    accepted += mutant.AcceptedBecause == null ? 0 : 1;
                }

                foreach (string stale in StaleAccepted)
                {
                    output.WriteLine("stale accepted entry (no such undetected mutant now): " + stale);
                }

                output.WriteLine("undetected: " + Undetected.Count + ", accepted: " + accepted + ", to review: " + (Undetected.Count - accepted));
            }

            private static string Percent(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture) + " %";
        }

        /// <summary>
        /// Summarizes a Stryker JSON report. Paths are made relative to <paramref name="repoRoot"/>;
        /// <paramref name="acceptedLines"/> are the accepted list's lines: <c>#</c> comments and blank
        /// lines are skipped, every other line is <c>file TAB line TAB mutator TAB replacement TAB why</c>.
        /// <paramref name="mutatedGlobs"/> are the repository-relative globs of the mutated files (<c>**</c> any
        /// folders, <c>*</c> and <c>?</c> within one name); an accepted entry of a file none of them matches was
        /// not under test in this run and is neither matched nor reported stale. Null or empty: every entry counts.
        /// </summary>
        public static Summary Summarize(string reportJson, string repoRoot, string[] acceptedLines, string[] mutatedGlobs = null)
        {
            var summary = new Summary();
            using JsonDocument document = JsonDocument.Parse(reportJson);
            foreach (JsonProperty file in document.RootElement.GetProperty("files").EnumerateObject())
            {
                string path = Path.GetRelativePath(repoRoot, Path.GetFullPath(file.Name)).Replace('\\', '/');
                foreach (JsonElement mutant in file.Value.GetProperty("mutants").EnumerateArray())
                {
                    string status = mutant.GetProperty("status").GetString();
                    summary.Counts[status] = summary.Count(status) + 1;
                    bool detected = status == "Killed" || status == "Timeout";
                    bool undetected = status == "Survived" || status == "NoCoverage";
                    if (!detected && !undetected)
                    {
                        continue;
                    }

                    if (!summary.PerFile.TryGetValue(path, out int[] counts))
                    {
                        counts = new int[2];
                        summary.PerFile[path] = counts;
                    }

                    counts[detected ? 0 : 1]++;
                    if (undetected)
                    {
                        JsonElement start = mutant.GetProperty("location").GetProperty("start");
                        summary.Undetected.Add(new Undetected
                        {
                            File = path,
                            Line = start.GetProperty("line").GetInt32(),
                            Column = start.GetProperty("column").GetInt32(),
                            Status = status,
                            Mutator = mutant.GetProperty("mutatorName").GetString(),
                            Replacement = Collapse(mutant.TryGetProperty("replacement", out JsonElement replacement) ? replacement.GetString() : ""),
                        });
                    }
                }
            }

            summary.Undetected.Sort((a, b) =>
            {
                int order = string.CompareOrdinal(a.File, b.File);
                order = order != 0 ? order : a.Line.CompareTo(b.Line);
                return order != 0 ? order : a.Column.CompareTo(b.Column);
            });
            MarkAccepted(summary, acceptedLines, mutatedGlobs);
            return summary;
        }

        /// <summary>
        /// Whether the repository-relative <paramref name="path"/> matches <paramref name="glob"/>: <c>**/</c> is
        /// any number of folders, <c>**</c> anything, <c>*</c> any characters but <c>/</c>, <c>?</c> one of them;
        /// a leading <c>./</c> and Stryker's trailing character spans (<c>{start..end}</c>) are ignored.
        /// </summary>
        public static bool GlobMatches(string glob, string path)
        {
            string pattern = glob.StartsWith("./", StringComparison.Ordinal) ? glob.Substring(2) : glob;
            // Stryker's character spans after the glob ({start..end}, repeatable) narrow the mutants, not the files.
            pattern = Regex.Replace(pattern, @"(\{\d+\.\.\d+\})+$", "", RegexOptions.CultureInvariant);
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    bool folders = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    regex.Append(folders ? "(.*/)?" : ".*");
                    i += folders ? 2 : 1;
                }
                else
                {
                    regex.Append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Regex.Escape(c.ToString()));
                }
            }

            return Regex.IsMatch(path, regex.Append('$').ToString(), RegexOptions.CultureInvariant);
        }

        private static bool UnderTest(string file, string[] mutatedGlobs)
        {
            if (mutatedGlobs == null || mutatedGlobs.Length == 0)
            {
                return true;
            }

            foreach (string glob in mutatedGlobs)
            {
                if (GlobMatches(glob, file))
                {
                    return true;
                }
            }

            return false;
        }

        private static void MarkAccepted(Summary summary, string[] acceptedLines, string[] mutatedGlobs)
        {
            foreach (string line in acceptedLines)
            {
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (!UnderTest(fields[0].Trim(), mutatedGlobs))
                {
                    continue;
                }

                bool matched = false;
                if (fields.Length >= 5 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int lineNumber))
                {
                    foreach (Undetected mutant in summary.Undetected)
                    {
                        if (mutant.AcceptedBecause == null && mutant.File == fields[0].Trim() && mutant.Line == lineNumber
                            && mutant.Mutator == fields[2].Trim() && mutant.Replacement == Collapse(fields[3]))
                        {
                            mutant.AcceptedBecause = fields[4].Trim();
                            matched = true;
                            break;
                        }
                    }
                }

                if (!matched)
                {
                    summary.StaleAccepted.Add(line);
                }
            }
        }

        /// <summary>Trims and collapses every whitespace run to one space, so a replacement fits one line.</summary>
        public static string Collapse(string text)
        {
            var builder = new StringBuilder();
            bool space = false;
            foreach (char c in text.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
