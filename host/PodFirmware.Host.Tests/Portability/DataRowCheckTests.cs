using System;
using System.IO;
using System.Linq;
using PodFirmware.Host.DeviceBuild;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Portability;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>Every [DataRow] argument of every test project is one the board decodes: a number, a bool, a char or a string.</summary>
    public class DataRowCheckTests
    {
        private const string Planted = @"
using nanoFramework.TestFramework;

namespace Planted
{
    public enum Colour { Red, Green }

    [TestClass]
    public class Rows
    {
        [TestMethod]
        [DataRow(1, 2L, 3.5, 4.5f, (byte)5, (sbyte)-6, (short)7, (ushort)8, 9u, 10ul, true, 'c', ""text"")]
        public static void Decodable(int a, long b, double c, float d, byte e, sbyte f, short g, ushort h, uint i, ulong j, bool k, char l, string m) { }

        [TestMethod]
        [DataRow(Colour.Green)]
        public static void EnumRow(Colour c) { }

        [TestMethod]
        [DataRow(null)]
        public static void NullRow(object o) { }

        [TestMethod]
        [DataRow(1, (string)null)]
        public static void NullStringRow(int a, string s) { }

        [TestMethod]
        [DataRow(typeof(Rows))]
        public static void TypeofRow(object t) { }

        [TestMethod]
        [DataRow(1, new int[] { 1, 2 })]
        public static void ArrayRow(int a, int[] b) { }

        [TestMethod]
        [DataRow(""ok"")]
        [DataRow(Colour.Red)]
        public static void SecondRowIsEnum(object o) { }
    }
}";

        private static string[] Report() => DataRowCheck.Check(PlantedAssembly.Compile("Planted", Planted)).ToArray();

        public static TheoryData<string> TestProjects() => new(NfprojFiles.TestProjects(RepoPaths.Root));

        [Theory]
        [MemberData(nameof(TestProjects))]
        public void Every_DataRow_argument_decodes_on_the_board(string project)
        {
            var problems = DataRowCheck.Check(Path.Combine(AppContext.BaseDirectory, project + ".dll"));
            Assert.True(problems.Count == 0, project + " has DataRow arguments the board cannot decode:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void Numbers_bools_chars_and_strings_pass()
        {
            Assert.DoesNotContain(Report(), p => p.StartsWith("Planted.Rows.Decodable", StringComparison.Ordinal));
        }

        [Fact]
        public void An_enum_is_named_with_the_test()
        {
            Assert.Contains("Planted.Rows.EnumRow: DataRow #1 argument 0 is an enum (Planted.Colour); the board decodes only numbers and strings: cast it to int", Report());
            Assert.Contains(Report(), p => p.StartsWith("Planted.Rows.SecondRowIsEnum: DataRow #2 argument 0 is an enum", StringComparison.Ordinal));
            Assert.DoesNotContain(Report(), p => p.StartsWith("Planted.Rows.SecondRowIsEnum: DataRow #1", StringComparison.Ordinal));
        }

        [Fact]
        public void A_null_row_and_a_null_string_are_named()
        {
            Assert.Contains("Planted.Rows.NullRow: DataRow #1 is null (the MetadataProcessor crashes on it)", Report());
            Assert.Contains(Report(), p => p.StartsWith("Planted.Rows.NullStringRow: DataRow #1 argument 1 is null", StringComparison.Ordinal));
        }

        [Fact]
        public void A_typeof_and_an_array_are_named()
        {
            Assert.Contains("Planted.Rows.TypeofRow: DataRow #1 argument 0 is a typeof; the board decodes only numbers and strings", Report());
            Assert.Contains("Planted.Rows.ArrayRow: DataRow #1 argument 1 is int[]; the board decodes only numbers and strings", Report());
        }
    }
}
