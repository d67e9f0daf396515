using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PodFirmware.Portability
{
    /// <summary>
    /// The byte-code table nanoFramework's MetadataProcessor builds for an assembly's .pe, computed from a
    /// host-built assembly's method bodies. Method bodies are addressed with 16-bit offsets, so the table holds at
    /// most <see cref="LimitBytes"/> bytes; past that the MetadataProcessor refuses the assembly ("Byte code table
    /// overflow ... It's impossible to compile such a large assembly") and the board cannot load it.
    /// </summary>
    /// <remarks>
    /// <para>What the MetadataProcessor writes per method (its CodeWriter): every IL instruction with its opcode as
    /// in the CLI, and operands shortened where nanoFramework uses 16-bit tokens and offsets: a string, method,
    /// field or type token and a long branch offset take 2 bytes instead of 4; a switch takes 1 byte for its count
    /// and 2 per target instead of 4 and 4 per target; a calli signature takes none. Then, for a method with
    /// exception handlers, 10 bytes per handler and one byte for their count. Method headers and locals
    /// signatures are not in this table.</para>
    /// <para>On the host build of the same sources the figure is conservative (at least the board's): the host
    /// compiler lowers string interpolation through a handler type, which takes more instructions than the
    /// board's String.Format or String.Concat.</para>
    /// <para>Thread-safe: static and read-only.</para>
    /// </remarks>
    public static class NanoByteCode
    {
        /// <summary>Largest byte-code table, in bytes, an assembly's .pe can hold (16-bit offsets).</summary>
        public const int LimitBytes = NanoTableBudget.LimitBytes;

        private static readonly Dictionary<ushort, OpCode> OpCodesByValue = LoadOpCodes();

        /// <summary>The byte-code bytes of every method body in the assembly <paramref name="image"/> holds.</summary>
        public static int Bytes(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader metadata = pe.GetMetadataReader();
            int total = 0;
            foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
            {
                MethodDefinition method = metadata.GetMethodDefinition(handle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                total += MethodBytes(body.GetILBytes());
                int handlers = body.ExceptionRegions.Length;
                if (handlers > 0)
                {
                    total += (10 * handlers) + 1;
                }
            }

            return total;
        }

        /// <summary>The bytes the MetadataProcessor writes for the instructions of one IL body (without its handler table).</summary>
        public static int MethodBytes(byte[] il)
        {
            int total = 0;
            int at = 0;
            while (at < il.Length)
            {
                ushort value = il[at] == 0xFE ? (ushort)(0xFE00 | il[at + 1]) : il[at];
                if (!OpCodesByValue.TryGetValue(value, out OpCode opcode))
                {
                    throw new InvalidDataException("unknown IL opcode 0x" + value.ToString("X") + " at offset " + at);
                }

                at += opcode.Size;
                total += opcode.Size;
                switch (opcode.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        at += 1;
                        total += 1;
                        break;
                    case OperandType.InlineVar:
                        at += 2;
                        total += 2;
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineString:
                    case OperandType.InlineType:
                        at += 4;
                        total += 2;
                        break;
                    case OperandType.InlineSig:
                        at += 4;
                        break;
                    case OperandType.InlineI:
                    case OperandType.InlineTok:
                    case OperandType.ShortInlineR:
                        at += 4;
                        total += 4;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        at += 8;
                        total += 8;
                        break;
                    case OperandType.InlineSwitch:
                        int targets = BitConverter.ToInt32(il, at);
                        at += 4 + (4 * targets);
                        total += 1 + (2 * targets);
                        break;
                    default:
                        throw new InvalidDataException("IL operand type " + opcode.OperandType + " at offset " + at);
                }
            }

            return total;
        }

        /// <summary>Why <paramref name="bytes"/> of byte code do not fit, naming <paramref name="assembly"/>; null when within the budget.</summary>
        public static string Problem(string assembly, int bytes) =>
            NanoTableBudget.Problem(assembly, bytes, Table, "(the board refuses an assembly above " + LimitBytes + " bytes of byte code): move tests into another test project");

        /// <summary>The figure as the tests print it.</summary>
        public static string Describe(int bytes) => NanoTableBudget.Describe(bytes, Table);

        private const string Table = "byte code";

        private static Dictionary<ushort, OpCode> LoadOpCodes()
        {
            var map = new Dictionary<ushort, OpCode>();
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var opcode = (OpCode)field.GetValue(null)!;
                map[(ushort)opcode.Value] = opcode;
            }

            return map;
        }
    }
}
