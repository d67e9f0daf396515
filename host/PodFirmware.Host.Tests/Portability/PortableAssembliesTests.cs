using System;
using System.IO;
using PodFirmware.Portability;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    public class PortableAssembliesTests
    {
        internal static readonly string[] OwnAssemblies = { "PodFirmware", "PodFirmware.Drivers", "PodFirmware.Tests" };

        internal static PortabilityChecker NewChecker() => new PortabilityChecker(ApiListing.Load(RepoPaths.ApiListing), OwnAssemblies);

        [Theory]
        [InlineData("PodFirmware.Drivers")]
        [InlineData("PodFirmware")]
        [InlineData("PodFirmware.Tests")]
        public void Portable_assembly_uses_only_the_nanoFramework_v1_api(string assemblyName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
            var violations = NewChecker().Check(path);
            Assert.True(violations.Count == 0, path + " uses what the device lacks:\n" + string.Join("\n", violations));
        }
    }
}
