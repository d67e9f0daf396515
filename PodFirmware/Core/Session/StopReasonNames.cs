namespace PodFirmware.Core.Session
{
    /// <summary>Wire names of <see cref="StopReason"/> and the OCPP 1.6 StopTransaction reason each maps to.</summary>
    /// <remarks>Static read-only tables; safe from any thread; lookups allocate nothing.</remarks>
    public static class StopReasonNames
    {
        /// <summary>Returned for a value outside the enum.</summary>
        public const string Unknown = "unknown";

        // Index i describes (StopReason)i.
        private static readonly string[] Names = new string[]
        {
            "none", "stop_command", "unplugged", "trip", "energy_limit", "duration_limit", "amount_limit", "undocked", "controller_lost",
        };

        private static readonly string[] Ocpp = new string[]
        {
            "Other", "Remote", "EVDisconnected", "EmergencyStop", "Other", "Other", "Other", "EVDisconnected", "Other",
        };

        /// <summary>The snake_case wire name of <paramref name="reason"/>, or <see cref="Unknown"/>.</summary>
        public static string Of(StopReason reason)
        {
            int index = (int)reason;
            return index >= 0 && index < Names.Length ? Names[index] : Unknown;
        }

        /// <summary>The OCPP 1.6 StopTransaction reason for <paramref name="reason"/> ("Other" when none fits).</summary>
        public static string OcppOf(StopReason reason)
        {
            int index = (int)reason;
            return index >= 0 && index < Ocpp.Length ? Ocpp[index] : "Other";
        }

        /// <summary>How many reasons have names.</summary>
        public static int Count
        {
            get { return Names.Length; }
        }
    }
}
