using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The reconnect waits of <see cref="MqttLinkEngine"/>: the first wait after a failed or lost
    /// connection is the minimum; each further failed attempt doubles the nominal delay up to the
    /// maximum; an attempt whose connection the broker accepted resets it to the minimum. Each
    /// wait is jittered into [delay/2, delay] and never below the minimum, so a site's pods do not
    /// all reconnect in the same instant after a broker restart.
    /// </summary>
    /// <remarks>Not thread-safe: owned by one link's thread.</remarks>
    public sealed class ReconnectBackoff
    {
        private readonly IRandomSource _random;
        private readonly int _minMs;
        private readonly int _maxMs;
        private int _delayMs;

        /// <summary>Creates the schedule.</summary>
        /// <param name="minMs">First delay in milliseconds; values below 1 count as 1.</param>
        /// <param name="maxMs">Longest delay in milliseconds; values below <paramref name="minMs"/> count as it.</param>
        /// <param name="random">Source of the jitter.</param>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public ReconnectBackoff(int minMs, int maxMs, IRandomSource random)
        {
            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            _minMs = minMs < 1 ? 1 : minMs;
            _maxMs = maxMs < _minMs ? _minMs : maxMs;
            _random = random;
        }

        /// <summary>Shortest wait, in milliseconds.</summary>
        public int MinMs
        {
            get { return _minMs; }
        }

        /// <summary>Longest nominal delay, in milliseconds.</summary>
        public int MaxMs
        {
            get { return _maxMs; }
        }

        /// <summary>The nominal delay of the last wait (before jitter), in milliseconds; 0 before the first.</summary>
        public int NominalDelayMs
        {
            get { return _delayMs; }
        }

        /// <summary>
        /// How long to wait, in milliseconds, before the next attempt, given whether the broker
        /// accepted the connection of the attempt that just ended.
        /// </summary>
        public int NextWaitMs(bool lastAttemptWasAccepted)
        {
            if (lastAttemptWasAccepted || _delayMs == 0)
            {
                _delayMs = _minMs;
            }
            else
            {
                _delayMs = _delayMs > _maxMs / 2 ? _maxMs : _delayMs * 2;
            }

            int half = _delayMs / 2;
            int wait = half + _random.Next(half + 1);
            return wait < _minMs ? _minMs : wait;
        }
    }
}
