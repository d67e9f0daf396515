using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Pilot
{
    /// <summary>
    /// The CP sense divider into an ADC1 pin: the CP line through <see cref="SeriesOhms"/> to the ADC node, the node to 3.3 V
    /// through <see cref="PullUpOhms"/> and to ground through <see cref="PullDownOhms"/>. The node is linear in the CP level:
    /// V_adc = <see cref="Gain"/> × V_cp + <see cref="OffsetV"/> (+12 V reads about 2.43 V, -12 V about 0.27 V, 0 V 1.35 V),
    /// so the whole ±12 V swing stays inside the ADC's linear range. docs/ev-interface.md draws the circuit.
    /// </summary>
    /// <remarks>Pure functions; allocate nothing; safe from any thread.</remarks>
    public static class CpDivider
    {
        /// <summary>CP line to ADC node, Ω.</summary>
        public const double SeriesOhms = 100000.0;

        /// <summary>ADC node to 3.3 V, Ω.</summary>
        public const double PullUpOhms = 22000.0;

        /// <summary>ADC node to ground, Ω.</summary>
        public const double PullDownOhms = 18000.0;

        /// <summary>The divider's supply and the ADC's full scale, V.</summary>
        public const double SupplyV = 3.3;

        private const double Conductance = (1.0 / SeriesOhms) + (1.0 / PullUpOhms) + (1.0 / PullDownOhms);

        /// <summary>V_adc per V on the CP line.</summary>
        public const double Gain = (1.0 / SeriesOhms) / Conductance;

        /// <summary>V_adc with the CP line at 0 V.</summary>
        public const double OffsetV = (SupplyV / PullUpOhms) / Conductance;

        /// <summary>The CP level in V that <paramref name="counts"/> of a <paramref name="maxCounts"/> full-scale ADC show.</summary>
        public static double CpVolts(int counts, int maxCounts)
        {
            double adcV = (double)counts * SupplyV / maxCounts;
            return (adcV - OffsetV) / Gain;
        }

        /// <summary>The ADC counts, rounded and clipped to 0..<paramref name="maxCounts"/>, that the CP level <paramref name="cpV"/> gives.</summary>
        public static int Counts(double cpV, int maxCounts)
        {
            double counts = ((cpV * Gain) + OffsetV) * maxCounts / SupplyV;
            if (!Finite.IsFinite(counts) || Finite.AtMost(counts, 0))
            {
                return 0;
            }

            return Finite.AtLeast(counts, maxCounts) ? maxCounts : (int)(counts + 0.5);
        }
    }
}
