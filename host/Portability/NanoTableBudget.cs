using System.Globalization;

namespace PodFirmware.Portability
{
    /// <summary>
    /// The budget both 16-bit tables of a board assembly are held to (the string table, <see cref="NanoStringTable"/>,
    /// and the byte code, <see cref="NanoByteCode"/>): the MetadataProcessor refuses an assembly whose table exceeds
    /// <see cref="LimitBytes"/>, and the checks fail above <see cref="Budget"/> of it, leaving room to grow.
    /// </summary>
    public static class NanoTableBudget
    {
        /// <summary>Largest table the MetadataProcessor writes, in bytes (16-bit offsets).</summary>
        public const int LimitBytes = 65535;

        /// <summary>Share of <see cref="LimitBytes"/> an assembly may use before the check fails.</summary>
        public const double Budget = 0.90;

        /// <summary>"N bytes of <paramref name="table"/> (P % of 65535)".</summary>
        public static string Describe(int bytes, string table) =>
            bytes + " bytes of " + table + " (" + (100.0 * bytes / LimitBytes).ToString("0.0", CultureInfo.InvariantCulture) + " % of " + LimitBytes + ")";

        /// <summary>
        /// One line naming the assembly, its size and why it is refused when <paramref name="bytes"/> exceeds the budget;
        /// null when it fits. <paramref name="refusal"/> closes the line (what the board refuses, and what to do).
        /// </summary>
        public static string Problem(string assembly, int bytes, string table, string refusal) =>
            bytes > Budget * LimitBytes ? assembly + ": " + Describe(bytes, table) + ", above the " + (int)(Budget * 100) + " % budget " + refusal : null;
    }
}
