using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PodFirmware.Portability
{
    /// <summary>One thing a host-built assembly uses or declares that nanoFramework v1 lacks.</summary>
    /// <param name="Rule">Which rule it breaks: missing-type, missing-member, generic-type, generic-method, generic-instance, generic-call, async.</param>
    /// <param name="Subject">The type or member, by full name and signature.</param>
    public sealed record Violation(string Rule, string Subject)
    {
        /// <summary>One line for a report.</summary>
        public override string ToString() => Rule + ": " + Subject;
    }

    /// <summary>
    /// Reads a host-built portable assembly's metadata and reports everything in it the device
    /// would not have: references to types and members missing from the API listing, any generic
    /// type or method it declares, any generic instantiation or call, and async methods.
    /// </summary>
    /// <remarks>
    /// References into the project's own assemblies are not looked up in the listing (those
    /// assemblies are checked themselves). A few host-compiler lowerings that have device
    /// equivalents are allowed by name in <see cref="Lowerings"/>.
    /// </remarks>
    public sealed class PortabilityChecker
    {
        /// <summary>
        /// Host-only code the C# compiler emits for source that compiles to something else for
        /// nanoFramework, keyed by the host type; the value says what the device build uses instead.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> Lowerings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // $"..." lowers to this handler's generic AppendFormatted<T> on .NET 6+; mscorlib of
            // nanoFramework has no handler type, so Roslyn lowers the same source to String.Format(String, Object[]).
            ["System.Runtime.CompilerServices.DefaultInterpolatedStringHandler"] = "string interpolation: String.Format(String,Object[]) on the device",
            // The SDK stamps these onto every assembly; they carry no code and the nanoFramework build does not emit them.
            ["System.Runtime.Versioning.TargetFrameworkAttribute"] = "assembly metadata stamped by the host SDK",
            ["System.Runtime.CompilerServices.CompilationRelaxationsAttribute"] = "assembly metadata stamped by the host compiler",
            ["System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"] = "assembly metadata stamped by the host compiler",
            ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] = "module metadata stamped by the host compiler",
            ["System.Diagnostics.DebuggableAttribute"] = "assembly metadata stamped by the host compiler",
            ["System.Diagnostics.DebuggableAttribute+DebuggingModes"] = "assembly metadata stamped by the host compiler",
            // Marks closure and iterator classes; Roslyn leaves it out where mscorlib lacks the type.
            ["System.Runtime.CompilerServices.CompilerGeneratedAttribute"] = "marker on compiler-made types, omitted by the device build",
        };

        private readonly ApiListing _listing;
        private readonly HashSet<string> _ownAssemblies;

        /// <summary>Creates a checker against <paramref name="listing"/>.</summary>
        /// <param name="listing">The device API listing.</param>
        /// <param name="ownAssemblies">Names of the project's own assemblies, whose members are not looked up in the listing.</param>
        public PortabilityChecker(ApiListing listing, IEnumerable<string> ownAssemblies)
        {
            _listing = listing;
            _ownAssemblies = new HashSet<string>(ownAssemblies, StringComparer.Ordinal);
        }

        /// <summary>Checks the assembly at <paramref name="path"/>.</summary>
        public IReadOnlyList<Violation> Check(string path) => Check(File.ReadAllBytes(path));

        /// <summary>Checks an assembly image held in memory; the result is sorted and free of repeats.</summary>
        public IReadOnlyList<Violation> Check(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader reader = pe.GetMetadataReader();
            var found = new SortedSet<Violation>(Comparer<Violation>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString())));

            CheckDefinitions(reader, found);
            CheckTypeReferences(reader, found);
            CheckTypeSpecifications(reader, found);
            CheckMemberReferences(reader, found);
            CheckMethodSpecifications(reader, found);
            return found.ToList();
        }

        private static void CheckDefinitions(MetadataReader reader, ISet<Violation> found)
        {
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                string typeName = SignatureNames.FullName(reader, handle);
                if (type.GetGenericParameters().Count > 0 && !IsCompilerEmbedded(typeName))
                {
                    found.Add(new Violation("generic-type", typeName));
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                    string methodName = typeName + "::" + reader.GetString(method.Name);
                    if (method.GetGenericParameters().Count > 0)
                    {
                        found.Add(new Violation("generic-method", methodName));
                    }

                    foreach (CustomAttributeHandle attributeHandle in method.GetCustomAttributes())
                    {
                        string attributeType = AttributeTypeName(reader, reader.GetCustomAttribute(attributeHandle));
                        if (attributeType == "System.Runtime.CompilerServices.AsyncStateMachineAttribute" ||
                            attributeType == "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute")
                        {
                            found.Add(new Violation("async", methodName));
                        }
                    }
                }
            }
        }

        private void CheckTypeReferences(MetadataReader reader, ISet<Violation> found)
        {
            foreach (TypeReferenceHandle handle in reader.TypeReferences)
            {
                if (IsOwn(reader, handle))
                {
                    continue;
                }

                string name = SignatureNames.FullName(reader, handle);
                if (!_listing.HasType(name) && !Lowerings.ContainsKey(name))
                {
                    found.Add(new Violation("missing-type", name));
                }
            }
        }

        private static void CheckTypeSpecifications(MetadataReader reader, ISet<Violation> found)
        {
            foreach (TypeSpecificationHandle handle in EnumerateTypeSpecifications(reader))
            {
                string decoded = reader.GetTypeSpecification(handle).DecodeSignature(SignatureNames.Instance, null);
                if (decoded.Contains('<') && !Lowerings.Keys.Any(decoded.StartsWith))
                {
                    found.Add(new Violation("generic-instance", decoded));
                }
            }
        }

        private void CheckMemberReferences(MetadataReader reader, ISet<Violation> found)
        {
            foreach (MemberReferenceHandle handle in reader.MemberReferences)
            {
                MemberReference member = reader.GetMemberReference(handle);
                string parent;
                switch (member.Parent.Kind)
                {
                    case HandleKind.TypeReference:
                        if (IsOwn(reader, (TypeReferenceHandle)member.Parent))
                        {
                            continue;
                        }

                        parent = SignatureNames.FullName(reader, (TypeReferenceHandle)member.Parent);
                        break;
                    case HandleKind.TypeSpecification:
                        // A member of a generic instance: the instance itself is already reported.
                        continue;
                    default:
                        continue;
                }

                if (Lowerings.ContainsKey(parent))
                {
                    continue;
                }

                string name = reader.GetString(member.Name);
                string signature = member.GetKind() == MemberReferenceKind.Method
                    ? SignatureNames.Method(name, member.DecodeMethodSignature(SignatureNames.Instance, null))
                    : name + ":" + member.DecodeFieldSignature(SignatureNames.Instance, null);
                if (!_listing.HasMember(parent, signature))
                {
                    found.Add(new Violation("missing-member", parent + "::" + signature));
                }
            }
        }

        private static void CheckMethodSpecifications(MetadataReader reader, ISet<Violation> found)
        {
            for (int row = 1; row <= reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                MethodSpecification spec = reader.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                string target = MethodName(reader, spec.Method);
                if (Lowerings.Keys.Any(target.StartsWith))
                {
                    continue;
                }

                found.Add(new Violation("generic-call", target + "<" + string.Join(",", spec.DecodeSignature(SignatureNames.Instance, null)) + ">"));
            }
        }

        private static string MethodName(MetadataReader reader, EntityHandle method)
        {
            if (method.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition definition = reader.GetMethodDefinition((MethodDefinitionHandle)method);
                return SignatureNames.FullName(reader, definition.GetDeclaringType()) + "::" + reader.GetString(definition.Name);
            }

            MemberReference reference = reader.GetMemberReference((MemberReferenceHandle)method);
            string parent = reference.Parent.Kind switch
            {
                HandleKind.TypeReference => SignatureNames.FullName(reader, (TypeReferenceHandle)reference.Parent),
                HandleKind.TypeDefinition => SignatureNames.FullName(reader, (TypeDefinitionHandle)reference.Parent),
                HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)reference.Parent).DecodeSignature(SignatureNames.Instance, null),
                _ => "?",
            };
            return parent + "::" + reader.GetString(reference.Name);
        }

        private bool IsOwn(MetadataReader reader, TypeReferenceHandle handle)
        {
            EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference)
            {
                scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
            }

            return scope.Kind == HandleKind.AssemblyReference &&
                   _ownAssemblies.Contains(reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name));
        }

        private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
        {
            EntityHandle parent = attribute.Constructor.Kind == HandleKind.MemberReference
                ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            return parent.Kind switch
            {
                HandleKind.TypeReference => SignatureNames.FullName(reader, (TypeReferenceHandle)parent),
                HandleKind.TypeDefinition => SignatureNames.FullName(reader, (TypeDefinitionHandle)parent),
                _ => "",
            };
        }

        // Types the compiler embeds into the assembly for its own bookkeeping (e.g. the
        // <PrivateImplementationDetails> of array initialisers); they are not written by hand.
        private static bool IsCompilerEmbedded(string typeName) => typeName.StartsWith('<');

        private static IEnumerable<TypeSpecificationHandle> EnumerateTypeSpecifications(MetadataReader reader)
        {
            for (int row = 1; row <= reader.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                yield return MetadataTokens.TypeSpecificationHandle(row);
            }
        }
    }
}
