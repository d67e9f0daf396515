namespace PodFirmware.Core.Safety
{
    /// <summary>How far <see cref="ThermalDerating"/> lowers the current. Values are stable; wire names come from <see cref="DerateStepNames"/>.</summary>
    public enum DerateStep
    {
        /// <summary>No derating: the session's allowed current applies.</summary>
        None = 0,

        /// <summary>Half the allowed current (at or above limit minus <c>halfBelowLimitC</c>).</summary>
        Half = 1,

        /// <summary>A quarter of the allowed current (at or above limit minus <c>quarterBelowLimitC</c>).</summary>
        Quarter = 2,
    }
}
