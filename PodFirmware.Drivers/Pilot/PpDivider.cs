using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Pilot
{
    /// <summary>
    /// The PP sense: the PP contact pulled up to 3.3 V through <see cref="PullUpOhms"/> into an ADC1 pin; the cable's coding
    /// resistor to PE is the lower leg, so V_adc = 3.3 × R / (R + <see cref="PullUpOhms"/>). An open PP reads full scale.
    /// </summary>
    /// <remarks>Pure functions; allocate nothing; safe from any thread.</remarks>
    public static class PpDivider
    {
        /// <summary>PP pull-up to 3.3 V, Ω.</summary>
        public const double PullUpOhms = 1000.0;

        /// <summary>The coding resistor in Ω that <paramref name="counts"/> show; positive infinity at full scale (open).</summary>
        public static double Ohms(int counts, int maxCounts)
        {
            if (counts >= maxCounts)
            {
                return double.PositiveInfinity;
            }

            return counts <= 0 ? 0.0 : PullUpOhms * counts / (maxCounts - counts);
        }

        /// <summary>The ADC counts a coding resistor of <paramref name="ohms"/> gives; full scale for infinity or NaN (open).</summary>
        public static int Counts(double ohms, int maxCounts)
        {
            if (!Finite.IsFinite(ohms))
            {
                return maxCounts;
            }

            if (Finite.AtMost(ohms, 0))
            {
                return 0;
            }

            return (int)((maxCounts * ohms / (ohms + PullUpOhms)) + 0.5);
        }
    }
}
