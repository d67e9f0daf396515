using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Session
{
    /// <summary>
    /// The remaining time of a prepaid session by the product's seed formula, ts = (Mp − Mc) / Mc · T + b · tf: the time
    /// still needed at the pace so far to spend the prepaid amount Mp, given the amount Mc reached after T, plus a fixed
    /// finishing time tf weighted by b (both from config). It stands beside the power-based estimate of
    /// <see cref="ChargingSession.RemainingS"/>, which follows the recent power rather than the session's average.
    /// </summary>
    /// <remarks>Integer arithmetic except b · tf; allocates nothing; thread-safe (pure).</remarks>
    public static class SeedRemaining
    {
        /// <summary>
        /// ts in whole seconds (the first term rounded down, to within a second), never below b · tf; -1 when undefined: no prepaid amount
        /// (<paramref name="prepaidScaled"/> 0 or less), nothing spent yet (<paramref name="amountScaled"/> 0 or less),
        /// no elapsed time, or a non-finite or negative b. Once Mc reaches Mp the first term is 0.
        /// </summary>
        /// <param name="amountScaled">Mc, the amount so far, currency × 10^4.</param>
        /// <param name="prepaidScaled">Mp, the prepaid amount, currency × 10^4.</param>
        /// <param name="elapsedMs">T, time since the start, ms.</param>
        /// <param name="b">The weight b (<c>session.remainingB</c>).</param>
        /// <param name="tfS">The finishing time tf, s (<c>session.remainingTfS</c>).</param>
        public static long Seconds(long amountScaled, long prepaidScaled, long elapsedMs, double b, int tfS)
        {
            if (prepaidScaled <= 0 || amountScaled <= 0 || elapsedMs <= 0 || !Finite.IsFinite(b) || Finite.Below(b, 0))
            {
                return -1;
            }

            long left = prepaidScaled - amountScaled;
            long paceS = left > 0 ? left * (elapsedMs / 1000) / amountScaled + (left * (elapsedMs % 1000) / amountScaled) / 1000 : 0;
            return paceS + (long)(b * tfS);
        }
    }
}
