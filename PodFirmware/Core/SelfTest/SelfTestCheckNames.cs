namespace PodFirmware.Core.SelfTest
{
    /// <summary>Snake_case wire names of <see cref="SelfTestCheck"/> values, for status and the console.</summary>
    /// <remarks>Returns constant strings: allocates nothing. Thread-safe.</remarks>
    public static class SelfTestCheckNames
    {
        /// <summary>The wire name of <paramref name="check"/>; "unknown" for a value outside the enum.</summary>
        public static string Of(SelfTestCheck check)
        {
            switch (check)
            {
                case SelfTestCheck.None: return "none";
                case SelfTestCheck.RelayFeedback: return "relay_feedback";
                case SelfTestCheck.WheelLock: return "wheel_lock";
                case SelfTestCheck.CableLock: return "cable_lock";
                case SelfTestCheck.TemperatureSensor: return "temperature_sensor";
                case SelfTestCheck.CurrentSensor: return "current_sensor";
                case SelfTestCheck.VoltageSensor: return "voltage_sensor";
                case SelfTestCheck.Rcd: return "rcd";
                default: return "unknown";
            }
        }
    }
}
