using System.Threading;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;

namespace PodFirmware.Core.Heartbeat
{
    /// <summary>
    /// Watches the site controller's heartbeat (<c>site/{siteId}/heartbeat</c>). The messaging pump reports each beat
    /// with <see cref="OnBeat"/>; the control tick calls <see cref="Update"/>. After <see cref="HeartbeatConfig.LostAfterMs"/>
    /// without a beat (counted from boot until the first beat) the controller is lost: one Warning event
    /// (<see cref="FaultCode.ControllerLost"/>, Arg 1) is written, <see cref="ControllerLost"/> stays <c>true</c> until the next
    /// beat, and <see cref="StopSessionNow"/> tells the tick when policy says the running session must stop. The next beat
    /// writes a Warning event with the same code and Arg 0 (cleared). Losing the controller is a warning, never a trip:
    /// every local safety rule keeps running regardless.
    /// </summary>
    /// <remarks>
    /// Thread-safety: <see cref="OnBeat"/> is for the pump thread only; everything else for the tick only. The hand-over
    /// is one 32-bit beat counter published with <see cref="Interlocked"/> (64-bit times are not atomic on the device and
    /// nanoFramework v1 has no 64-bit Interlocked): the tick sees the counter move and takes its own monotonic time as the
    /// beat time, so a beat is timed at most one tick late. <see cref="Update"/> allocates nothing.
    /// </remarks>
    public sealed class HeartbeatMonitor
    {
        private readonly HeartbeatConfig _config;
        private readonly EventRing _events;
        private readonly UtcTime _utc;
        private readonly PodEvent _event = new PodEvent();

        private int _beatCount;
        private int _seenBeatCount;
        private long _lastBeatMs;
        private long _lostAtMs;
        private bool _lost;
        private bool _stopSessionNow;

        /// <summary>Creates the monitor; the silence timer starts at <paramref name="bootMs"/> as if a beat had arrived then.</summary>
        /// <param name="config">Validated heartbeat settings.</param>
        /// <param name="bootMs">Monotonic time at boot, ms.</param>
        /// <param name="events">Where the ControllerLost warnings go (the tick's event ring); null to write none.</param>
        /// <param name="utc">The pod's clock, set from beats when <see cref="HeartbeatConfig.TimeSource"/>; null for none.</param>
        public HeartbeatMonitor(HeartbeatConfig config, long bootMs, EventRing events, UtcTime utc)
        {
            _config = config;
            _events = events;
            _utc = utc;
            _lastBeatMs = bootMs;
        }

        /// <summary>Tick side: <c>true</c> from the Update that declared the controller lost until the Update that sees the next beat.</summary>
        public bool ControllerLost
        {
            get { return _lost; }
        }

        /// <summary>
        /// Tick side: <c>true</c> while the controller is lost and the running session must stop: at once with <c>onLost</c>
        /// "stop", or once <see cref="HeartbeatConfig.ContinueLimitMs"/> has passed since the loss with "continue".
        /// </summary>
        public bool StopSessionNow
        {
            get { return _stopSessionNow; }
        }

        /// <summary>Tick side: monotonic time the last beat was seen by <see cref="Update"/> (boot time before the first), ms.</summary>
        public long LastBeatMs
        {
            get { return _lastBeatMs; }
        }

        /// <summary>Tick side: monotonic time the controller was declared lost, ms; meaningful while <see cref="ControllerLost"/>.</summary>
        public long LostAtMs
        {
            get { return _lostAtMs; }
        }

        /// <summary>Beats reported since boot. Any thread (a snapshot).</summary>
        public int BeatCount
        {
            get { return Interlocked.CompareExchange(ref _beatCount, 0, 0); }
        }

        /// <summary>
        /// Pump side: a heartbeat arrived at monotonic <paramref name="nowMs"/> carrying UTC <paramref name="utcMs"/> (ms since
        /// 1970-01-01; 0 or less when the payload had none). Sets the pod's clock when configured as a time source.
        /// </summary>
        public void OnBeat(long nowMs, long utcMs)
        {
            if (_utc != null && _config.TimeSource && utcMs > 0)
            {
                _utc.SetFromHeartbeat(nowMs, utcMs);
            }

            Interlocked.Increment(ref _beatCount);
        }

        /// <summary>Tick side: advances to monotonic <paramref name="nowMs"/>; returns what changed. Allocates nothing.</summary>
        public HeartbeatChange Update(long nowMs)
        {
            HeartbeatChange change = HeartbeatChange.None;
            int beats = Interlocked.CompareExchange(ref _beatCount, 0, 0);
            if (beats != _seenBeatCount)
            {
                _seenBeatCount = beats;
                _lastBeatMs = nowMs;
                if (_lost)
                {
                    _lost = false;
                    change = HeartbeatChange.Recovered;
                    Announce(nowMs, 0);
                }
            }
            else if (!_lost && nowMs - _lastBeatMs >= _config.LostAfterMs)
            {
                _lost = true;
                _lostAtMs = nowMs;
                change = HeartbeatChange.Lost;
                Announce(nowMs, 1);
            }

            _stopSessionNow = _lost && (_config.StopOnLost || nowMs - _lostAtMs >= _config.ContinueLimitMs);
            return change;
        }

        private void Announce(long nowMs, int active)
        {
            if (_events == null)
            {
                return;
            }

            _event.Clear();
            _event.Kind = EventKind.Warning;
            _event.TimeMs = nowMs;
            _event.Code = FaultCode.ControllerLost;
            _event.Arg = active;
            _events.TryWrite(_event);
        }
    }
}
