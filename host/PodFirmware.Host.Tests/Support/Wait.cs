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
        /// <summary>
        /// Returns as soon as <paramref name="condition"/> is true; fails the test with
        /// <paramref name="what"/> (and <paramref name="detail"/>'s text, if given) after
        /// <paramref name="timeoutMs"/> milliseconds. The timeout is only an upper bound for a
        /// real broker or process to catch up, never a timing assertion.
        /// </summary>
        public static void Until(Func<bool> condition, int timeoutMs, string what, Func<string> detail = null)
        {
            if (!SpinWait.SpinUntil(condition, timeoutMs))
            {
                string extra = detail == null ? "" : " " + detail();
                throw new XunitException("Timed out after " + timeoutMs + " ms waiting until " + what + "." + extra);
            }
        }

        /// <summary>
        /// Real time between two probes of <see cref="UntilProbing"/>, in ms. It only paces re-sends, it asserts
        /// nothing: a probe offered on every poll (about every millisecond) puts dozens of duplicates in flight
        /// while one travels through the broker, and a receiver's bounded inbound queue drops the newest messages
        /// when they overflow it, which can be the very message the test sends next.
        /// </summary>
        public const int ProbeIntervalMs = 100;

        /// <summary>
        /// Like <see cref="Until"/> for a condition that needs a probe to arrive (e.g. a publish that proves a
        /// subscription on another connection is active): offers <paramref name="probe"/> at once, and again
        /// every <see cref="ProbeIntervalMs"/> while <paramref name="condition"/> is false, never on every poll.
        /// </summary>
        public static void UntilProbing(Action probe, Func<bool> condition, int timeoutMs, string what, Func<string> detail = null)
        {
            var sinceProbe = Stopwatch.StartNew();
            probe();
            Until(() =>
            {
                if (condition())
                {
                    return true;
                }

                if (sinceProbe.ElapsedMilliseconds >= ProbeIntervalMs)
                {
                    probe();
                    sinceProbe.Restart();
                }

                return false;
            }, timeoutMs, what, detail);
        }
    }
}
