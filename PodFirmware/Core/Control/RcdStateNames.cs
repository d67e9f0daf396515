namespace PodFirmware.Core.Control
{
    /// <summary>Wire names of <see cref="RcdState"/> values for status and telemetry.</summary>
    /// <remarks>Returns constant strings: allocates nothing. Thread-safe.</remarks>
    public static class RcdStateNames
    {
        /// <summary>"none", "ok", "testing", "fault" or "test_failed"; "unknown" outside the enum.</summary>
        public static string Of(RcdState state)
        {
            switch (state)
            {
                case RcdState.None: return "none";
                case RcdState.Ok: return "ok";
                case RcdState.Testing: return "testing";
                case RcdState.Fault: return "fault";
                case RcdState.TestFailed: return "test_failed";
                default: return "unknown";
            }
        }
    }
}
