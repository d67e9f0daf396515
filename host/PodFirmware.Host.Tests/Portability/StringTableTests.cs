using System;
using System.IO;
using System.Linq;
using System.Text;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Portability;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// Every board assembly fits nanoFramework's 65,535-byte string table with room to grow (at most 90 %).
    /// The libraries (PodFirmware.Core, PodFirmware.Drivers, PodFirmware.Json, PodFirmware.SerialConsole) and each test project's board assembly (NFUnitTest,
    /// which references the libraries) are measured over their host builds; the device app PodFirmware, which has
    /// only device-only sources, by an upper bound read from those sources. The figures are printed:
    /// <c>dotnet test host/PodFirmware.Host.Tests -c Release --no-build --filter StringTableTests --logger "console;verbosity=detailed"</c>.
    /// </summary>
    public class StringTableTests
    {
        private readonly ITestOutputHelper _output;

        public StringTableTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Projects() => new(NfprojFiles.AllProjects(RepoPaths.Root));

        /// <summary>
        /// Board assembly name and the host-built assemblies it is made of: its own host build, none for the
        /// device app (no host build).
        /// </summary>
        internal static (string BoardName, string[] Paths) BoardAssembly(string project)
        {
            string Dll(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");
            return project == NfprojFiles.DeviceApp ? (project, Array.Empty<string>())
                : NfprojFiles.AppProjects.Contains(project) ? (project, new[] { Dll(project) })
                : ("NFUnitTest", new[] { Dll(project) });
        }

        /// <summary>
        /// The string-table bytes of a project's board assembly: its host build plus, for the device projects that
        /// are not test projects, an upper bound of their device-only sources (all of the device app's).
        /// </summary>
        internal static int BoardBytes(string project, out string boardName)
        {
            var (name, paths) = BoardAssembly(project);
            boardName = name;
            var strings = NanoStringTable.Strings(name, paths.Select(File.ReadAllBytes).ToArray());
            if (NfprojFiles.AppProjects.Contains(project))
            {
                strings.UnionWith(DeviceSourceStrings.Collect(DeviceSourceStrings.Files(NfprojFiles.ProjectDir(RepoPaths.Root, project))));
            }

            return NanoStringTable.Bytes(strings);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void The_board_assembly_fits_the_string_table(string project)
        {
            int bytes = BoardBytes(project, out string boardName);
            _output.WriteLine(project + " (" + boardName + "): " + NanoStringTable.Describe(bytes));
            string problem = NanoStringTable.Problem(boardName + " of " + project, bytes);
            Assert.True(problem == null, problem);
        }

        [Fact]
        public void A_planted_assembly_with_70_KB_of_literals_is_named_with_its_size()
        {
            var source = new StringBuilder("namespace Planted { public static class Texts { public static string[] All() { return new string[] {\n");
            for (int i = 0; i < 700; i++)
            {
                source.Append("\"").Append(i.ToString("D4")).Append(new string('x', 96)).Append("\",\n");
            }

            source.Append("}; } } }");
            int bytes = NanoStringTable.Bytes(NanoStringTable.Strings("Planted", PlantedAssembly.Compile("Planted", source.ToString())));
            Assert.InRange(bytes, 70_000, 72_000);
            string problem = NanoStringTable.Problem("Planted", bytes);
            Assert.NotNull(problem);
            Assert.StartsWith("Planted: " + bytes + " bytes of strings", problem);
        }

        [Fact]
        public void A_literal_counts_once_as_UTF8_plus_a_terminator()
        {
            const string Bare = "namespace P { public static class C { public static string[] M() { return new string[] { \"a\" }; } } }";
            int bare = NanoStringTable.Bytes(NanoStringTable.Strings("P", PlantedAssembly.Compile("P", Bare)));

            int withLiteral = NanoStringTable.Bytes(NanoStringTable.Strings("P", PlantedAssembly.Compile("P", Bare.Replace("\"a\" }", "\"a\", \"°C \", \"°C \" }"))));
            Assert.Equal(bare + Encoding.UTF8.GetByteCount("°C ") + 1, withLiteral);
        }

        [Fact]
        public void A_test_project_is_measured_without_the_core_it_references()
        {
            var (boardName, paths) = BoardAssembly(NfprojFiles.TestProjects(RepoPaths.Root).First());
            Assert.Equal("NFUnitTest", boardName);
            Assert.Single(paths);
            var strings = NanoStringTable.Strings(boardName, paths.Select(File.ReadAllBytes).ToArray());
            // The core's strings are stored by PodFirmware.Core; the test assembly stores only the names it references.
            const string CoreLiteral = "config, clock and ports are all required";
            Assert.Contains(NfprojFiles.CoreLibrary, strings);
            Assert.DoesNotContain(CoreLiteral, strings);
            var core = NanoStringTable.Strings(NfprojFiles.CoreLibrary, File.ReadAllBytes(BoardAssembly(NfprojFiles.CoreLibrary).Paths.Single()));
            Assert.Contains(CoreLiteral, core);
        }

        [Fact]
        public void The_device_app_is_measured_from_its_device_only_sources()
        {
            var (boardName, paths) = BoardAssembly(NfprojFiles.DeviceApp);
            Assert.Equal("PodFirmware", boardName);
            Assert.Empty(paths);
            int bytes = BoardBytes(NfprojFiles.DeviceApp, out _);
            Assert.True(bytes > NanoStringTable.Bytes(NanoStringTable.Strings(boardName)) + 1000, "the device sources added only " + bytes + " bytes");
        }
    }
}
