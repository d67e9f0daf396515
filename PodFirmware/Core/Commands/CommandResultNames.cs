namespace PodFirmware.Core.Commands
{
    /// <summary>Wire names (snake_case) and human-readable reasons of <see cref="CommandResultCode"/>.</summary>
    /// <remarks>Static read-only tables; safe from any thread; lookups allocate nothing.</remarks>
    public static class CommandResultNames
    {
        /// <summary>Returned for a value outside the enum.</summary>
        public const string Unknown = "unknown";

        // Row i describes (CommandResultCode)i; a test keeps it so.
        private static readonly string[] Names = new string[]
        {
            "ok", "not_docked", "not_plugged", "fault_latched", "reserved_for_other", "session_active", "no_session",
            "no_reservation", "no_move_permission", "limit_out_of_range", "self_test_failed", "lock_fault",
            "nothing_latched", "condition_present", "temperature_too_high", "sensor_fault_present", "store_failed",
            "busy", "not_supported", "moving", "cable_not_recognised", "site_full",
            "card_refused", "card_rate_limited", "card_unknown", "key_rejected", "key_store_failed",
        };

        private static readonly string[] Reasons = new string[]
        {
            "Applied.",
            "The pod is not docked to a lamp post.",
            "No plug is detected in the connector.",
            "A fault is latched; reset it first.",
            "The pod is reserved for another account.",
            "A charging session is running.",
            "No charging session is running.",
            "No reservation is held.",
            "The account has no permission to move pods.",
            "The current limit is outside 0 A to the pod's rated current.",
            "The self-test failed; see the fault for the check that failed.",
            "A lock reports a fault.",
            "No fault is latched.",
            "The condition that tripped is still present.",
            "The connector is still above its reset temperature.",
            "A safety sensor still reads a fault.",
            "The persisted fault latch could not be deleted; the pod stays latched.",
            "The pod is busy (command queue, result store or intake full); nothing was applied; send again.",
            "This pod does not support the command.",
            "The pod is moving; dock and lock it first.",
            "The cable's PP resistor reads open or out of band; reseat or replace the cable.",
            "The site is at its load limit; try later.",
            "The back end refused the card.",
            "Too many card reads; try later.",
            "The controller is lost and the card is not on the allow-list.",
            "The new key is refused: not signed with the current key, an id in use, or the demo key.",
            "The new key could not be stored; the keys are unchanged.",
        };

        /// <summary>The snake_case wire name of <paramref name="code"/>, or <see cref="Unknown"/>.</summary>
        public static string Of(CommandResultCode code)
        {
            int index = (int)code;
            return index >= 0 && index < Names.Length && Names[index] != null ? Names[index] : Unknown;
        }

        /// <summary>One sentence a person can read; empty for a value outside the enum.</summary>
        public static string ReasonOf(CommandResultCode code)
        {
            int index = (int)code;
            return index >= 0 && index < Reasons.Length && Reasons[index] != null ? Reasons[index] : "";
        }

        /// <summary>How many codes have names.</summary>
        public static int Count
        {
            get { return Names.Length; }
        }
    }
}
