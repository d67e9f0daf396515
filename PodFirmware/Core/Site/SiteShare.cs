using PodFirmware.Json;

namespace PodFirmware.Core.Site
{
    /// <summary>
    /// This pod's part of the site's power sharing: keeps the <see cref="SiteAllocator"/> table fed (its own row, the rows it
    /// hears), takes the capacity and thresholds from the controller's heartbeat while one is fresh (else from
    /// <see cref="SiteConfig"/>), and gives this pod's share and whether a new session may start.
    /// </summary>
    /// <remarks>
    /// A pod that does not hear its own load message back (link down, broker lost, a partition) for 1.5 periods, or that has
    /// heard it for less than 1.5 periods (just joined, the table is not yet full), is <see cref="Isolated"/>: a running
    /// session gets <c>site.fallbackShareA</c> or its last share if less (nothing once the others may have forgotten it,
    /// <c>site.forgetAfterMs</c> less a period after its last message came back), and no new session starts. A session that starts offers nothing until
    /// this pod has heard its own message saying so (the broker has passed it to every connected pod). All times are this pod's monotonic ms. Not thread-safe: callers on two threads hold one lock around every call;
    /// <see cref="Update"/> allocates nothing.
    /// </remarks>
    public sealed class SiteShare
    {
        private readonly SiteConfig _config;
        private readonly string _podId;
        private readonly SiteAllocator _table;
        private readonly long _policyHoldMs;
        private long _policyAtMs;
        private bool _policyHeard;
        private int _policyCapacityDa;
        private int _policyHalfPercent;
        private int _policyNoNewPercent;
        private long _echoMs;
        private long _viewSinceMs;
        private bool _echoHeard;
        private SitePodState _echoState;
        private int _inViewShareDa;
        private readonly char[] _idChars = new char[64];

        /// <summary>Sharing for pod <paramref name="podId"/>; a heartbeat's policy holds for <paramref name="policyHoldMs"/> after it (ms).</summary>
        public SiteShare(SiteConfig config, string podId, long policyHoldMs)
        {
            _config = config;
            _podId = podId;
            _policyHoldMs = policyHoldMs;
            _table = new SiteAllocator(config.MaxPods);
            _table.Report(podId, SitePodState.Idle, 0, 0, 0, 0);
            ShareDa = 0;
        }

        /// <summary>The table and the last allocation.</summary>
        public SiteAllocator Table
        {
            get { return _table; }
        }

        /// <summary>After <see cref="Update"/>: this pod's share, dA (0: pause the session).</summary>
        public int ShareDa { get; private set; }

        /// <summary>After <see cref="Update"/>: a new session may start here.</summary>
        public bool StartAllowed { get; private set; }

        /// <summary>After <see cref="Update"/>: this pod does not see the site and uses the fallback share.</summary>
        public bool Isolated { get; private set; }

        /// <summary>After <see cref="Update"/>: the capacity in force, dA per phase.</summary>
        public int CapacityDa { get; private set; }

        /// <summary>After <see cref="Update"/>: this pod's own row as its load message says it.</summary>
        public SitePodState OwnState { get; private set; }

        /// <summary>After <see cref="Update"/>: this pod's own limit before the site cap, dA.</summary>
        public int OwnMaxDa { get; private set; }

        /// <summary>After <see cref="Update"/>: the current this pod offers, dA.</summary>
        public int OwnAllowedDa { get; private set; }

        /// <summary>After <see cref="Update"/>: the current this pod draws, dA.</summary>
        public int OwnDrawDa { get; private set; }

        /// <summary>Counts changes of the own state, limit or offer: a load message is due on change.</summary>
        public int OwnVersion { get; private set; }

        /// <summary>The controller's policy from a heartbeat at <paramref name="nowMs"/>: capacity (dA per phase) and thresholds (%); values out of range are ignored.</summary>
        public void OnPolicy(int capacityDa, int halfPowerAbovePercent, int noNewSessionsAbovePercent, long nowMs)
        {
            if (capacityDa < 1 || halfPowerAbovePercent < 1 || halfPowerAbovePercent > 100 ||
                noNewSessionsAbovePercent < 1 || noNewSessionsAbovePercent > 100)
            {
                return;
            }

            _policyCapacityDa = capacityDa;
            _policyHalfPercent = halfPowerAbovePercent;
            _policyNoNewPercent = noNewSessionsAbovePercent;
            _policyAtMs = nowMs;
            _policyHeard = true;
        }

        /// <summary>A load message heard at <paramref name="nowMs"/>; this pod's own message back marks the site as seen. False when the table is full.</summary>
        public bool OnLoad(string podId, SitePodState state, int maxDa, int allowedDa, int drawDa, long nowMs)
        {
            if (podId == _podId)
            {
                MarkEcho(nowMs);
                _echoState = state;
                return true;
            }

            return _table.Report(podId, state, maxDa, allowedDa, drawDa, nowMs);
        }

        /// <summary>
        /// Same as the other overload for a parsed message whose pod id is the string at <paramref name="path"/>; allocates
        /// nothing for a pod already in the table.
        /// </summary>
        public bool OnLoad(JsonReader reader, string path, SitePodState state, int maxDa, int allowedDa, int drawDa, long nowMs)
        {
            int length;
            if (reader.GetChars(path, _idChars, out length) != JsonFieldStatus.Ok)
            {
                return false;
            }

            if (reader.StringEquals(path, _podId))
            {
                MarkEcho(nowMs);
                _echoState = state;
                return true;
            }

            int i = _table.IndexOf(_idChars, length);
            if (i >= 0)
            {
                _table.Set(i, state, maxDa, allowedDa, drawDa, nowMs);
                return true;
            }

            return _table.Report(new string(_idChars, 0, length), state, maxDa, allowedDa, drawDa, nowMs);
        }

        /// <summary>This pod's own load message came back through the broker at <paramref name="nowMs"/>.</summary>
        public void MarkEcho(long nowMs)
        {
            if (!_echoHeard || nowMs - _echoMs > _config.PeriodMs + _config.PeriodMs / 2)
            {
                _viewSinceMs = nowMs;
            }

            _echoHeard = true;
            _echoMs = nowMs;
        }

        /// <summary>Computes the share at <paramref name="nowMs"/> with this pod's own state, limit (dA, before the site cap), offered and drawn current (dA).</summary>
        public void Update(long nowMs, SitePodState state, int ownMaxDa, int allowedDa, int drawDa)
        {
            if (state != OwnState || ownMaxDa != OwnMaxDa || allowedDa != OwnAllowedDa)
            {
                OwnVersion++;
            }

            OwnState = state;
            OwnMaxDa = ownMaxDa;
            OwnAllowedDa = allowedDa;
            OwnDrawDa = drawDa;
            int own = _table.IndexOf(_podId);
            if (own < 0)
            {
                _table.Report(_podId, state, ownMaxDa, allowedDa, drawDa, nowMs);
            }
            else
            {
                _table.Set(own, state, ownMaxDa, allowedDa, drawDa, nowMs);
            }

            bool policy = _policyHeard && nowMs - _policyAtMs <= _policyHoldMs;
            CapacityDa = policy ? _policyCapacityDa : _config.CapacityA * 10;
            int half = policy ? _policyHalfPercent : _config.HalfPowerAbovePercent;
            int noNew = policy ? _policyNoNewPercent : _config.NoNewSessionsAbovePercent;
            int period = _config.PeriodMs;
            _table.Allocate(nowMs, CapacityDa, half, noNew, period, _config.ForgetAfterMs);

            Isolated = !_echoHeard || nowMs - _echoMs > period + period / 2 || nowMs - _viewSinceMs < period + period / 2;
            if (Isolated)
            {
                // Never more than before: the others still count this pod at its last offer.
                int fallback = _config.FallbackShareA * 10;
                int share = fallback < ownMaxDa ? fallback : ownMaxDa;
                share = _inViewShareDa < share ? _inViewShareDa : share;
                // The others forget a pod forgetAfterMs after they last heard it; stop drawing a period before they do.
                int forget = _config.ForgetAfterMs;
                bool forgotten = forget > 0 && (!_echoHeard || nowMs - _echoMs > forget - period);
                ShareDa = share < SiteAllocator.MinimumDa || forgotten ? 0 : share;
                StartAllowed = false;
                return;
            }

            // A session the others have not heard of yet takes nothing: it would not be in their sums.
            ShareDa = state != SitePodState.Idle && _echoState == SitePodState.Idle ? 0 : _table.ShareDa(_podId);
            _inViewShareDa = ShareDa;
            StartAllowed = _table.StartAllowed;
        }
    }
}
