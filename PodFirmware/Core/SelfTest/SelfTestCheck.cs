namespace PodFirmware.Core.SelfTest
{
    /// <summary>The checks of <see cref="SelfTest"/>, in the order it runs them. Values are stable; wire names come from <see cref="SelfTestCheckNames"/>.</summary>
    public enum SelfTestCheck
    {
        /// <summary>No check failed.</summary>
        None = 0,

        /// <summary>The relay mirror contact reads closed while the coil is commanded open.</summary>
        RelayFeedback = 1,

        /// <summary>The wheel lock is in fault or its sense disagrees with its command.</summary>
        WheelLock = 2,

        /// <summary>The cable lock is in fault or its sense disagrees with its command.</summary>
        CableLock = 3,

        /// <summary>The connector temperature sensor is not Ok.</summary>
        TemperatureSensor = 4,

        /// <summary>The current sensor reads Open or Short.</summary>
        CurrentSensor = 5,

        /// <summary>The voltage sensor reads Open or Short.</summary>
        VoltageSensor = 6,

        /// <summary>The residual-current monitor did not answer its test pulse (fault output not raised, or not released, in time).</summary>
        Rcd = 7,
    }
}
