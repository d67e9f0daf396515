using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PodFirmware.Portability
{
    /// <summary>
    /// Finds <c>[DataRow]</c> arguments the board cannot decode. nanoCLR's attribute parser
    /// (CLR_RT_AttributeParser::Next in nf-interpreter src/CLR/Core/TypeSystem.cpp) reads the elements of an
    /// attribute's object[] argument and accepts only element types whose data type is numeric
    /// (bool, char, sbyte, byte, short, ushort, int, uint, long, ulong, float, double) or string; anything else
    /// ends in CLR_E_WRONG_TYPE, thrown outside the test launcher's per-test handling, so every test class after
    /// it is silently not run. The MetadataProcessor writes no value at all for an enum or an array element and
    /// a type name string for a typeof, and it crashes on a null (<c>[DataRow(null)]</c> or a null string).
    /// </summary>
    /// <remarks>Thread-safe: static, no shared state.</remarks>
    public static class DataRowCheck
    {
        /// <summary>Full name of the attribute checked.</summary>
        public const string DataRowAttribute = "nanoFramework.TestFramework.DataRowAttribute";

        /// <summary>The element types the board decodes, as <see cref="AttributeValues"/> names them.</summary>
        public static readonly IReadOnlySet<string> Decodable = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool", "char", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "string",
        };

        /// <summary>Checks the assembly at <paramref name="path"/>.</summary>
        public static IReadOnlyList<string> Check(string path) => Check(File.ReadAllBytes(path));

        /// <summary>
        /// One line per undecodable argument: "Type.Method: DataRow #k argument i is ... (why)"; empty when every
        /// row decodes on the board.
        /// </summary>
        public static IReadOnlyList<string> Check(byte[] image)
        {
            var problems = new List<string>();
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader md = pe.GetMetadataReader();
            var values = new AttributeValues(md);
            foreach (TypeDefinitionHandle t in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(t);
                foreach (MethodDefinitionHandle m in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(m);
                    string test = values.TypeName(t) + "." + md.GetString(method.Name);
                    int row = 0;
                    foreach (CustomAttributeHandle h in method.GetCustomAttributes())
                    {
                        CustomAttribute attribute = md.GetCustomAttribute(h);
                        if (values.AttributeTypeName(attribute) != DataRowAttribute)
                        {
                            continue;
                        }

                        row++;
                        string where = test + ": DataRow #" + row;
                        var decoded = values.TryDecode(attribute);
                        if (decoded == null)
                        {
                            problems.Add(where + " cannot be decoded");
                            continue;
                        }

                        foreach (var argument in decoded.Value.FixedArguments)
                        {
                            CheckRow(where, argument, problems);
                        }
                    }
                }
            }

            return problems;
        }

        private static void CheckRow(string where, CustomAttributeTypedArgument<string> argument, List<string> problems)
        {
            if (argument.Type != "object[]")
            {
                // A constructor with typed parameters: the board decodes a single numeric or string one.
                CheckElement(where + " argument", argument, problems);
                return;
            }

            if (argument.Value == null)
            {
                problems.Add(where + " is null (the MetadataProcessor crashes on it)");
                return;
            }

            var items = (ImmutableArray<CustomAttributeTypedArgument<string>>)argument.Value;
            for (int i = 0; i < items.Length; i++)
            {
                CheckElement(where + " argument " + i, items[i], problems);
            }
        }

        private static void CheckElement(string where, CustomAttributeTypedArgument<string> element, List<string> problems)
        {
            string type = element.Type;
            if (type.StartsWith(AttributeValues.EnumPrefix, StringComparison.Ordinal))
            {
                string name = type.Substring(AttributeValues.EnumPrefix.Length);
                int comma = name.IndexOf(',');
                problems.Add(where + " is an enum (" + (comma < 0 ? name : name.Substring(0, comma)) + "); the board decodes only numbers and strings: cast it to int");
            }
            else if (type == AttributeValues.SystemType)
            {
                problems.Add(where + " is a typeof; the board decodes only numbers and strings");
            }
            else if (element.Value == null)
            {
                problems.Add(where + " is null (the MetadataProcessor crashes on it); the board decodes only numbers and strings");
            }
            else if (!Decodable.Contains(type))
            {
                problems.Add(where + " is " + type + "; the board decodes only numbers and strings");
            }
        }
    }
}
