using System;
using System.Collections.Generic;
using System.IO;

namespace PodFirmware.Portability
{
    /// <summary>
    /// The nanoFramework v1 API listing (shared/nanoframework/api-v1.tsv): every public type and
    /// member of the device libraries. Members are matched by type full name and signature, never
    /// by assembly, because the host keeps the same types in other assemblies.
    /// </summary>
    public sealed class ApiListing
    {
        private readonly HashSet<string> _types = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<Row> _rows = new List<Row>();

        /// <summary>One line of the listing.</summary>
        public readonly record struct Row(string Assembly, string Type, string Kind, string Signature);

        /// <summary>Every row, in file order.</summary>
        public IReadOnlyList<Row> Rows => _rows;

        /// <summary>Reads a listing file; a malformed line is an error naming its number.</summary>
        public static ApiListing Load(string path)
        {
            var listing = new ApiListing();
            int lineNumber = 0;
            foreach (string line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                string[] cells = line.Split('\t');
                if (cells.Length != 4)
                {
                    throw new FormatException(path + ":" + lineNumber + ": expected 4 tab-separated cells, found " + cells.Length);
                }

                listing.Add(new Row(cells[0], cells[1], cells[2], cells[3]));
            }

            return listing;
        }

        private void Add(Row row)
        {
            _rows.Add(row);
            if (row.Kind == "type")
            {
                _types.Add(row.Type);
            }
            else
            {
                _members.Add(MemberKey(row.Type, StripStatic(row.Signature)));
            }
        }

        /// <summary><c>true</c> when the device has a type of this full name (nested types as Outer+Inner).</summary>
        public bool HasType(string fullName) => _types.Contains(fullName);

        /// <summary>
        /// <c>true</c> when the device's <paramref name="typeFullName"/> has a member with this signature,
        /// written as the listing writes it (<c>Name(ParamType,...):ReturnType</c> or <c>Name:FieldType</c>),
        /// with or without the <c>static </c> prefix.
        /// </summary>
        public bool HasMember(string typeFullName, string signature) => _members.Contains(MemberKey(typeFullName, StripStatic(signature)));

        private static string MemberKey(string type, string signature) => type + "::" + signature;

        private static string StripStatic(string signature) => signature.StartsWith("static ", StringComparison.Ordinal) ? signature.Substring(7) : signature;
    }
}
