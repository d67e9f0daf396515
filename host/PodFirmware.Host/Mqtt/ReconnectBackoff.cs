using System;

namespace PodFirmware.Host.Mqtt
{
    /// <summary>
    /// The reconnect waits of <see cref="MosquittoLink"/>: the first wait after a failed or lost
    /// connection is the minimum; each further failed attempt doubles the nominal delay up to the
    /// maximum; an attempt whose connection the broker accepted resets it to the minimum. Each
    /// wait is jittered into [delay/2, delay] and never below the minimum, so a site's pods do not
    /// all reconnect in the same instant after a broker restart. Same rule as the device's
    /// <c>M2MqttLink</c>.
    /// </summary>
    /// <remarks>Not thread-safe: owned by one link's network thread.</remarks>
    public sealed class ReconnectBackoff
    {
        private readonly Random _random;
        private int _delayMs;

        /// <summary>Creates the schedule.</summary>
        /// <param name="minMs">First delay in milliseconds; values below 1 count as 1.</param>
        /// <param name="maxMs">Longest delay in milliseconds; values below <paramref name="minMs"/> count as it.</param>
        /// <param name="random">Source of the jitter.</param>
        public ReconnectBackoff(int minMs, int maxMs, Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            MinMs = Math.Max(1, minMs);
            MaxMs = Math.Max(MinMs, maxMs);
            _random = random;
        }

        /// <summary>Shortest wait, in milliseconds.</summary>
        public int MinMs { get; }

        /// <summary>Longest nominal delay, in milliseconds.</summary>
        public int MaxMs { get; }

        /// <summary>The nominal delay of the last wait (before jitter), in milliseconds; 0 before the first.</summary>
        public int NominalDelayMs => _delayMs;

        /// <summary>
        /// How long to wait, in milliseconds, before the next attempt, given whether the broker
        /// accepted the connection of the attempt that just ended.
        /// </summary>
        public int NextWaitMs(bool lastAttemptWasAccepted)
        {
            _delayMs = lastAttemptWasAccepted || _delayMs == 0
                ? MinMs
                : (int)Math.Min(MaxMs, 2L * _delayMs);
            return Math.Max(MinMs, _delayMs / 2 + _random.Next(_delayMs / 2 + 1));
        }
    }
}
