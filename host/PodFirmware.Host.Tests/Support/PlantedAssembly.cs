using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>Compiles a planted source on the fly, against the host platform and the TestFramework twin, for the checks' own tests.</summary>
    public static class PlantedAssembly
    {
        /// <summary>The image of <paramref name="source"/> compiled as a library named <paramref name="name"/>; fails the test on a compile error.</summary>
        /// <param name="name">Assembly name.</param>
        /// <param name="source">C# source.</param>
        /// <param name="optimization">Debug by default; Release for the checks that count instructions as the firmware's optimised builds emit them.</param>
        public static byte[] Compile(string name, string source, OptimizationLevel optimization = OptimizationLevel.Debug)
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator);
            var references = platform.Append(typeof(nanoFramework.TestFramework.DataRowAttribute).Assembly.Location)
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return image.ToArray();
        }
    }
}
