using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace PodFirmware.Portability
{
    /// <summary>
    /// Finds string constants in a host-built portable assembly that nanoFramework would read differently
    /// from .NET: any holding U+0000 (a nanoFramework string ends there) or a surrogate code unit (a
    /// character beyond U+FFFF, whose pair the board's string indexer mangles, or a lone surrogate, which
    /// has no UTF-8 form in the board's string table). It reads the literals the code loads (<c>ldstr</c>,
    /// the user-string heap) and the string arguments of custom attributes (<c>[DataRow("...")]</c>).
    /// Such text must be built at run time from bytes or code units instead; docs/mqtt.md, "Text encoding".
    /// </summary>
    public static class BoardTextChecker
    {
        /// <summary>Rule name in the <see cref="Violation"/>s this checker reports.</summary>
        public const string Rule = "board-text";

        /// <summary>
        /// Checks the assembly at <paramref name="path"/>; when its portable PDB lies beside it, each finding
        /// also names the source file of the method.
        /// </summary>
        public static IReadOnlyList<Violation> Check(string path)
        {
            string pdb = Path.ChangeExtension(path, ".pdb");
            return Check(File.ReadAllBytes(path), File.Exists(pdb) ? File.ReadAllBytes(pdb) : null);
        }

        /// <summary>
        /// Checks an assembly image held in memory. Each finding's subject is
        /// <c>Assembly: Namespace.Type::Method [file]: "literal"</c>, the literal escaped as <c>\uXXXX</c> outside
        /// printable ASCII; sorted, no repeats.
        /// </summary>
        /// <param name="image">The assembly.</param>
        /// <param name="portablePdb">Its portable PDB, or null.</param>
        public static IReadOnlyList<Violation> Check(byte[] image, byte[] portablePdb)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader reader = pe.GetMetadataReader();
            using MetadataReaderProvider pdbProvider = portablePdb == null ? null : MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create<byte>(portablePdb));
            MetadataReader pdb = pdbProvider?.GetMetadataReader();
            string assembly = reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : "module";
            var found = new SortedSet<string>(StringComparer.Ordinal);

            var badLiterals = new Dictionary<int, string>();
            int heapSize = reader.GetHeapSize(HeapIndex.UserString);
            for (UserStringHandle handle = MetadataTokens.UserStringHandle(1); !handle.IsNil && MetadataTokens.GetHeapOffset(handle) < heapSize; handle = reader.GetNextHandle(handle))
            {
                string text = reader.GetUserString(handle);
                if (IsMangledOnBoard(text))
                {
                    badLiterals[MetadataTokens.GetToken(handle)] = text;
                }
            }

            var loaded = new HashSet<int>();
            foreach (MethodDefinitionHandle methodHandle in reader.MethodDefinitions)
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (badLiterals.Count == 0 || method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? Array.Empty<byte>();
                for (int i = 0; i + 4 < il.Length; i++)
                {
                    // ldstr (0x72) and a user-string token (table 0x70): the pattern cannot occur by chance with a matching offset.
                    if (il[i] != 0x72 || il[i + 4] != 0x70)
                    {
                        continue;
                    }

                    int token = BitConverter.ToInt32(il, i + 1);
                    if (badLiterals.TryGetValue(token, out string literal))
                    {
                        loaded.Add(token);
                        found.Add(assembly + ": " + MethodName(reader, pdb, methodHandle) + ": \"" + Escape(literal) + "\"");
                    }
                }
            }

            foreach (KeyValuePair<int, string> literal in badLiterals.Where(l => !loaded.Contains(l.Key)))
            {
                found.Add(assembly + ": (user string heap): \"" + Escape(literal.Value) + "\"");
            }

            var values = new AttributeValues(reader);
            foreach (CustomAttributeHandle attributeHandle in reader.CustomAttributes)
            {
                CustomAttribute attribute = reader.GetCustomAttribute(attributeHandle);
                foreach (string text in AttributeStrings(values, attribute).Where(IsMangledOnBoard))
                {
                    string owner = attribute.Parent.Kind == HandleKind.MethodDefinition
                        ? MethodName(reader, pdb, (MethodDefinitionHandle)attribute.Parent)
                        : "(attribute on " + attribute.Parent.Kind + ")";
                    found.Add(assembly + ": " + owner + " attribute: \"" + Escape(text) + "\"");
                }
            }

            return found.Select(subject => new Violation(Rule, subject)).ToList();
        }

        /// <summary><c>true</c> when <paramref name="text"/> holds U+0000 or any surrogate code unit.</summary>
        public static bool IsMangledOnBoard(string text) => text.Any(c => c == '\0' || char.IsSurrogate(c));

        /// <summary><paramref name="text"/> with everything outside printable ASCII (and the backslash and quote) as <c>\uXXXX</c>.</summary>
        public static string Escape(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"')
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4"));
                }
            }

            return builder.ToString();
        }

        private static string MethodName(MetadataReader reader, MetadataReader pdb, MethodDefinitionHandle handle)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            string name = SignatureNames.FullName(reader, method.GetDeclaringType()) + "::" + reader.GetString(method.Name);
            if (pdb != null)
            {
                MethodDebugInformation debug = pdb.GetMethodDebugInformation(handle.ToDebugInformationHandle());
                DocumentHandle document = debug.Document;
                if (document.IsNil)
                {
                    document = debug.GetSequencePoints().Select(p => p.Document).FirstOrDefault(d => !d.IsNil);
                }

                if (!document.IsNil)
                {
                    name += " [" + Path.GetFileName(pdb.GetString(pdb.GetDocument(document).Name)) + "]";
                }
            }

            return name;
        }

        private static IEnumerable<string> AttributeStrings(AttributeValues values, CustomAttribute attribute)
        {
            CustomAttributeValue<string>? value;
            try
            {
                value = values.TryDecode(attribute);
            }
            catch (NotSupportedException)
            {
                return Array.Empty<string>();
            }

            return value == null
                ? Array.Empty<string>()
                : AttributeValues.Flatten(value.Value).Select(a => a.Value).OfType<string>().ToList();
        }
    }
}
