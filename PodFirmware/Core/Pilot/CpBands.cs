using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// Classifies one CP burst from its highest and lowest level in volts. High level bands, each inclusive: A 11..13 V,
    /// B 8..10 V, C 5..7 V, D 2..4 V, E -1..1 V; anything else (or NaN, infinity) is <see cref="CpState.Invalid"/>. While
    /// the PWM runs, B, C or D with a low level outside -13..-11 V is <see cref="CpState.NoDiode"/> (the EV's diode would
    /// block the negative half), and A with such a low level is <see cref="CpState.Invalid"/>.
    /// </summary>
    /// <remarks>Pure function; allocates nothing; safe from any thread.</remarks>
    public static class CpBands
    {
        /// <summary>Half-width of each band around its nominal level, in V.</summary>
        public const double BandHalfWidthV = 1.0;

        /// <summary>The low level the generator drives, in V; the diode check wants it within <see cref="BandHalfWidthV"/>.</summary>
        public const double LowLevelV = -12.0;

        /// <summary>The state the burst shows.</summary>
        /// <param name="highV">Highest CP level of the burst, V.</param>
        /// <param name="lowV">Lowest CP level of the burst, V.</param>
        /// <param name="pwmRunning">Whether the pod drove a PWM during the burst (only then is there a low level to check).</param>
        public static CpState Classify(double highV, double lowV, bool pwmRunning)
        {
            if (!Finite.IsFinite(highV) || !Finite.IsFinite(lowV))
            {
                return CpState.Invalid;
            }

            CpState state;
            if (Near(highV, 12.0))
            {
                state = CpState.A;
            }
            else if (Near(highV, 9.0))
            {
                state = CpState.B;
            }
            else if (Near(highV, 6.0))
            {
                state = CpState.C;
            }
            else if (Near(highV, 3.0))
            {
                state = CpState.D;
            }
            else if (Near(highV, 0.0))
            {
                return CpState.E;
            }
            else
            {
                return CpState.Invalid;
            }

            if (pwmRunning && !Near(lowV, LowLevelV))
            {
                return state == CpState.A ? CpState.Invalid : CpState.NoDiode;
            }

            return state;
        }

        private static bool Near(double levelV, double nominalV)
        {
            return Finite.Within(levelV, nominalV - BandHalfWidthV, nominalV + BandHalfWidthV);
        }
    }
}
