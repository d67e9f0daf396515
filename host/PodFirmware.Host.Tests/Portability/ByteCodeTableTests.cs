using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Portability;
using Xunit;
using Xunit.Abstractions;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// Every host-built board assembly fits nanoFramework's 65,535-byte byte-code table with room to grow (at most
    /// 90 %): a test project full of long scenario tests reaches this limit before the string table. The device app
    /// has no host build; it holds only the few device-only files (<see cref="DeviceFolderTests"/> keeps them small).
    /// The figures are printed:
    /// <c>dotnet test host/PodFirmware.Host.Tests -c Release --no-build --filter ByteCodeTableTests --logger "console;verbosity=detailed"</c>.
    /// </summary>
    public class ByteCodeTableTests
    {
        private readonly ITestOutputHelper _output;

        public ByteCodeTableTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static TheoryData<string> Projects() => new(NfprojFiles.HostBuiltProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(Projects))]
        public void The_board_assembly_fits_the_byte_code_table(string project)
        {
            int bytes = NanoByteCode.Bytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, project + ".dll")));
            _output.WriteLine(project + ": " + NanoByteCode.Describe(bytes));
            string problem = NanoByteCode.Problem(project, bytes);
            Assert.True(problem == null, problem);
        }

        [Fact]
        public void A_planted_assembly_with_70_KB_of_byte_code_is_named_with_its_size()
        {
            // Each statement: ldsfld, ldc.i4, add, stsfld = 3 + 5 + 1 + 3 board bytes.
            var source = new StringBuilder("namespace Planted { public static class Big { public static int X; public static void M() {\n");
            for (int i = 0; i < 5900; i++)
            {
                source.Append("X = X + ").Append(1000 + i).Append(";\n");
            }

            source.Append("} } }");
            int bytes = NanoByteCode.Bytes(PlantedAssembly.Compile("Planted", source.ToString(), OptimizationLevel.Release));
            Assert.InRange(bytes, 70_000, 72_000);
            string problem = NanoByteCode.Problem("Planted", bytes);
            Assert.NotNull(problem);
            Assert.StartsWith("Planted: " + bytes + " bytes of byte code", problem);
        }

        [Fact]
        public void Tokens_and_long_branches_count_two_bytes_and_each_exception_handler_ten_plus_one_for_the_count()
        {
            // Against an empty method (ret, 1 byte; the compiler's own attribute classes are in both): ldstr "a" adds
            // 1 + 2 bytes on the board, 5 in CLI IL.
            const string Empty = "namespace P { public static class C { public static void M() { } } }";
            const string Literal = "namespace P { public static class C { public static string M() { return \"a\"; } } }";
            Assert.Equal(3, MethodBytes(Literal) - MethodBytes(Empty));

            // ldc.i4.1 (1), call (1 + 2), ret (1).
            const string Call = "namespace P { public static class C { public static int N(int x) { return x; } public static int M() { return N(1); } } }";
            Assert.Equal(5, MethodBytes(Call) - MethodBytes(Call.Replace("public static int M() { return N(1); }", "")));

            const string Guarded = "namespace P { public static class C { public static int X; public static void M() { try { X = 1; } finally { X = 2; } } } }";
            const string Plain = "namespace P { public static class C { public static int X; public static void M() { X = 1; X = 2; } } }";
            int guarded = MethodBytes(Guarded);
            int plain = MethodBytes(Plain);
            // leave.s (2) and endfinally (1) more in the body, and one handler: 10 bytes plus 1 for the count.
            Assert.Equal(plain + 2 + 1 + 10 + 1, guarded);
        }

        private static int MethodBytes(string source) => NanoByteCode.Bytes(PlantedAssembly.Compile("P", source, OptimizationLevel.Release));
    }
}
