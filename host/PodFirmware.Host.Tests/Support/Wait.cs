using System;
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
    }
}
