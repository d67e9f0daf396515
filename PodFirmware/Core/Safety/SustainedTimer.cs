namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Measures how long a condition has held without a break, in the caller's monotonic milliseconds. Every
    /// rule window uses it, so "for more than the tolerance" means the same everywhere: strictly longer.
    /// </summary>
    /// <remarks>Allocates nothing. Not thread-safe: owned by one rule on the control tick.</remarks>
    public sealed class SustainedTimer
    {
        private bool _running;
        private long _sinceMs;

        /// <summary><c>true</c> while the condition is being timed.</summary>
        public bool IsRunning
        {
            get { return _running; }
        }

        /// <summary>Monotonic time in milliseconds at which the current run started; meaningful only while <see cref="IsRunning"/>.</summary>
        public long SinceMs
        {
            get { return _sinceMs; }
        }

        /// <summary>Starts timing at <paramref name="nowMs"/> unless already running (a running timer keeps its start).</summary>
        public void Start(long nowMs)
        {
            if (!_running)
            {
                _running = true;
                _sinceMs = nowMs;
            }
        }

        /// <summary>Stops timing; the next <see cref="Start"/> begins a new run.</summary>
        public void Stop()
        {
            _running = false;
        }

        /// <summary><c>true</c> when running and <c>nowMs - SinceMs &gt; durationMs</c> (strictly more than <paramref name="durationMs"/> milliseconds).</summary>
        public bool HasLastedMoreThan(long nowMs, long durationMs)
        {
            return _running && nowMs - _sinceMs > durationMs;
        }
    }
}
