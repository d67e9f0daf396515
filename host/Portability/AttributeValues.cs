using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace PodFirmware.Portability
{
    /// <summary>
    /// Decodes custom attribute blobs with System.Reflection.Metadata, naming each argument's type as a
    /// string: the C# keyword for primitives (<c>bool</c>, <c>char</c>, <c>sbyte</c>, <c>byte</c>, <c>short</c>,
    /// <c>ushort</c>, <c>int</c>, <c>uint</c>, <c>long</c>, <c>ulong</c>, <c>float</c>, <c>double</c>,
    /// <c>string</c>, <c>object</c>), <c>System.Type</c> for a typeof, <c>enum X</c> for an enum and
    /// <c>T[]</c> for an array.
    /// </summary>
    /// <remarks>Stateless per reader; not shared between threads.</remarks>
    public sealed class AttributeValues : ICustomAttributeTypeProvider<string>
    {
        /// <summary>Name of the type of a typeof argument.</summary>
        public const string SystemType = "System.Type";

        /// <summary>Prefix of an enum argument's type name.</summary>
        public const string EnumPrefix = "enum ";

        private readonly MetadataReader _reader;

        /// <summary>Creates a decoder for attributes of the assembly read by <paramref name="reader"/>.</summary>
        public AttributeValues(MetadataReader reader)
        {
            _reader = reader;
        }

        /// <summary>Decodes one attribute; null when its blob cannot be decoded.</summary>
        public CustomAttributeValue<string>? TryDecode(CustomAttribute attribute)
        {
            try
            {
                return attribute.DecodeValue(this);
            }
            catch (BadImageFormatException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>Full name (Namespace.Name, nested with '+') of an attribute's type.</summary>
        public string AttributeTypeName(CustomAttribute attribute)
        {
            EntityHandle type;
            switch (attribute.Constructor.Kind)
            {
                case HandleKind.MemberReference:
                    type = _reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                    break;
                case HandleKind.MethodDefinition:
                    type = _reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                    break;
                default:
                    return "";
            }

            return TypeName(type);
        }

        /// <summary>Full name of a TypeDef or TypeRef; "" for anything else.</summary>
        public string TypeName(EntityHandle type)
        {
            if (type.Kind == HandleKind.TypeReference)
            {
                TypeReference r = _reader.GetTypeReference((TypeReferenceHandle)type);
                string name = _reader.GetString(r.Name);
                if (r.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    return TypeName((TypeReferenceHandle)r.ResolutionScope) + "+" + name;
                }

                string ns = _reader.GetString(r.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            if (type.Kind == HandleKind.TypeDefinition)
            {
                TypeDefinition d = _reader.GetTypeDefinition((TypeDefinitionHandle)type);
                string name = _reader.GetString(d.Name);
                TypeDefinitionHandle outer = d.GetDeclaringType();
                if (!outer.IsNil)
                {
                    return TypeName(outer) + "+" + name;
                }

                string ns = _reader.GetString(d.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            return "";
        }

        /// <inheritdoc/>
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "sbyte",
            PrimitiveTypeCode.Byte => "byte",
            PrimitiveTypeCode.Int16 => "short",
            PrimitiveTypeCode.UInt16 => "ushort",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.UInt32 => "uint",
            PrimitiveTypeCode.Int64 => "long",
            PrimitiveTypeCode.UInt64 => "ulong",
            PrimitiveTypeCode.Single => "float",
            PrimitiveTypeCode.Double => "double",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            _ => typeCode.ToString(),
        };

        /// <inheritdoc/>
        public string GetSystemType() => SystemType;

        /// <inheritdoc/>
        public string GetSZArrayType(string elementType) => elementType + "[]";

        /// <inheritdoc/>
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(handle);

        /// <inheritdoc/>
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(handle);

        /// <inheritdoc/>
        public string GetTypeFromSerializedName(string name) => EnumPrefix + name;

        /// <inheritdoc/>
        public PrimitiveTypeCode GetUnderlyingEnumType(string type)
        {
            // The enum's own value__ field when it is defined here; an enum defined elsewhere is taken as int,
            // the underlying type of every enum of this project and of the framework attributes it uses.
            string name = type.StartsWith(EnumPrefix, StringComparison.Ordinal) ? type.Substring(EnumPrefix.Length) : type;
            foreach (TypeDefinitionHandle handle in _reader.TypeDefinitions)
            {
                if (TypeName(handle) != name)
                {
                    continue;
                }

                foreach (FieldDefinitionHandle f in _reader.GetTypeDefinition(handle).GetFields())
                {
                    FieldDefinition field = _reader.GetFieldDefinition(f);
                    if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0)
                    {
                        BlobReader sig = _reader.GetBlobReader(field.Signature);
                        sig.ReadSignatureHeader();
                        return (PrimitiveTypeCode)sig.ReadSignatureTypeCode();
                    }
                }
            }

            return PrimitiveTypeCode.Int32;
        }

        /// <inheritdoc/>
        public bool IsSystemType(string type) => type == SystemType || type == "System.Type";

        /// <summary>Every argument of a decoded attribute, fixed then named, with the elements of object[] arrays flattened in.</summary>
        public static ImmutableArray<CustomAttributeTypedArgument<string>> Flatten(CustomAttributeValue<string> value)
        {
            var all = ImmutableArray.CreateBuilder<CustomAttributeTypedArgument<string>>();
            foreach (var a in value.FixedArguments)
            {
                Add(all, a);
            }

            foreach (var a in value.NamedArguments)
            {
                Add(all, new CustomAttributeTypedArgument<string>(a.Type, a.Value));
            }

            return all.ToImmutable();
        }

        private static void Add(ImmutableArray<CustomAttributeTypedArgument<string>>.Builder all, CustomAttributeTypedArgument<string> a)
        {
            all.Add(a);
            if (a.Value is ImmutableArray<CustomAttributeTypedArgument<string>> items)
            {
                foreach (var item in items)
                {
                    Add(all, item);
                }
            }
        }
    }
}
