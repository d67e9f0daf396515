namespace PodFirmware.Core.Pilot
{
    /// <summary>Wire names of <see cref="CpState"/>.</summary>
    /// <remarks>Static read-only table; safe from any thread; lookups allocate nothing.</remarks>
    public static class CpStateNames
    {
        // Row i names (CpState)i.
        private static readonly string[] Names = { "A", "B", "C", "D", "E", "F", "invalid", "no_diode" };

        /// <summary>The wire name of <paramref name="state"/>; "invalid" for a value outside the enum.</summary>
        public static string Of(CpState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "invalid";
        }
    }
}
