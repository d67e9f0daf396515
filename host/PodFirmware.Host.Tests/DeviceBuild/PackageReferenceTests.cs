using System.IO;
using System.Linq;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>
    /// The device projects' packages.config, their .nfproj References and shared/nanoframework/README.md agree:
    /// every HintPath names a package and version the project restores, every package is referenced, and
    /// versions are the ones the API listing was compiled from.
    /// </summary>
    public class PackageReferenceTests
    {
        private const string Config = """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" />
              <package id="nanoFramework.System.Math" version="1.5.116" targetFramework="netnano1.0" />
            </packages>
            """;

        private const string Project = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup>
                <Reference Include="mscorlib">
                  <HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
                </Reference>
                <Reference Include="System.Math">
                  <HintPath>..\packages\nanoFramework.System.Math.1.5.116\lib\System.Math.dll</HintPath>
                </Reference>
              </ItemGroup>
            </Project>
            """;

        private static System.Collections.Generic.Dictionary<string, string> Expected() =>
            PackageReferences.ReadExpectedVersions(File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepoPaths.ApiListing), "README.md")));

        public static TheoryData<string> Projects() => new(PodFirmware.Host.DeviceBuild.NfprojFiles.AllProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(Projects))]
        public void References_packages_and_versions_agree(string project)
        {
            var problems = PackageReferences.CheckProject(RepoPaths.Root, project, Expected());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_readme_versions_are_read_by_package_id()
        {
            var expected = Expected();
            Assert.Equal("1.17.11", expected["nanoFramework.CoreLibrary"]);
            Assert.Equal("1.1.62", expected["nanoFramework.System.Device.Gpio"]);
            Assert.Equal("5.1.220", expected["nanoFramework.M2Mqtt"]);
            Assert.Equal("1.0.43", expected["nanoFramework.System.Security.Cryptography"]);
        }

        [Fact]
        public void A_consistent_pair_has_no_problem()
        {
            Assert.Empty(PackageReferences.Check("P", Config, Project, Expected()));
        }

        [Fact]
        public void A_hint_path_to_another_version_is_named()
        {
            var problems = PackageReferences.Check("P", Config, Project.Replace("System.Math.1.5.116", "System.Math.1.5.99"), Expected());
            Assert.Contains(problems, p => p.Contains("System.Math") && p.Contains("1.5.99") && p.Contains("no package+version"));
        }

        [Fact]
        public void A_package_no_reference_uses_is_named()
        {
            var config = Config.Replace("</packages>", "  <package id=\"nanoFramework.System.Text\" version=\"1.3.42\" targetFramework=\"netnano1.0\" />\n</packages>");
            var problems = PackageReferences.Check("P", config, Project, Expected());
            Assert.Equal(new[] { "P/packages.config: nanoFramework.System.Text 1.3.42 is referenced by no <Reference> of P.nfproj" }, problems);
        }

        [Fact]
        public void A_version_other_than_the_readme_names_is_named()
        {
            var problems = PackageReferences.Check(
                "P",
                Config.Replace("1.17.11", "1.16.0"),
                Project.Replace("CoreLibrary.1.17.11", "CoreLibrary.1.16.0"),
                Expected());
            Assert.Equal(new[] { "P/packages.config: nanoFramework.CoreLibrary is 1.16.0, shared/nanoframework/README.md names 1.17.11" }, problems);
        }

        [Fact]
        public void A_reference_without_a_package_hint_path_is_named()
        {
            var problems = PackageReferences.Check("P", Config, Project.Replace(@"..\packages\nanoFramework.System.Math.1.5.116\lib\System.Math.dll", @"C:\libs\System.Math.dll"), Expected());
            Assert.Contains(problems, p => p.Contains("Reference System.Math has no"));
            Assert.Contains(problems, p => p.Contains("nanoFramework.System.Math 1.5.116 is referenced by no"));
            Assert.Equal(2, problems.Count);
        }

        [Fact]
        public void Every_device_project_is_checked()
        {
            var projects = Directory.GetFiles(RepoPaths.Root, "*.nfproj", SearchOption.AllDirectories)
                .Where(p => !p.Contains("artifacts"))
                .Select(Path.GetFileNameWithoutExtension)
                .OrderBy(p => p)
                .ToArray();
            Assert.Equal(PodFirmware.Host.DeviceBuild.NfprojFiles.AllProjects(RepoPaths.Root).OrderBy(p => p), projects);
            Assert.Equal(new[] { "PodFirmware", "PodFirmware.Core", "PodFirmware.Drivers", "PodFirmware.Json", "PodFirmware.SerialConsole", "PodFirmware.Tests.Control", "PodFirmware.Tests.Drivers", "PodFirmware.Tests.Messaging", "PodFirmware.Tests.Platform", "PodFirmware.Tests.Safety", "PodFirmware.Tests.Session" }, projects);
        }
    }
}
