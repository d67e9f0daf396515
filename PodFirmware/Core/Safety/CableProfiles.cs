namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// The named cable profiles of <see cref="SafetyConfig.CableProfile"/> and the thermal limits each fixes.
    /// PVC insulation is rated 70 degC long-term and 160 degC short-circuit, XLPE 90 degC and 250 degC.
    /// </summary>
    public static class CableProfiles
    {
        /// <summary>PVC-insulated cable: 70 degC long-term, 160 degC ceiling, 5 s tolerance. The default.</summary>
        public const string Pvc = "pvc";

        /// <summary>XLPE-insulated cable: 90 degC long-term, 250 degC ceiling, 5 s tolerance.</summary>
        public const string Xlpe = "xlpe";

        /// <summary>Own values from <c>thermal.limitC</c>, <c>thermal.ceilingC</c> and <c>thermal.toleranceMs</c>.</summary>
        public const string Custom = "custom";

        /// <summary>PVC long-term limit in degrees Celsius.</summary>
        public const double PvcLimitC = 70.0;

        /// <summary>PVC short-circuit ceiling in degrees Celsius.</summary>
        public const double PvcCeilingC = 160.0;

        /// <summary>XLPE long-term limit in degrees Celsius.</summary>
        public const double XlpeLimitC = 90.0;

        /// <summary>XLPE short-circuit ceiling in degrees Celsius.</summary>
        public const double XlpeCeilingC = 250.0;

        /// <summary>Tolerance above the long-term limit of both named profiles, in milliseconds.</summary>
        public const int NamedToleranceMs = 5000;

        /// <summary><c>true</c> for <see cref="Pvc"/>, <see cref="Xlpe"/> and <see cref="Custom"/> (exact, lower case).</summary>
        public static bool IsKnown(string name)
        {
            return name == Pvc || name == Xlpe || name == Custom;
        }
    }
}
