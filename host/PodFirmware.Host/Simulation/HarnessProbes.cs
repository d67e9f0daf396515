using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// What the long-run harnesses share: the site soak here and the measuring harnesses of bench/ (latency, scale,
    /// flood). Plain helpers for real-time runs, not for tests (tests use virtual time).
    /// </summary>
    public static class HarnessProbes
    {
        /// <summary>
        /// The string value of a top-level field of a flat JSON object (<c>"name":"value"</c>), or "" when it has none.
        /// A text probe, not a parser: cheap enough for a subscriber callback under load.
        /// </summary>
        public static string Field(byte[] payload, string name)
        {
            string text = Encoding.UTF8.GetString(payload);
            string key = "\"" + name + "\":\"";
            int start = text.IndexOf(key, StringComparison.Ordinal);
            if (start < 0)
            {
                return "";
            }

            start += key.Length;
            int end = text.IndexOf('"', start);
            return end < 0 ? "" : text.Substring(start, end - start);
        }

        /// <summary>Calls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> after <paramref name="timeoutMs"/>, naming <paramref name="what"/> and the <paramref name="detail"/> it returns.</summary>
        public static void Until(Func<bool> condition, int timeoutMs, string what, Func<string> detail = null)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.ElapsedMilliseconds > timeoutMs)
                {
                    throw new TimeoutException(what + ": not within " + timeoutMs + " ms" + (detail == null ? "" : "; " + detail()));
                }

                Thread.Sleep(0);
            }
        }

        /// <summary>The process's resident set, in KiB, from /proc/self/status (0 where there is none).</summary>
        public static long RssKiB()
        {
            try
            {
                foreach (string line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        return long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
            }

            return 0;
        }
    }
}
