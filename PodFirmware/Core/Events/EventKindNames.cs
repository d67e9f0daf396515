namespace PodFirmware.Core.Events
{
    /// <summary>The snake_case wire names of <see cref="EventKind"/> values, used in MQTT payloads and logs.</summary>
    /// <remarks>Lookups allocate nothing. Safe to call from any thread.</remarks>
    public static class EventKindNames
    {
        /// <summary>What <see cref="Of"/> returns for a value that is not a known kind.</summary>
        public const string Unknown = "unknown";

        // Index i names (EventKind)i.
        private static readonly string[] Names = new string[]
        {
            "none", "trip", "relay", "alarm", "fire_risk", "all_clear", "fault_cleared", "status", "session", "command_result", "warning",
            "session_started", "lock", "moving", "pilot", "derate", "card_refused", "move",
        };

        /// <summary>The wire name of <paramref name="kind"/>, e.g. <c>fire_risk</c>; <see cref="Unknown"/> for an unknown value.</summary>
        public static string Of(EventKind kind)
        {
            int index = (int)kind;
            return index >= 0 && index < Names.Length ? Names[index] : Unknown;
        }

        /// <summary>Number of named kinds; kinds run from 0 to <c>Count - 1</c>.</summary>
        public static int Count
        {
            get { return Names.Length; }
        }
    }
}
