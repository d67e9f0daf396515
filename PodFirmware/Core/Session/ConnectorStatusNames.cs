namespace PodFirmware.Core.Session
{
    /// <summary>Wire names of <see cref="ConnectorStatus"/>: exactly the OCPP 1.6 ChargePointStatus spellings.</summary>
    /// <remarks>Static read-only table; safe from any thread; lookups allocate nothing.</remarks>
    public static class ConnectorStatusNames
    {
        /// <summary>Returned for a value outside the enum.</summary>
        public const string Unknown = "Unknown";

        // Index i names (ConnectorStatus)i.
        private static readonly string[] Names = new string[]
        {
            "Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved", "Unavailable", "Faulted",
        };

        /// <summary>The OCPP name of <paramref name="status"/>, or <see cref="Unknown"/>.</summary>
        public static string Of(ConnectorStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < Names.Length ? Names[index] : Unknown;
        }

        /// <summary>How many statuses have names.</summary>
        public static int Count
        {
            get { return Names.Length; }
        }
    }
}
