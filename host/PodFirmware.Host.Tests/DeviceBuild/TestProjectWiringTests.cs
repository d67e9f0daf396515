using System.IO;
using System.Linq;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>Every test project under tests/ is in the device solution and has a host build that the host launcher and the host checks load.</summary>
    public class TestProjectWiringTests
    {
        public static TheoryData<string> TestProjects() => new(NfprojFiles.TestProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(TestProjects))]
        public void The_test_project_is_wired_into_both_builds(string project)
        {
            string Read(params string[] path) => File.ReadAllText(Path.Combine(RepoPaths.Root, Path.Combine(path)));
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "host", "Portable", project + ".csproj")), "host/Portable/" + project + ".csproj is missing");
            Assert.True(Read("PodFirmware.sln").Contains(@"tests\" + project + @"\" + project + ".nfproj"), "PodFirmware.sln does not list " + project);
            Assert.True(Read("host", "PodFirmware.Host.slnx").Contains("Portable/" + project + ".csproj"), "host/PodFirmware.Host.slnx does not list " + project);
            Assert.True(Read("host", "TestLauncher", "PodFirmware.TestLauncher.csproj").Contains(@"Portable\" + project + ".csproj"), "host/TestLauncher does not reference " + project);
            Assert.True(Read("host", "PodFirmware.Host.Tests", "PodFirmware.Host.Tests.csproj").Contains(@"Portable\" + project + ".csproj"), "host/PodFirmware.Host.Tests does not reference " + project);
            Assert.Contains("<AssemblyName>NFUnitTest</AssemblyName>", Read("tests", project, project + ".nfproj"));
            Assert.Contains(@"<ProjectCapability Include=""TestContainer"" />", Read("tests", project, project + ".nfproj"));
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "tests", project, "nano.runsettings")), project + "/nano.runsettings is missing");
        }

        [Fact]
        public void No_test_source_lies_outside_a_test_project_or_tests_Support()
        {
            // The tests once lived in PodFirmware.Tests/; a file added there (or in another folder of tests/)
            // would be compiled by no build and silently never run.
            var known = NfprojFiles.TestProjects(RepoPaths.Root).Append(NfprojFiles.SupportFolder).ToHashSet();
            var stray = Directory.EnumerateFiles(RepoPaths.Root, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
                .Where(f => f.StartsWith("PodFirmware.Tests/", System.StringComparison.Ordinal)
                    || (f.StartsWith(NfprojFiles.TestsFolder + "/", System.StringComparison.Ordinal) && !known.Contains(f.Split('/')[1])))
                .ToList();
            Assert.True(stray.Count == 0, "test sources outside every test project (move them into one of tests/*/):\n" + string.Join("\n", stray));
        }
    }
}
