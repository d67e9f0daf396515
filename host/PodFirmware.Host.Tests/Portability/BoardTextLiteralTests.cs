using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Portability;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// No string constant in a portable assembly holds text the board reads differently (U+0000, surrogates),
    /// and the check names a planted one by assembly, method, file and literal.
    /// </summary>
    public class BoardTextLiteralTests
    {
        private const string Planted = @"
using System;

namespace Planted
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class RowAttribute : Attribute
    {
        public RowAttribute(params object[] values) { }
    }

    public static class Text
    {
        public static string Smile() { return ""\uD83D\uDE00""; }

        public static string CutShort() { return ""nul\u0000after""; }

        public static string Fine() { return ""caf\u00e9 \u20ac \uffff""; }

        [Row(""\uD83D\uDE00 and nul\u0000"", 1)]
        [Row(""ok"", 2)]
        public static void Rows(string text, int n) { }
    }
}";

        private static (byte[] Image, byte[] Pdb) Compile(string source)
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            var compilation = CSharpCompilation.Create(
                "Planted",
                new[] { CSharpSyntaxTree.ParseText(source, path: "Planted/Text.cs", encoding: System.Text.Encoding.UTF8) },
                platform.Select(p => MetadataReference.CreateFromFile(p)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            using var pdb = new MemoryStream();
            var result = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return (image.ToArray(), pdb.ToArray());
        }

        private static string[] Report()
        {
            var (image, pdb) = Compile(Planted);
            return BoardTextChecker.Check(image, pdb).Select(v => v.ToString()).ToArray();
        }

        /// <summary>Every host-built device project: PodFirmware.Core, PodFirmware.Drivers, PodFirmware.Json, PodFirmware.SerialConsole and each test project.</summary>
        public static TheoryData<string> Assemblies() => new(NfprojFiles.HostBuiltProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void Portable_assembly_has_no_string_constant_the_board_would_mangle(string assemblyName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
            var violations = BoardTextChecker.Check(path);
            Assert.True(violations.Count == 0, path + " holds string constants the board reads differently (build them from bytes or code units at run time):\n" + string.Join("\n", violations));
        }

        [Fact]
        public void Names_a_planted_surrogate_pair_literal_with_its_method_and_file()
        {
            Assert.Contains("board-text: Planted: Planted.Text::Smile [Text.cs]: \"\\ud83d\\ude00\"", Report());
        }

        [Fact]
        public void Names_a_planted_U0000_literal()
        {
            Assert.Contains("board-text: Planted: Planted.Text::CutShort [Text.cs]: \"nul\\u0000after\"", Report());
        }

        [Fact]
        public void Names_a_planted_DataRow_style_attribute_argument()
        {
            Assert.Contains("board-text: Planted: Planted.Text::Rows [Text.cs] attribute: \"\\ud83d\\ude00 and nul\\u0000\"", Report());
        }

        [Fact]
        public void Leaves_text_inside_the_BMP_alone()
        {
            Assert.Equal(3, Report().Length);
            Assert.DoesNotContain(Report(), line => line.Contains("Fine", StringComparison.Ordinal) || line.Contains("\"ok\"", StringComparison.Ordinal));
        }
    }
}
