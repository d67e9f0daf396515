using System;
using System.IO;
using System.Linq;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>Every pinned package is the version nf-device-config/firmware.tsv records for the firmware the pod is flashed with.</summary>
    public class FirmwarePackageTests
    {
        private static string TablePath => Path.Combine(RepoPaths.Root, "nf-device-config", "firmware.tsv");

        private static FirmwarePackages Table() => FirmwarePackages.Parse(File.ReadAllText(TablePath));

        private const string Planted = """
            firmware	version	9.9.9.9
            package	nanoFramework.System.Text	1.3.42	nanoFramework.System.Text	0x8E6EB73D	0x8E6EB73D
            package	nanoFramework.System.Net	1.11.60	System.Net	0x6DFA71D6	0x8EFB9944
            package	nanoFramework.Json	2.2.213	-	-	-
            """;

        public static TheoryData<string> Projects() => new(NfprojFiles.AllProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(Projects))]
        public void Every_pinned_package_is_the_version_the_firmware_table_names(string project)
        {
            string config = File.ReadAllText(Path.Combine(NfprojFiles.ProjectDir(RepoPaths.Root, project), "packages.config"));
            var problems = Table().CheckPins(project, config);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Every_package_in_the_table_matches_the_firmware_native_checksum()
        {
            var problems = Table().CheckChecksums();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void The_firmware_is_recorded_and_named_in_the_readme()
        {
            var table = Table();
            Assert.Equal("ESP32_REV3", table.Firmware["target"]);
            Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", table.Firmware["version"]);
            Assert.Matches("^[0-9a-f]{40}$", table.Firmware["nf-interpreter"]);
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "nf-device-config", "README.md"));
            Assert.Contains(table.Firmware["version"], readme);
            Assert.Contains(table.Firmware["nf-interpreter"], readme);
        }

        [Fact]
        public void A_planted_pin_of_another_version_is_named()
        {
            const string Config = """
                <?xml version="1.0" encoding="utf-8"?>
                <packages>
                  <package id="nanoFramework.System.Text" version="1.3.41" targetFramework="netnano1.0" />
                  <package id="nanoFramework.Json" version="2.2.213" targetFramework="netnano1.0" />
                </packages>
                """;
            var problems = FirmwarePackages.Parse(Planted).CheckPins("P", Config);
            Assert.Equal(new[] { "P/packages.config: nanoFramework.System.Text is 1.3.41, but firmware 9.9.9.9 needs 1.3.42 (nf-device-config/firmware.tsv)" }, problems);
        }

        [Fact]
        public void A_planted_pin_missing_from_the_table_is_named()
        {
            const string Config = """
                <packages>
                  <package id="nanoFramework.System.Device.Pwm" version="1.1.23" targetFramework="netnano1.0" />
                </packages>
                """;
            var problems = FirmwarePackages.Parse(Planted).CheckPins("P", Config);
            Assert.Single(problems);
            Assert.StartsWith("P/packages.config: nanoFramework.System.Device.Pwm 1.1.23 is not in nf-device-config/firmware.tsv", problems[0]);
        }

        [Fact]
        public void A_planted_checksum_mismatch_is_named()
        {
            var problems = FirmwarePackages.Parse(Planted).CheckChecksums();
            Assert.Equal(new[] { "nanoFramework.System.Net 1.11.60: System.Net has native checksum 0x6DFA71D6, firmware 9.9.9.9 expects 0x8EFB9944: the board refuses it" }, problems);
        }

        [Fact]
        public void A_row_with_a_seventh_field_is_refused()
        {
            Assert.Throws<FormatException>(() => FirmwarePackages.Parse(Planted.Replace("0x8E6EB73D	0x8E6EB73D", "0x8E6EB73D	0x8E6EB73D	known-mismatch")));
        }
    }
}
