using System;
using System.Diagnostics;
using System.Threading;
using Xunit.Sdk;

namespace PodFirmware.Host.Tests.Support
{
    /// <summary>
    /// Bounded polling for integration tests against real processes and sockets: waits for a
    /// condition instead of sleeping a guessed time, and fails with a message naming it.
    /// </summary>
    public static class Wait
    {
        /// <summary>Polling period in milliseconds.</summary>
        public const int PollMs = 10;

        /// <summary>
        /// Returns as soon as <paramref name="condition"/> is true; fails the test with
        /// <paramref name="what"/> (and <paramref name="detail"/>'s text, if given) after
        /// <paramref name="timeoutMs"/> milliseconds.
        /// </summary>
        public static void Until(Func<bool> condition, int timeoutMs, string what, Func<string> detail = null)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (condition())
                {
                    return;
                }

                if (clock.ElapsedMilliseconds >= timeoutMs)
                {
                    string extra = detail == null ? "" : " " + detail();
                    throw new XunitException("Timed out after " + timeoutMs + " ms waiting until " + what + "." + extra);
                }

                Thread.Sleep(PollMs);
            }
        }
    }
}
