using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PodFirmware.Host.DeviceBuild;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// Finds floating-point comparisons in portable source that would answer differently on nanoCLR.
    /// </summary>
    /// <remarks>
    /// On nanoCLR v1 a NaN compares as greater than everything (<c>NaN &gt; 1</c>, <c>NaN &gt;= 1</c> and
    /// <c>1 &gt;= NaN</c> are all true; on .NET all are false), so a raw relational operator on a double can take
    /// a different branch on the board than in every host test. The check is deliberately simple, so it cannot be
    /// fooled by data flow: it compiles the portable sources with Roslyn and reports, with file and line,
    /// <list type="bullet">
    /// <item>every <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c> whose operator is the double or float one
    /// (an int operand converted to double counts; a comparison of two ints does not),</item>
    /// <item>every relational pattern (<c>is &gt; 1.0</c>) on a double or float,</item>
    /// <item>every <c>Math.Max</c> / <c>Math.Min</c> / <c>Math.Clamp</c> and <c>CompareTo</c> on doubles or floats
    /// (their NaN answer is the runtime's own),</item>
    /// </list>
    /// anywhere except in the allow-listed helper <see cref="AllowedTypes"/> (<c>PodFirmware.Drivers.Numerics.Finite</c>),
    /// whose comparisons check <c>double.IsNaN</c> first and so give the .NET answer on both runtimes. Everything else
    /// compares through that helper, whose documented answer for a NaN operand is the same everywhere.
    /// Device-only folders are not compiled on the host and are not checked; they hold no decisions.
    /// </remarks>
    public static class FloatComparisonCheck
    {
        /// <summary>The only types whose bodies may compare floating-point values with raw operators.</summary>
        public static readonly string[] AllowedTypes = { "PodFirmware.Drivers.Numerics.Finite" };

        /// <summary>
        /// The folders whose portable sources are checked, repository-relative: the folder of every device project
        /// <see cref="NfprojFiles"/> knows (the app, the libraries, each test project under <c>tests/</c>) and
        /// <c>tests/Support</c>, whose helpers the test projects link, so a new test project is checked without a change here.
        /// </summary>
        public static IReadOnlyList<string> PortableFolders(string repoRoot)
        {
            return NfprojFiles.AllProjects(repoRoot)
                .Select(project => NfprojFiles.ProjectDir(repoRoot, project))
                .Append(System.IO.Path.Combine(repoRoot, "tests", "Support"))
                .Where(Directory.Exists)
                .Select(dir => System.IO.Path.GetRelativePath(repoRoot, dir).Replace('\\', '/'))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>One flagged comparison.</summary>
        public sealed class Finding
        {
            /// <summary>Creates a finding.</summary>
            public Finding(string path, int line, string code, string why)
            {
                Path = path;
                Line = line;
                Code = code;
                Why = why;
            }

            /// <summary>Source file, as given to the check (repository-relative for the real tree).</summary>
            public string Path { get; }

            /// <summary>1-based line.</summary>
            public int Line { get; }

            /// <summary>The offending expression.</summary>
            public string Code { get; }

            /// <summary>What kind of comparison it is.</summary>
            public string Why { get; }

            /// <inheritdoc />
            public override string ToString() => Path + ":" + Line + ": " + Why + ": " + Code;
        }

        /// <summary>The portable .cs files of the <see cref="PortableFolders"/> (device-only folders, bin and obj excluded), repository-relative.</summary>
        public static IReadOnlyList<string> PortableSourceFiles(string repoRoot)
        {
            var files = new List<string>();
            foreach (string folder in PortableFolders(repoRoot))
            {
                // The same files ./pod nfproj lists as a project's portable sources (a nested project's are its own).
                foreach (string file in NfprojFiles.SourceFiles(System.IO.Path.Combine(repoRoot, folder), deviceOnly: false))
                {
                    files.Add(folder + "/" + file.Replace('\\', '/'));
                }
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>Checks the portable sources of the repository at <paramref name="repoRoot"/>.</summary>
        public static IReadOnlyList<Finding> CheckRepository(string repoRoot)
        {
            var sources = PortableSourceFiles(repoRoot)
                .Select(relative => (relative, File.ReadAllText(System.IO.Path.Combine(repoRoot, relative))))
                .ToArray();
            return Check(sources);
        }

        /// <summary>
        /// Compiles <paramref name="sources"/> (path, text) together against the .NET platform and the host twin of
        /// nanoFramework.TestFramework, and returns every floating-point comparison outside <see cref="AllowedTypes"/>.
        /// </summary>
        /// <exception cref="InvalidOperationException">When the sources do not compile: an unresolved type could hide a comparison.</exception>
        public static IReadOnlyList<Finding> Check(IEnumerable<(string Path, string Text)> sources)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)).ToArray();
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(System.IO.Path.PathSeparator)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(nanoFramework.TestFramework.Assert).Assembly.Location));
            var compilation = CSharpCompilation.Create(
                "FloatComparisonCheck",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException("the checked sources do not compile:\n" + string.Join("\n", errors.Take(20)));
            }

            var findings = new List<Finding>();
            foreach (SyntaxTree tree in trees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
                {
                    string why = Classify(node, model);
                    if (why == null || IsInAllowedType(node, model))
                    {
                        continue;
                    }

                    int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    findings.Add(new Finding(tree.FilePath, line, node.ToString(), why));
                }
            }

            return findings;
        }

        private static string Classify(SyntaxNode node, SemanticModel model)
        {
            switch (node)
            {
                case BinaryExpressionSyntax binary when IsRelational(binary.Kind()):
                    var op = model.GetSymbolInfo(binary).Symbol as IMethodSymbol;
                    return op != null && op.Parameters.Any(p => IsFloating(p.Type)) ? "raw floating-point comparison" : null;
                case RelationalPatternSyntax pattern:
                    var patternOp = model.GetOperation(pattern) as IRelationalPatternOperation;
                    return patternOp != null && (IsFloating(patternOp.InputType) || IsFloating(patternOp.Value.Type)) ? "floating-point relational pattern" : null;
                case InvocationExpressionSyntax invocation:
                    var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
                    if (method == null || !method.Parameters.Any(p => IsFloating(p.Type)))
                    {
                        return null;
                    }

                    bool mathPick = method.ContainingType.ToDisplayString() == "System.Math" && (method.Name == "Max" || method.Name == "Min" || method.Name == "Clamp");
                    bool compareTo = method.Name == "CompareTo" && IsFloating(method.ContainingType);
                    return mathPick || compareTo ? "floating-point " + method.Name + " (NaN answer is the runtime's)" : null;
                default:
                    return null;
            }
        }

        private static bool IsRelational(SyntaxKind kind) =>
            kind == SyntaxKind.LessThanExpression || kind == SyntaxKind.GreaterThanExpression
            || kind == SyntaxKind.LessThanOrEqualExpression || kind == SyntaxKind.GreaterThanOrEqualExpression;

        private static bool IsFloating(ITypeSymbol type) =>
            type != null && (type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Single);

        private static bool IsInAllowedType(SyntaxNode node, SemanticModel model)
        {
            var declaration = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
            if (declaration == null)
            {
                return false;
            }

            string name = model.GetDeclaredSymbol(declaration)?.ToDisplayString();
            return AllowedTypes.Contains(name);
        }
    }
}
