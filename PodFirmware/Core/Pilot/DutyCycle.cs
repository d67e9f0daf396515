using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// The CP duty cycle for an allowed current, IEC 61851-1 Annex A: 6 A to 51 A gives duty % = I / 0.6; above 51 A up
    /// to 80 A, duty % = I / 2.5 + 64. The duty is kept in per mille and rounded down, so the current an EV reads from
    /// it never exceeds the allowed current; above 51 A and below 52.75 A the duty stays at 85 % (51 A), because the second formula
    /// gives 85 % or less there, which an EV reads with the first one. Below 6 A there is no valid duty (the pod pauses instead); above 80 A the
    /// 80 A duty is used. 5 % (digital communication) is never produced.
    /// </summary>
    /// <remarks>Pure functions; allocate nothing; safe from any thread.</remarks>
    public static class DutyCycle
    {
        /// <summary>What <see cref="PermilleFor"/> returns when no duty may be offered.</summary>
        public const int None = -1;

        /// <summary>The duty in per mille that offers <see cref="MinCurrentA"/>: the lowest the pod produces.</summary>
        public const int MinPermille = 100;

        /// <summary>The duty in per mille that offers <see cref="MaxCurrentA"/>: the highest the pod produces.</summary>
        public const int MaxPermille = 960;

        /// <summary>The least current a duty can offer, in A.</summary>
        public const double MinCurrentA = 6.0;

        /// <summary>The greatest current a duty can offer, in A.</summary>
        public const double MaxCurrentA = 80.0;

        /// <summary>
        /// The duty in per mille (100 = 10.0 %) that offers at most <paramref name="allowedA"/>; <see cref="None"/> below 6 A or
        /// for NaN and infinities.
        /// </summary>
        /// <param name="allowedA">The current the EV may draw, in A.</param>
        public static int PermilleFor(double allowedA)
        {
            if (!Finite.IsFinite(allowedA) || Finite.Below(allowedA, MinCurrentA))
            {
                return None;
            }

            long centiA = Finite.Above(allowedA, MaxCurrentA) ? 8000 : (long)(allowedA * 100.0);
            if (centiA <= 5100)
            {
                return (int)(centiA / 6);
            }

            // Below 52.75 A the second formula gives 85 % or less, which an EV reads with the first one: keep 85 % (51 A).
            long permille = (centiA / 25) + 640;
            return permille < 850 ? 850 : (int)permille;
        }

        /// <summary>
        /// The current in A an EV reads from <paramref name="permille"/> (the inverse table): 100..850 gives permille × 0.06,
        /// 851..960 gives (permille - 640) × 0.25; 0 for any other duty.
        /// </summary>
        /// <param name="permille">Duty in per mille.</param>
        public static double CurrentAFor(int permille)
        {
            if (permille >= 100 && permille <= 850)
            {
                return permille * 0.06;
            }

            return permille > 850 && permille <= 960 ? (permille - 640) * 0.25 : 0.0;
        }
    }
}
