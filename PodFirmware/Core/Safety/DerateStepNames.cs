namespace PodFirmware.Core.Safety
{
    /// <summary>Wire names of <see cref="DerateStep"/> values, for status, telemetry and events.</summary>
    /// <remarks>Returns constant strings: allocates nothing. Thread-safe.</remarks>
    public static class DerateStepNames
    {
        /// <summary>The wire name of <paramref name="step"/>: "none", "half", "quarter"; "unknown" outside the enum.</summary>
        public static string Of(DerateStep step)
        {
            switch (step)
            {
                case DerateStep.None: return "none";
                case DerateStep.Half: return "half";
                case DerateStep.Quarter: return "quarter";
                default: return "unknown";
            }
        }
    }
}
