using System;
using System.IO;
using System.Linq;
using PodFirmware.Portability;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    public class PortableAssembliesTests
    {
        /// <summary>Every device project: the references between them are the repository's own, not nanoFramework's.</summary>
        internal static readonly string[] OwnAssemblies = PodFirmware.Host.DeviceBuild.NfprojFiles.AllProjects(RepoPaths.Root).ToArray();

        /// <summary>PodFirmware.Core, PodFirmware.Drivers, PodFirmware.Json, PodFirmware.SerialConsole and the host build of every test project (named after it).</summary>
        public static TheoryData<string> Assemblies() => new(PodFirmware.Host.DeviceBuild.NfprojFiles.HostBuiltProjects(RepoPaths.Root));

        internal static PortabilityChecker NewChecker() => new PortabilityChecker(ApiListing.Load(RepoPaths.ApiListing), OwnAssemblies);

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void Portable_assembly_uses_only_the_nanoFramework_v1_api(string assemblyName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
            var violations = NewChecker().Check(path);
            Assert.True(violations.Count == 0, path + " uses what the device lacks:\n" + string.Join("\n", violations));
        }
    }
}
