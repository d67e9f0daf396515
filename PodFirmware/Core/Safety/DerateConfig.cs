using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Thermal derating before the trip (keys <c>safety.thermal.derate.*</c>): the steps, their hysteresis and hold time, and
    /// the lowest current worth offering. The thresholds are below the cable profile's long-term limit (<c>limitC</c>).
    /// </summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class DerateConfig
    {
        /// <summary><c>enabled</c>: derate before the trip. Default true; false leaves only the trip rules.</summary>
        public bool Enabled = true;

        /// <summary><c>halfBelowLimitC</c>: at or above limit minus this the current is halved, in degrees Celsius, 1 to 50. Default 10.</summary>
        public double HalfBelowLimitC = 10.0;

        /// <summary><c>quarterBelowLimitC</c>: at or above limit minus this the current is quartered, in degrees Celsius, 0 to 49, below <see cref="HalfBelowLimitC"/>. Default 5.</summary>
        public double QuarterBelowLimitC = 5.0;

        /// <summary><c>hysteresisC</c>: a step is left only strictly below its threshold minus this, in degrees Celsius, 0 to 10. Default 2.</summary>
        public double HysteresisC = 2.0;

        /// <summary><c>holdMs</c>: a step is held at least this long before the next lower step, in milliseconds, 0 to 600000. Default 30000.</summary>
        public int HoldMs = 30000;

        /// <summary><c>minimumA</c>: a derated current below this pauses charging (0 A), in amperes, 1 to 32. Default 6 (the lowest IEC 61851-1 offer).</summary>
        public double MinimumA = 6.0;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.thermal.derate</c>).</summary>
        /// <param name="keyPrefix">Dotted path of this object.</param>
        /// <param name="errors">Collects the problems.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".halfBelowLimitC", HalfBelowLimitC, 1, 50, "degC");
            errors.Range(keyPrefix + ".quarterBelowLimitC", QuarterBelowLimitC, 0, 49, "degC");
            errors.Range(keyPrefix + ".hysteresisC", HysteresisC, 0, 10, "degC");
            errors.Range(keyPrefix + ".holdMs", HoldMs, 0, 600000, "ms");
            errors.Range(keyPrefix + ".minimumA", MinimumA, 1, 32, "A");
            if (Finite.IsFinite(HalfBelowLimitC) && Finite.IsFinite(QuarterBelowLimitC) && Finite.AtLeast(QuarterBelowLimitC, HalfBelowLimitC))
            {
                errors.Fail(keyPrefix + ".quarterBelowLimitC", "must be below halfBelowLimitC");
            }
        }
    }
}
