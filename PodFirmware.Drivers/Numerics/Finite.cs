namespace PodFirmware.Drivers.Numerics
{
    /// <summary>
    /// The one place portable code compares floating-point numbers. Every answer is the same on nanoCLR and on .NET.
    /// </summary>
    /// <remarks>
    /// <para>Why: on nanoCLR v1 a NaN compares as greater than everything (<c>NaN &gt; 1</c>, <c>NaN &gt;= 1</c> and
    /// <c>1 &gt;= NaN</c> are all true, where .NET says false), and <c>+inf</c> and <c>-inf</c> compare as equal. A raw
    /// <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c> or <c>&gt;=</c> on a double can therefore take another branch on the board than
    /// in every host test. The comparisons here test for NaN and infinity first and compare only finite numbers with the
    /// raw operators, so they give the .NET (IEEE 754) answer on both runtimes: <b>false whenever an operand is NaN</b>,
    /// and infinities order below and above every finite number.</para>
    /// <para>"false for NaN" is only safe when false is the safe branch. Where it is not, the caller checks
    /// <see cref="IsFinite"/> first and takes the fail-safe branch itself: validators report a non-finite key as an error,
    /// sensor drivers report <c>SensorStatus.NotFinite</c>, rules trip or refuse. A host test
    /// (<c>FloatComparisonTests</c>) fails on any raw floating-point comparison outside this class.</para>
    /// <para>Stateless and allocation-free; safe from any thread.</para>
    /// </remarks>
    public static class Finite
    {
        /// <summary><c>true</c> when <paramref name="value"/> is a finite number: neither NaN nor an infinity.</summary>
        public static bool IsFinite(double value)
        {
            // value - value is 0 for every finite value and NaN for NaN and both infinities, and NaN == 0 is false on both
            // runtimes (nanoCLR's NaN quirk is in the relational operators only). Arithmetic instead of double.IsNaN and
            // double.IsInfinity: on nanoCLR four native calls per comparison cost more than the geofence's whole polygon math.
            return value - value == 0;
        }

        // Each comparison below is written out, one managed call with no native call on the common path: two finite
        // numbers meet the raw operator at once; otherwise NaN answers false and the infinities are ordered by their sign
        // (nanoCLR's raw operators compare +inf and -inf as equal).

        /// <summary><paramref name="value"/> &gt; <paramref name="limit"/> (strictly above); <c>false</c> when either is NaN.</summary>
        public static bool Above(double value, double limit)
        {
            if (value - value == 0 && limit - limit == 0)
            {
                return value > limit;
            }

            return !double.IsNaN(value) && !double.IsNaN(limit) && Rank(value) > Rank(limit);
        }

        /// <summary><paramref name="value"/> &gt;= <paramref name="limit"/> (at or above); <c>false</c> when either is NaN.</summary>
        public static bool AtLeast(double value, double limit)
        {
            if (value - value == 0 && limit - limit == 0)
            {
                return value >= limit;
            }

            return !double.IsNaN(value) && !double.IsNaN(limit) && Rank(value) >= Rank(limit);
        }

        /// <summary><paramref name="value"/> &lt; <paramref name="limit"/> (strictly below); <c>false</c> when either is NaN.</summary>
        public static bool Below(double value, double limit)
        {
            if (value - value == 0 && limit - limit == 0)
            {
                return value < limit;
            }

            return !double.IsNaN(value) && !double.IsNaN(limit) && Rank(value) < Rank(limit);
        }

        /// <summary><paramref name="value"/> &lt;= <paramref name="limit"/> (at or below); <c>false</c> when either is NaN.</summary>
        public static bool AtMost(double value, double limit)
        {
            if (value - value == 0 && limit - limit == 0)
            {
                return value <= limit;
            }

            return !double.IsNaN(value) && !double.IsNaN(limit) && Rank(value) <= Rank(limit);
        }

        /// <summary>
        /// <c>true</c> when <paramref name="value"/> is finite and <paramref name="min"/> &lt;= value &lt;= <paramref name="max"/>
        /// (both ends included); <c>false</c> for NaN or an infinity, whatever the bounds.
        /// </summary>
        public static bool Within(double value, double min, double max)
        {
            return value - value == 0 && AtLeast(value, min) && AtMost(value, max);
        }

        /// <summary>The smaller of <paramref name="a"/> and <paramref name="b"/>; NaN when either is NaN (as .NET's Math.Min).</summary>
        public static double Min(double a, double b)
        {
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return double.NaN;
            }

            return Below(b, a) ? b : a;
        }

        /// <summary>The larger of <paramref name="a"/> and <paramref name="b"/>; NaN when either is NaN (as .NET's Math.Max).</summary>
        public static double Max(double a, double b)
        {
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return double.NaN;
            }

            return Above(b, a) ? b : a;
        }

        // -1 for -inf, 1 for +inf, 0 for a finite number: the order of a pair in which at least one is infinite.
        private static int Rank(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return 1;
            }

            return double.IsNegativeInfinity(value) ? -1 : 0;
        }
    }
}
