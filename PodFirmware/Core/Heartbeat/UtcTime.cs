using System.Threading;

namespace PodFirmware.Core.Heartbeat
{
    /// <summary>
    /// The pod's wall clock: an offset from the monotonic clock (ms since boot) to UTC (ms since 1970-01-01), set from
    /// the controller's heartbeat or, on the device, from SNTP. Until set, <see cref="IsValid"/> is <c>false</c> and
    /// payloads carry no UTC time. A source may only replace the offset if it is at least as good as the one that set
    /// it (<see cref="SetFromHeartbeat"/> never overrides <see cref="SetFromSntp"/>).
    /// </summary>
    /// <remarks>
    /// Thread-safety: one writer (the messaging side) and any number of readers (the tick, the pump). The 64-bit offset
    /// is not atomic on a 32-bit MCU and nanoFramework v1 has no 64-bit Interlocked, so it is published with a sequence
    /// counter: the writer makes the counter odd, writes, makes it even; a reader retries while it is odd or changed.
    /// Readers never block the writer and allocate nothing.
    /// </remarks>
    public sealed class UtcTime
    {
        private const int SourceNone = 0;
        private const int SourceHeartbeat = 1;
        private const int SourceSntp = 2;

        private int _sequence;
        private long _offsetMs;
        private int _source;

        /// <summary><c>true</c> once any source has set the time.</summary>
        public bool IsValid
        {
            get { return Interlocked.CompareExchange(ref _source, 0, 0) != SourceNone; }
        }

        /// <summary><c>true</c> when SNTP (or another authoritative source) set the time; heartbeats are then ignored.</summary>
        public bool IsFromSntp
        {
            get { return Interlocked.CompareExchange(ref _source, 0, 0) == SourceSntp; }
        }

        /// <summary>Sets UTC from the controller's heartbeat, unless SNTP already set it. Writer thread only.</summary>
        /// <param name="nowMs">Monotonic time the heartbeat was received, ms since boot.</param>
        /// <param name="utcMs">The heartbeat's UTC time, ms since 1970-01-01.</param>
        /// <returns><c>true</c> when the offset was taken.</returns>
        public bool SetFromHeartbeat(long nowMs, long utcMs)
        {
            if (IsFromSntp)
            {
                return false;
            }

            Write(utcMs - nowMs, SourceHeartbeat);
            return true;
        }

        /// <summary>Sets UTC from SNTP (or any authoritative source). Writer thread only.</summary>
        /// <param name="nowMs">Monotonic time of the reading, ms since boot.</param>
        /// <param name="utcMs">UTC at that moment, ms since 1970-01-01.</param>
        public void SetFromSntp(long nowMs, long utcMs)
        {
            Write(utcMs - nowMs, SourceSntp);
        }

        /// <summary>UTC in ms since 1970-01-01 at monotonic <paramref name="nowMs"/>; 0 when not <see cref="IsValid"/>. Any thread.</summary>
        public long UtcMs(long nowMs)
        {
            if (!IsValid)
            {
                return 0;
            }

            return nowMs + ReadOffset();
        }

        /// <summary>UTC in whole seconds since 1970-01-01 at monotonic <paramref name="nowMs"/>; 0 when not <see cref="IsValid"/>. Any thread.</summary>
        public long UtcSeconds(long nowMs)
        {
            return UtcMs(nowMs) / 1000;
        }

        private void Write(long offsetMs, int source)
        {
            Interlocked.Increment(ref _sequence);
            _offsetMs = offsetMs;
            Interlocked.Increment(ref _sequence);
            Interlocked.Exchange(ref _source, source);
        }

        // A reader on the (higher-priority) tick thread must not spin on a writer preempted mid-write: after a few
        // tries it yields its time slice so the writer can finish, then tries again.
        private long ReadOffset()
        {
            for (int attempt = 1; ; attempt++)
            {
                int before = Interlocked.CompareExchange(ref _sequence, 0, 0);
                long offset = _offsetMs;
                int after = Interlocked.CompareExchange(ref _sequence, 0, 0);
                if (before == after && (before & 1) == 0)
                {
                    return offset;
                }

                if (attempt % 4 == 0)
                {
                    Thread.Sleep(0);
                }
            }
        }
    }
}
