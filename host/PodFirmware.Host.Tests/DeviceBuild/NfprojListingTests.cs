using System.Linq;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.DeviceBuild
{
    /// <summary>The device build lists files one by one; these tests keep it equal to what the host build globs.</summary>
    public class NfprojListingTests
    {
        public static TheoryData<string, string> Groups()
        {
            var data = new TheoryData<string, string>();
            foreach (var g in NfprojFiles.Groups(RepoPaths.Root))
            {
                data.Add(g.Project, g.Label);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void Every_source_file_is_listed_in_its_nfproj(string project, string label)
        {
            var group = NfprojFiles.Groups(RepoPaths.Root).Single(g => g.Project == project && g.Label == label);
            var listed = NfprojFiles.Listed(NfprojFiles.NfprojPath(RepoPaths.Root, project), label);
            Assert.True(listed != null, project + ".nfproj has no <ItemGroup Label=\"" + label + "\">");
            var missing = group.Expected.Except(listed).ToList();
            var stale = listed.Except(group.Expected).ToList();
            Assert.True(missing.Count == 0 && stale.Count == 0,
                project + ".nfproj (" + label + ") is out of step with the tree; run ./pod nfproj\n  missing: " +
                string.Join(", ", missing) + "\n  listed but absent: " + string.Join(", ", stale));
        }

        [Fact]
        public void The_device_app_holds_no_portable_file_outside_the_core_library()
        {
            // The Exe PodFirmware lists only its Device/ files; portable code belongs to PodFirmware.Core
            // (PodFirmware/Core/), the library the test projects and the host build reference.
            var stray = NfprojFiles.SourceFiles(NfprojFiles.ProjectDir(RepoPaths.Root, NfprojFiles.DeviceApp), deviceOnly: false);
            Assert.True(stray.Count == 0, "portable files in PodFirmware/ outside Core/ (move them into PodFirmware/Core/): " + string.Join(", ", stray));
        }

        [Fact]
        public void The_core_library_is_nested_in_the_app_folder_and_left_out_of_its_listing()
        {
            Assert.Equal(System.IO.Path.Combine(RepoPaths.Root, "PodFirmware", "Core"), NfprojFiles.ProjectDir(RepoPaths.Root, NfprojFiles.CoreLibrary));
            Assert.Contains(@"Safety\ThermalRule.cs", NfprojFiles.SourceFiles(NfprojFiles.ProjectDir(RepoPaths.Root, NfprojFiles.CoreLibrary), deviceOnly: false));
            Assert.Contains(@"Device\Program.cs", NfprojFiles.SourceFiles(NfprojFiles.ProjectDir(RepoPaths.Root, NfprojFiles.DeviceApp), deviceOnly: true));
            Assert.DoesNotContain(NfprojFiles.SourceFiles(NfprojFiles.ProjectDir(RepoPaths.Root, NfprojFiles.DeviceApp), deviceOnly: true), f => f.StartsWith(@"Core\", System.StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(@"Device\Program.cs", true)]
        [InlineData(@"Sensors\Device\AdcAnalogChannel.cs", true)]
        [InlineData(@"Core\Safety\ThermalRule.cs", false)]
        [InlineData(@"DeviceNames.cs", false)]
        [InlineData(@"Devices\Thing.cs", false)]
        public void Device_only_means_inside_a_folder_named_Device(string path, bool deviceOnly)
        {
            Assert.Equal(deviceOnly, NfprojFiles.IsDeviceOnly(path));
        }
    }
}
