using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PodFirmware.Bench.Measure
{
    /// <summary>Percentiles of a set of durations, in ms, and the Stopwatch conversion the harnesses share.</summary>
    public static class Stats
    {
        /// <summary>Milliseconds between two <see cref="Stopwatch.GetTimestamp"/> values.</summary>
        public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

        /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 100) of <paramref name="values"/>.</summary>
        public static double Percentile(IReadOnlyList<double> values, double p)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        /// <summary>"n=N p50=… p99=… max=… ms" with three decimals.</summary>
        public static string Line(IReadOnlyList<double> values)
        {
            return string.Format(CultureInfo.InvariantCulture, "n={0} p50={1:0.000} p99={2:0.000} max={3:0.000} ms",
                values.Count, Percentile(values, 50), Percentile(values, 99), values.Count == 0 ? double.NaN : values.Max());
        }

        /// <summary>Reads an option <c>--name N</c> from <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
        public static int Option(string[] args, string name, int fallback)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
