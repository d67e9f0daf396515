using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>Over-current limits relative to the session's allowed current (keys <c>safety.current.*</c>).</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class CurrentConfig
    {
        /// <summary>Tolerated excess over the allowed current, in percent, 0 to 100. Default 10.</summary>
        public double TolerancePercent = 10.0;

        /// <summary>How long the current may stay above the tolerated level, in milliseconds, 1 to 600000. Default 5000.</summary>
        public int ToleranceMs = 5000;

        /// <summary>Excess over the allowed current that trips at once, in percent, above <see cref="TolerancePercent"/> and at most 300. Default 50.</summary>
        public double CeilingPercent = 50.0;

        /// <summary>Current that trips at once whatever the allowed current, in amperes, 1 to 100; caps the ceiling. Default 40.</summary>
        public double AbsoluteMaxA = 40.0;

        /// <summary>
        /// After the allowed current is lowered, how long the previous (higher) value still sets the limits, in
        /// milliseconds, 0 to 60000, so a vehicle that follows within that time does not trip. Default 5000
        /// (the vehicle response time IEC 61851-1 allows).
        /// </summary>
        public int ReductionGraceMs = 5000;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.current</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".tolerancePercent", TolerancePercent, 0, 100, "%");
            errors.Range(keyPrefix + ".toleranceMs", ToleranceMs, 1, 600000, "ms");
            errors.Range(keyPrefix + ".ceilingPercent", CeilingPercent, 0, 300, "%");
            if (Finite.IsFinite(CeilingPercent) && Finite.IsFinite(TolerancePercent) && Finite.AtMost(CeilingPercent, TolerancePercent))
            {
                errors.Fail(keyPrefix + ".ceilingPercent", "must be above tolerancePercent (" + TolerancePercent.ToString() + " %)");
            }

            errors.Range(keyPrefix + ".absoluteMaxA", AbsoluteMaxA, 1, 100, "A");
            errors.Range(keyPrefix + ".reductionGraceMs", ReductionGraceMs, 0, 60000, "ms");
        }
    }
}
