using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>Mains voltage range and windows (keys <c>safety.voltage.*</c>). Defaults are 230 V +/- 10 %.</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class VoltageConfig
    {
        /// <summary>Highest acceptable voltage in volts RMS, 200 to 300, above <see cref="UnderLimitV"/>. Default 253.</summary>
        public double OverLimitV = 253.0;

        /// <summary>How long the voltage may stay above <see cref="OverLimitV"/>, in milliseconds, 1 to 600000. Default 2000.</summary>
        public int OverToleranceMs = 2000;

        /// <summary>Lowest acceptable voltage while charging, in volts RMS, 150 to 250. Default 207.</summary>
        public double UnderLimitV = 207.0;

        /// <summary>How long the voltage may stay below <see cref="UnderLimitV"/> while charging, in milliseconds, 1 to 600000. Default 5000.</summary>
        public int UnderToleranceMs = 5000;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.voltage</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".overLimitV", OverLimitV, 200, 300, "V");
            errors.Range(keyPrefix + ".overToleranceMs", OverToleranceMs, 1, 600000, "ms");
            errors.Range(keyPrefix + ".underLimitV", UnderLimitV, 150, 250, "V");
            errors.Range(keyPrefix + ".underToleranceMs", UnderToleranceMs, 1, 600000, "ms");
            if (Finite.IsFinite(UnderLimitV) && Finite.IsFinite(OverLimitV) && Finite.AtLeast(UnderLimitV, OverLimitV))
            {
                errors.Fail(keyPrefix + ".underLimitV", "must be below overLimitV (" + OverLimitV.ToString() + " V)");
            }
        }
    }
}
