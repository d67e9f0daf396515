using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace PodFirmware.Portability
{
    /// <summary>
    /// The string table nanoFramework's MetadataProcessor builds for an assembly's .pe, computed from a
    /// host-built assembly's metadata. The PE format addresses strings with 16-bit offsets, so the table holds
    /// at most <see cref="LimitBytes"/> bytes; past that the MetadataProcessor refuses the assembly
    /// ("String table overflow ... Can't use so many strings") and the board cannot load it.
    /// </summary>
    /// <remarks>
    /// <para>What the MetadataProcessor stores (nanoStringTable and the tables that call it), each distinct
    /// string once (ordinal comparison), as UTF-8 plus a terminating zero byte, starting with the empty string:
    /// the assembly's name; the names of referenced assemblies; namespace and name of every referenced and
    /// every defined type; the name of every member reference, method and field (constants, which have no
    /// field record, excepted); every string literal (ldstr); and in the custom attributes of types, fields and
    /// methods every string argument, the names of named arguments and the full name of typeof arguments.
    /// Parameter and local names are not stored. The MetadataProcessor also leaves out the names in its table
    /// of well-known strings (".ctor", "Add", "value", ...), which the loader knows by index; that table is part
    /// of nanoFramework's tool sources, which this repository does not copy, so they are counted here: the
    /// figure errs high by their share, never low.</para>
    /// <para>On the host build it also counts references to host reference assemblies ("System.Runtime" rather
    /// than "mscorlib") and compiler marker types, and always adds <see cref="CompilerSynthesized"/>. On this
    /// project's assemblies it reads about 750 to 1,150 bytes more than the table in the board's .pe
    /// (docs/architecture.md gives the figures).</para>
    /// <para>Thread-safe: static and read-only.</para>
    /// </remarks>
    public static class NanoStringTable
    {
        /// <summary>Largest string table, in bytes, an assembly's .pe can hold (16-bit string offsets).</summary>
        public const int LimitBytes = NanoTableBudget.LimitBytes;

        /// <summary>
        /// Names the C# compiler (language version 11 and later) puts into a board assembly and not into a host
        /// one: mscorlib lacks RefSafetyRulesAttribute, so the compiler defines it, with EmbeddedAttribute, in the
        /// assembly itself. Always counted, to keep the host figure from reading below the board's.
        /// </summary>
        public static readonly IReadOnlyList<string> CompilerSynthesized = new[]
        {
            "Microsoft.CodeAnalysis", "EmbeddedAttribute", "System.Runtime.CompilerServices", "RefSafetyRulesAttribute",
            "AttributeUsageAttribute", "AttributeTargets", "AllowMultiple", "Inherited",
        };

        /// <summary>
        /// The distinct strings the board assembly made of <paramref name="images"/> stores (their union, as when
        /// a test project compiles PodFirmware's sources in), under the assembly name <paramref name="boardName"/>.
        /// References between the given images (by assembly name) are not counted: on the board they are one assembly.
        /// </summary>
        public static SortedSet<string> Strings(string boardName, params byte[][] images)
        {
            var readers = new List<(PEReader Pe, MetadataReader Md)>();
            try
            {
                foreach (byte[] image in images)
                {
                    var pe = new PEReader(new MemoryStream(image));
                    readers.Add((pe, pe.GetMetadataReader()));
                }

                var merged = new HashSet<string>(readers.Select(r => r.Md.GetString(r.Md.GetAssemblyDefinition().Name)), StringComparer.Ordinal);
                var strings = new SortedSet<string>(CompilerSynthesized, StringComparer.Ordinal) { "", boardName };
                foreach (var (_, md) in readers)
                {
                    Collect(md, merged, strings);
                }

                return strings;
            }
            finally
            {
                foreach (var (pe, _) in readers)
                {
                    pe.Dispose();
                }
            }
        }

        /// <summary>
        /// One line naming the assembly and its size when <paramref name="bytes"/> exceeds the budget
        /// (<see cref="NanoTableBudget.Budget"/> of the limit); null when it fits.
        /// </summary>
        public static string Problem(string assembly, int bytes) =>
            NanoTableBudget.Problem(assembly, bytes, "strings", "(the board refuses an assembly above " + LimitBytes + " bytes)");

        /// <summary>"N bytes of strings (P % of 65535)".</summary>
        public static string Describe(int bytes) => NanoTableBudget.Describe(bytes, "strings");

        /// <summary>Bytes the table of <paramref name="strings"/> takes: UTF-8 length plus one per string.</summary>
        public static int Bytes(IEnumerable<string> strings) => strings.Sum(s => Encoding.UTF8.GetByteCount(s) + 1);

        /// <summary>Bytes of the string table of the board assembly made of the assemblies at <paramref name="paths"/>.</summary>
        public static int Bytes(string boardName, params string[] paths) => Bytes(Strings(boardName, paths.Select(File.ReadAllBytes).ToArray()));

        private static void Collect(MetadataReader md, HashSet<string> merged, SortedSet<string> strings)
        {
            foreach (AssemblyReferenceHandle h in md.AssemblyReferences)
            {
                string name = md.GetString(md.GetAssemblyReference(h).Name);
                if (!merged.Contains(name))
                {
                    strings.Add(name);
                }
            }

            foreach (TypeReferenceHandle h in md.TypeReferences)
            {
                TypeReference r = md.GetTypeReference(h);
                strings.Add(md.GetString(r.Name));
                strings.Add(md.GetString(r.Namespace));
            }

            foreach (MemberReferenceHandle h in md.MemberReferences)
            {
                strings.Add(md.GetString(md.GetMemberReference(h).Name));
            }

            var values = new AttributeValues(md);
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(h);
                string name = md.GetString(type.Name);
                if (name == "<Module>" && type.Namespace.IsNil)
                {
                    continue;
                }

                strings.Add(name);
                strings.Add(md.GetString(type.Namespace));
                AddAttributeStrings(md, values, type.GetCustomAttributes(), strings);

                foreach (FieldDefinitionHandle f in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(f);
                    if ((field.Attributes & FieldAttributes.Literal) == 0)
                    {
                        strings.Add(md.GetString(field.Name));
                        AddAttributeStrings(md, values, field.GetCustomAttributes(), strings);
                    }
                }

                foreach (MethodDefinitionHandle m in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(m);
                    strings.Add(md.GetString(method.Name));
                    AddAttributeStrings(md, values, method.GetCustomAttributes(), strings);
                }
            }

            for (UserStringHandle us = md.GetNextHandle(default(UserStringHandle)); !us.IsNil; us = md.GetNextHandle(us))
            {
                strings.Add(md.GetUserString(us));
            }
        }

        private static void AddAttributeStrings(MetadataReader md, AttributeValues values, CustomAttributeHandleCollection attributes, SortedSet<string> strings)
        {
            foreach (CustomAttributeHandle h in attributes)
            {
                var value = values.TryDecode(md.GetCustomAttribute(h));
                if (value == null)
                {
                    continue;
                }

                foreach (var named in value.Value.NamedArguments)
                {
                    strings.Add(named.Name);
                }

                foreach (var argument in AttributeValues.Flatten(value.Value))
                {
                    if (argument.Value is string text)
                    {
                        strings.Add(text);
                    }
                }
            }
        }
    }
}
