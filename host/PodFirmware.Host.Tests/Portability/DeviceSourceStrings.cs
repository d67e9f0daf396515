using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PodFirmware.Host.Tests.Portability
{
    /// <summary>
    /// An upper bound of the strings the device-only sources (folders named Device/) add to their assembly's
    /// string table. The host cannot compile them (they call nanoFramework hardware APIs), so they are read as
    /// syntax: every identifier (names of types, namespaces, members and the members they call, but also locals
    /// and parameters, which the board does not store), every string literal, and the accessor names a member
    /// access may stand for (get_X for X after a dot or declared as a property, set_X when assigned, add_X /
    /// remove_X for += / -=). It can only count more than the board does.
    /// </summary>
    public static class DeviceSourceStrings
    {
        /// <summary>The device-only .cs files under <paramref name="projectDir"/>.</summary>
        public static IEnumerable<string> Files(string projectDir) =>
            Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                .Where(f => PodFirmware.Host.DeviceBuild.NfprojFiles.IsDeviceOnly(Path.GetRelativePath(projectDir, f)));

        /// <summary>The strings of the given sources, as described on the class.</summary>
        public static HashSet<string> Collect(IEnumerable<string> files)
        {
            var strings = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (string file in files)
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (SyntaxToken token in root.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        strings.Add(token.ValueText);
                    }
                    else if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                    {
                        strings.Add(token.ValueText);
                    }
                }

                foreach (var property in root.DescendantNodes().OfType<PropertyDeclarationSyntax>())
                {
                    strings.Add("get_" + property.Identifier.ValueText);
                    strings.Add("set_" + property.Identifier.ValueText);
                }

                foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                {
                    string name = access.Name.Identifier.ValueText;
                    strings.Add("get_" + name);
                    if (access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access)
                    {
                        strings.Add(assignment.IsKind(SyntaxKind.AddAssignmentExpression) ? "add_" + name
                            : assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) ? "remove_" + name
                            : "set_" + name);
                    }
                }
            }

            return strings;
        }
    }
}
