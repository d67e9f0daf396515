using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// The rating of a detachable cable from its proximity-pilot resistor to PE (IEC 61851-1 / IEC 62196): 1.5 kΩ 13 A,
    /// 680 Ω 20 A, 220 Ω 32 A, 100 Ω 63 A. Each code accepts a band reaching halfway (geometric mean) to its neighbour:
    /// 50..150 Ω 63 A, 150..400 Ω 32 A, 400..1000 Ω 20 A, 1000..2700 Ω 13 A (lower bound inclusive, upper exclusive but
    /// 2700 Ω inclusive). Below 50 Ω (short), above 2700 Ω (open), NaN or infinity: no rating (0).
    /// </summary>
    /// <remarks>Pure function; allocates nothing; safe from any thread.</remarks>
    public static class PpDecoder
    {
        /// <summary>The cable's rating in A, or 0 when the resistor is open, shorted or out of every band.</summary>
        /// <param name="ohms">The PP resistor, Ω.</param>
        public static int RatingA(double ohms)
        {
            if (!Finite.IsFinite(ohms) || Finite.Below(ohms, 50) || Finite.Above(ohms, 2700))
            {
                return 0;
            }

            if (Finite.Below(ohms, 150))
            {
                return 63;
            }

            if (Finite.Below(ohms, 400))
            {
                return 32;
            }

            return Finite.Below(ohms, 1000) ? 20 : 13;
        }
    }
}
