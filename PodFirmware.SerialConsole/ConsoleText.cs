using PodFirmware.Drivers.Numerics;

namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// Number formatting for the console that reads the same on the board and the host (<c>double.ToString()</c>
    /// differs between nanoFramework and .NET): a fixed number of decimals, rounded half away from zero.
    /// </summary>
    /// <remarks>Console only (allocates). Stateless.</remarks>
    public static class ConsoleText
    {
        /// <summary>
        /// <paramref name="value"/> with exactly <paramref name="decimals"/> (0..6) digits after the point; "n/a" for NaN,
        /// an infinity or a value beyond +/-1e12.
        /// </summary>
        public static string Fixed(double value, int decimals)
        {
            if (!Finite.Within(value, -1e12, 1e12) || decimals < 0 || decimals > 6)
            {
                return "n/a";
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            bool negative = Finite.Below(value, 0);
            double magnitude = negative ? -value : value;
            long scaled = (long)(magnitude * scale + 0.5);
            string whole = (scaled / scale).ToString();
            string text = negative && scaled != 0 ? "-" + whole : whole;
            if (decimals == 0)
            {
                return text;
            }

            string fraction = (scaled % scale).ToString();
            while (fraction.Length < decimals)
            {
                fraction = "0" + fraction;
            }

            return text + "." + fraction;
        }

        /// <summary>"yes" or "no".</summary>
        public static string YesNo(bool value)
        {
            return value ? "yes" : "no";
        }
    }
}
