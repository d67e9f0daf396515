namespace PodFirmware.Core.Events
{
    /// <summary>The unit of <see cref="PodEvent.Value"/> and <see cref="PodEvent.Limit"/>.</summary>
    public enum ValueUnit
    {
        /// <summary>The event carries no measurement; Value and Limit are 0.</summary>
        None = 0,

        /// <summary>Degrees Celsius (connector temperature).</summary>
        Celsius = 1,

        /// <summary>Amperes, RMS (charging current).</summary>
        Ampere = 2,

        /// <summary>Volts, RMS (mains voltage).</summary>
        Volt = 3,
    }
}
