using System;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// When an <see cref="MqttLinkEngine"/> makes its next connection attempt: the first at once, each later
    /// one after the wait its <see cref="ReconnectBackoff"/> gives (the doubled delay after a failed attempt,
    /// the minimum after the end of a connection the broker had accepted).
    /// </summary>
    /// <remarks>Not thread-safe: the engine's link thread is its only user. Times are monotonic milliseconds.</remarks>
    public sealed class MqttConnectSchedule
    {
        private readonly ReconnectBackoff _backoff;
        private long _nextAttemptAtMs;

        /// <summary>A schedule whose first attempt is due at <paramref name="firstAttemptAtMs"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="backoff"/> is null.</exception>
        public MqttConnectSchedule(ReconnectBackoff backoff, long firstAttemptAtMs)
        {
            if (backoff == null)
            {
                throw new ArgumentNullException("backoff");
            }

            _backoff = backoff;
            _nextAttemptAtMs = firstAttemptAtMs;
        }

        /// <summary>When the next attempt is due, monotonic ms.</summary>
        public long NextAttemptAtMs
        {
            get { return _nextAttemptAtMs; }
        }

        /// <summary>Whether an attempt is due at <paramref name="nowMs"/>.</summary>
        public bool IsDue(long nowMs)
        {
            return nowMs >= _nextAttemptAtMs;
        }

        /// <summary>
        /// Sets the next attempt after an attempt failed or a connection ended at <paramref name="nowMs"/>:
        /// <paramref name="accepted"/> is <c>true</c> when that connection had been accepted by the broker.
        /// </summary>
        public void Reschedule(long nowMs, bool accepted)
        {
            _nextAttemptAtMs = nowMs + _backoff.NextWaitMs(accepted);
        }

        /// <summary>Milliseconds from <paramref name="nowMs"/> until the next attempt, within [0, <paramref name="maxMs"/>].</summary>
        public int WaitMs(long nowMs, int maxMs)
        {
            long waitMs = _nextAttemptAtMs - nowMs;
            return waitMs < 0 ? 0 : (waitMs > maxMs ? maxMs : (int)waitMs);
        }
    }
}
