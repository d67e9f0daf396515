using System.IO;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    public class MutationReportVerbTests
    {
        private const string Repo = "/repo";

        // A Stryker report (mutation-testing-report-schema) as Stryker.NET writes it: paths seen from host/Portable/.
        private const string Report = @"{ ""schemaVersion"": ""2"", ""thresholds"": { ""high"": 95, ""low"": 90 }, ""files"": {
  ""/repo/host/Portable/../../PodFirmware/Core/Safety/B.cs"": { ""language"": ""cs"", ""source"": """", ""mutants"": [
    { ""id"": ""1"", ""mutatorName"": ""Equality mutation"", ""replacement"": ""a >= b"", ""location"": { ""start"": { ""line"": 9, ""column"": 5 }, ""end"": { ""line"": 9, ""column"": 11 } }, ""status"": ""Survived"" },
    { ""id"": ""2"", ""mutatorName"": ""Block removal mutation"", ""replacement"": ""{\n    }"", ""location"": { ""start"": { ""line"": 3, ""column"": 1 }, ""end"": { ""line"": 4, ""column"": 2 } }, ""status"": ""NoCoverage"" },
    { ""id"": ""3"", ""mutatorName"": ""Statement mutation"", ""replacement"": "";"", ""location"": { ""start"": { ""line"": 12, ""column"": 9 }, ""end"": { ""line"": 12, ""column"": 20 } }, ""status"": ""Killed"" },
    { ""id"": ""4"", ""mutatorName"": ""Statement mutation"", ""replacement"": "";"", ""location"": { ""start"": { ""line"": 13, ""column"": 9 }, ""end"": { ""line"": 13, ""column"": 20 } }, ""status"": ""CompileError"" } ] },
  ""/repo/host/Portable/../../PodFirmware/Core/Safety/A.cs"": { ""language"": ""cs"", ""source"": """", ""mutants"": [
    { ""id"": ""5"", ""mutatorName"": ""String mutation"", ""replacement"": ""\""\"""", ""location"": { ""start"": { ""line"": 7, ""column"": 30 }, ""end"": { ""line"": 7, ""column"": 35 } }, ""status"": ""Survived"" },
    { ""id"": ""6"", ""mutatorName"": ""Logical mutation"", ""replacement"": ""a || b"", ""location"": { ""start"": { ""line"": 8, ""column"": 9 }, ""end"": { ""line"": 8, ""column"": 15 } }, ""status"": ""Timeout"" },
    { ""id"": ""7"", ""mutatorName"": ""Logical mutation"", ""replacement"": ""a && b"", ""location"": { ""start"": { ""line"": 8, ""column"": 9 }, ""end"": { ""line"": 8, ""column"": 15 } }, ""status"": ""Killed"" },
    { ""id"": ""8"", ""mutatorName"": ""String mutation"", ""replacement"": ""\""\"""", ""location"": { ""start"": { ""line"": 1, ""column"": 1 }, ""end"": { ""line"": 1, ""column"": 2 } }, ""status"": ""Ignored"" } ] } } }";

        [Fact]
        public void ScoreIsDetectedOverDetectedAndUndetected()
        {
            MutationReportVerb.Summary summary = MutationReportVerb.Summarize(Report, Repo, new string[0]);
            Assert.Equal(3, summary.Detected);
            Assert.Equal(3, summary.UndetectedCount);
            Assert.Equal(50.0, summary.ScorePercent, 6);
            Assert.Equal(1, summary.Count("CompileError"));
            Assert.Equal(1, summary.Count("Ignored"));
            Assert.Equal(new[] { 2, 1 }, summary.PerFile["PodFirmware/Core/Safety/A.cs"]);
            Assert.Equal(new[] { 1, 2 }, summary.PerFile["PodFirmware/Core/Safety/B.cs"]);
        }

        [Fact]
        public void UndetectedMutantsAreListedByRepositoryPathLineAndColumn()
        {
            MutationReportVerb.Summary summary = MutationReportVerb.Summarize(Report, Repo, new string[0]);
            Assert.Equal(3, summary.Undetected.Count);
            Assert.Equal("PodFirmware/Core/Safety/A.cs:7:30 Survived String mutation \"\"", Line(summary.Undetected[0]));
            Assert.Equal("PodFirmware/Core/Safety/B.cs:3:1 NoCoverage Block removal mutation { }", Line(summary.Undetected[1]));
            Assert.Equal("PodFirmware/Core/Safety/B.cs:9:5 Survived Equality mutation a >= b", Line(summary.Undetected[2]));
        }

        [Fact]
        public void AcceptedEntriesMarkTheirMutantAndUnmatchedOnesAreStale()
        {
            string[] accepted =
            {
                "# file\tline\tmutator\treplacement\twhy",
                "",
                "PodFirmware/Core/Safety/B.cs\t9\tEquality mutation\ta >= b\tequivalent: a == b cannot happen here",
                "PodFirmware/Core/Safety/B.cs\t10\tEquality mutation\ta >= b\tthe line moved",
            };
            MutationReportVerb.Summary summary = MutationReportVerb.Summarize(Report, Repo, accepted);
            Assert.Equal("equivalent: a == b cannot happen here", summary.Undetected[2].AcceptedBecause);
            Assert.Null(summary.Undetected[0].AcceptedBecause);
            Assert.Single(summary.StaleAccepted);
            Assert.Contains("\t10\t", summary.StaleAccepted[0]);

            var output = new StringWriter();
            summary.Write(output);
            Assert.Contains("mutation score: 50.00 %", output.ToString());
            Assert.Contains("[accepted: equivalent: a == b cannot happen here]", output.ToString());
            Assert.Contains("undetected: 3, accepted: 1, to review: 2", output.ToString());
        }

        [Fact]
        public void OnlyEntriesOfMutatedFilesCanBeStale()
        {
            string[] accepted =
            {
                "PodFirmware/Core/Safety/B.cs\t9\tEquality mutation\ta >= b\tequivalent",
                "PodFirmware/Core/Safety/B.cs\t10\tEquality mutation\ta >= b\tthe line moved",
                "PodFirmware/Core/Locks/LockActuator.cs\t147\tStatement mutation\t;\tanother folder, not mutated in this run",
                "PodFirmware/Core/SafetyNet/C.cs\t1\tStatement mutation\t;\ta folder whose name only starts like it",
            };
            MutationReportVerb.Summary summary = MutationReportVerb.Summarize(Report, Repo, accepted, new[] { "PodFirmware/Core/Safety/**/*.cs" });
            Assert.Equal("equivalent", summary.Undetected[2].AcceptedBecause);
            Assert.Single(summary.StaleAccepted);
            Assert.Contains("B.cs\t10\t", summary.StaleAccepted[0]);

            MutationReportVerb.Summary unfiltered = MutationReportVerb.Summarize(Report, Repo, accepted);
            Assert.Equal(3, unfiltered.StaleAccepted.Count);
        }

        [Theory]
        [InlineData("PodFirmware/Core/Safety/**/*.cs", "PodFirmware/Core/Safety/A.cs", true)]
        [InlineData("PodFirmware/Core/Safety/**/*.cs", "PodFirmware/Core/Safety/Sub/A.cs", true)]
        [InlineData("./PodFirmware/Core/Safety/**/*.cs", "PodFirmware/Core/Safety/A.cs", true)]
        [InlineData("PodFirmware/Core/Safety/**/*.cs", "PodFirmware/Core/SafetyNet/A.cs", false)]
        [InlineData("PodFirmware/Core/Safety/*.cs", "PodFirmware/Core/Safety/Sub/A.cs", false)]
        [InlineData("PodFirmware/Core/Commands/Command?.cs", "PodFirmware/Core/Commands/CommandX.cs", true)]
        [InlineData("PodFirmware/Core/Commands/CommandAuthenticator.cs", "PodFirmware/Core/Commands/CommandAuthenticator.cs", true)]
        [InlineData("PodFirmware/Core/Commands/CommandAuthenticator.cs", "PodFirmware/Core/Commands/CommandAuthenticatorXcs", false)]
        [InlineData("PodFirmware/Core/**", "PodFirmware/Core/Safety/A.cs", true)]
        [InlineData("PodFirmware/Core/Safety/A.cs{10..20}{40..90}", "PodFirmware/Core/Safety/A.cs", true)]
        public void GlobsMatchRepositoryRelativePaths(string glob, string path, bool expected)
        {
            Assert.Equal(expected, MutationReportVerb.GlobMatches(glob, path));
        }

        private static string Line(MutationReportVerb.Undetected mutant)
        {
            return mutant.File + ":" + mutant.Line + ":" + mutant.Column + " " + mutant.Status + " " + mutant.Mutator + " " + mutant.Replacement;
        }
    }
}
