using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Config section <c>sensors.hazard</c>: the smoke / gas detector (<see cref="HazardDetector"/>): which kind is fitted,
    /// its warm-up, how long an alarm must last, the analog sensor's threshold and fault bands, the self-test timeout.
    /// </summary>
    /// <remarks>Read at boot; not thread-safe.</remarks>
    public sealed class HazardConfig : IConfigSection
    {
        /// <summary><see cref="Type"/>: no detector fitted.</summary>
        public const string None = "none";

        /// <summary><see cref="Type"/>: a detector's digital alarm output on the board input <c>inputs.hazardAlarm</c>.</summary>
        public const string Digital = "digital";

        /// <summary><see cref="Type"/>: an analog gas / smoke sensor on the ADC1 channel <c>adc.hazard</c>.</summary>
        public const string Analog = "analog";

        /// <summary><c>type</c>: <c>"none"</c>, <c>"digital"</c> or <c>"analog"</c>. Default "none".</summary>
        public string Type = None;

        /// <summary><c>warmUpMs</c>: time from boot before the detector is judged (a heated gas sensor reads high while it warms), ms, 0..600000. Default 60000.</summary>
        public int WarmUpMs = 60000;

        /// <summary><c>confirmMs</c>: how long an alarm (or an analog fault band) must last before it counts, ms, 0..60000 (0: at once). Default 2000.</summary>
        public int ConfirmMs = 2000;

        /// <summary><c>alarmAboveV</c>: analog: a level strictly above this at the ADC pin is smoke or gas, V, 0.2..3.0, between the fault bands. Default 1.2.</summary>
        public double AlarmAboveV = 1.2;

        /// <summary><c>faultBelowV</c>: analog: a level below this is an open input or a dead heater, V, 0..1. Default 0.1.</summary>
        public double FaultBelowV = 0.1;

        /// <summary><c>faultAboveV</c>: analog: a level above this is a short to the supply, V, 1..3.3. Default 2.9.</summary>
        public double FaultAboveV = 2.9;

        /// <summary><c>testTimeoutMs</c>: digital with <c>outputs.hazardTest</c>: longest wait for the alarm output to rise on the test input, and to fall after it, ms, 10..30000. Default 3000.</summary>
        public int TestTimeoutMs = 3000;

        /// <summary><c>true</c> when <see cref="Type"/> names a detector.</summary>
        public bool Fitted
        {
            get { return Type == Digital || Type == Analog; }
        }

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Type != None && !Fitted)
            {
                errors.Fail(keyPrefix + ".type", "must be \"none\", \"digital\" or \"analog\"");
            }

            errors.Range(keyPrefix + ".warmUpMs", WarmUpMs, 0, 600000, "ms");
            errors.Range(keyPrefix + ".confirmMs", ConfirmMs, 0, 60000, "ms");
            errors.Range(keyPrefix + ".alarmAboveV", AlarmAboveV, 0.2, 3.0, "V");
            errors.Range(keyPrefix + ".faultBelowV", FaultBelowV, 0, 1, "V");
            errors.Range(keyPrefix + ".faultAboveV", FaultAboveV, 1, 3.3, "V");
            errors.Range(keyPrefix + ".testTimeoutMs", TestTimeoutMs, 10, 30000, "ms");
            if (Finite.IsFinite(AlarmAboveV) && !(Finite.Above(AlarmAboveV, FaultBelowV) && Finite.Below(AlarmAboveV, FaultAboveV)))
            {
                errors.Fail(keyPrefix + ".alarmAboveV", "must lie between faultBelowV and faultAboveV");
            }
        }
    }
}
