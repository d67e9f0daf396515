using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PodFirmware.Portability;
using Xunit;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>Proves the portability check has teeth: it must name each planted misuse.</summary>
    public class PlantedViolationTests
    {
        private const string Planted = @"
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Planted
{
    public static class Misuse
    {
        public static int UsesList()
        {
            var list = new List<int>();
            list.Add(1);
            return list.Count;
        }

        public static int UsesLinq(int[] values)
        {
            return values.Where(v => v > 0).Count();
        }

        public static T Identity<T>(T value)
        {
            return value;
        }

        public static async Task<int> WaitsAsync()
        {
            await Task.Yield();
            return 1;
        }

        public static string Interpolates(int value)
        {
            return $""v={value}"";
        }
    }
}";

        private static byte[] Compile(string source)
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            var compilation = CSharpCompilation.Create(
                "Planted",
                new[] { CSharpSyntaxTree.ParseText(source) },
                platform.Select(p => MetadataReference.CreateFromFile(p)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return image.ToArray();
        }

        private static string[] Report() => PortableAssembliesTests.NewChecker().Check(Compile(Planted)).Select(v => v.ToString()).ToArray();

        [Fact]
        public void Names_the_use_of_List_of_T()
        {
            Assert.Contains(Report(), line => line.StartsWith("missing-type: System.Collections.Generic.List`1", StringComparison.Ordinal));
            Assert.Contains(Report(), line => line.StartsWith("generic-instance: System.Collections.Generic.List`1<System.Int32>", StringComparison.Ordinal));
        }

        [Fact]
        public void Names_the_LINQ_call()
        {
            Assert.Contains(Report(), line => line.StartsWith("generic-call: System.Linq.Enumerable::Where<System.Int32>", StringComparison.Ordinal));
            Assert.Contains(Report(), line => line == "missing-type: System.Linq.Enumerable");
        }

        [Fact]
        public void Names_the_generic_method_declared()
        {
            Assert.Contains("generic-method: Planted.Misuse::Identity", Report());
        }

        [Fact]
        public void Names_the_async_method()
        {
            Assert.Contains("async: Planted.Misuse::WaitsAsync", Report());
            Assert.Contains(Report(), line => line.StartsWith("missing-type: System.Threading.Tasks.Task", StringComparison.Ordinal));
        }

        [Fact]
        public void Allows_string_interpolation_by_its_named_lowering()
        {
            Assert.DoesNotContain(Report(), line => line.Contains("DefaultInterpolatedStringHandler", StringComparison.Ordinal));
        }
    }
}
