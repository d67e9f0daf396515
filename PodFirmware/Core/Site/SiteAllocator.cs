using System;

namespace PodFirmware.Core.Site
{
    /// <summary>
    /// The table of pods heard on <c>site/{siteId}/load</c> and the allocation every pod computes from it. Pure and
    /// deterministic: currents are whole deciamps (0.1 A), the table is kept sorted by pod id (ordinal), so the same table,
    /// capacity and time give the same shares on every pod whatever order the messages came in.
    /// </summary>
    /// <remarks>
    /// Rules (<see cref="Allocate"/>): a pod heard within 1.5 periods takes part in the share with its own limit; one unheard
    /// longer counts at its last allowed current, and one unheard for more than 3 periods at its own maximum (a silent pod is
    /// never assumed to draw nothing) until <c>forgetAfterMs</c> drops it. Load = (counted reservations + every sharing
    /// session's own limit) / capacity. Above <c>halfPowerAbovePercent</c> each session is capped at half its limit (not
    /// below 6 A); above <c>noNewSessionsAbovePercent</c> no new session starts. The rest of the capacity is water-filled
    /// between sharing sessions; when it cannot give each 6 A, running sessions come first (then pod id) and the rest get 0
    /// (paused). Ages use the receiver's monotonic clock only. Fixed size; allocates nothing after construction except the id
    /// string of a pod heard for the first time. Not thread-safe: one thread owns it.
    /// </remarks>
    public sealed class SiteAllocator
    {
        /// <summary>The least current a session may be offered, dA (6 A, IEC 61851-1).</summary>
        public const int MinimumDa = 60;

        /// <summary>Class of an entry after <see cref="Allocate"/>: heard lately, takes part in the share.</summary>
        public const int Fresh = 0;

        /// <summary>Class: unheard for more than 1.5 periods, counted at its last allowed current.</summary>
        public const int Missing = 1;

        /// <summary>Class: unheard for more than 3 periods, counted at its own maximum.</summary>
        public const int Silent = 2;

        private readonly string[] _ids;
        private readonly int[] _state;
        private readonly int[] _maxDa;
        private readonly int[] _allowedDa;
        private readonly int[] _drawDa;
        private readonly long[] _heardMs;
        private readonly int[] _class;
        private readonly int[] _shareDa;
        private readonly int[] _order;
        private int _count;

        /// <summary>A table for at most <paramref name="maxPods"/> pods (this one included).</summary>
        public SiteAllocator(int maxPods)
        {
            if (maxPods < 1)
            {
                throw new ArgumentOutOfRangeException("maxPods");
            }

            _ids = new string[maxPods];
            _state = new int[maxPods];
            _maxDa = new int[maxPods];
            _allowedDa = new int[maxPods];
            _drawDa = new int[maxPods];
            _heardMs = new long[maxPods];
            _class = new int[maxPods];
            _shareDa = new int[maxPods];
            _order = new int[maxPods];
        }

        /// <summary>Pods in the table.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>After <see cref="Allocate"/>: a new session may start (load at most <c>noNewSessionsAbovePercent</c>).</summary>
        public bool StartAllowed { get; private set; }

        /// <summary>After <see cref="Allocate"/>: the half-power rule applies.</summary>
        public bool HalfPower { get; private set; }

        /// <summary>After <see cref="Allocate"/>: the site's load, % of capacity (demand, see the class remarks).</summary>
        public int LoadPercent { get; private set; }

        /// <summary>After <see cref="Allocate"/>: current reserved for missing and silent pods, dA.</summary>
        public int ReservedDa { get; private set; }

        /// <summary>After <see cref="Allocate"/>: reservations plus every share, dA; never above the capacity when the reservations fit.</summary>
        public int CommittedDa { get; private set; }

        /// <summary>Pod id of entry <paramref name="index"/> (entries are sorted by id, ordinal).</summary>
        public string IdAt(int index)
        {
            return _ids[index];
        }

        /// <summary>The share of entry <paramref name="index"/> from the last <see cref="Allocate"/>, dA (0: no share or paused).</summary>
        public int ShareDaAt(int index)
        {
            return _shareDa[index];
        }

        /// <summary>The class of entry <paramref name="index"/> from the last <see cref="Allocate"/> (<see cref="Fresh"/>, ...).</summary>
        public int ClassAt(int index)
        {
            return _class[index];
        }

        /// <summary>Index of <paramref name="podId"/>, or -1.</summary>
        public int IndexOf(string podId)
        {
            int lo = 0;
            int hi = _count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                int c = CompareOrdinal(_ids[mid], podId);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1;
        }

        /// <summary>Index of the pod whose id is <paramref name="id"/>[0..<paramref name="length"/>), or -1; allocates nothing.</summary>
        public int IndexOf(char[] id, int length)
        {
            int lo = 0;
            int hi = _count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                int c = CompareOrdinal(_ids[mid], id, length);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1;
        }

        private static int CompareOrdinal(string a, char[] b, int length)
        {
            int n = a.Length < length ? a.Length : length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0)
                {
                    return d;
                }
            }

            return a.Length - length;
        }

        /// <summary>The share of <paramref name="podId"/> from the last <see cref="Allocate"/>, dA; 0 when not in the table.</summary>
        public int ShareDa(string podId)
        {
            int i = IndexOf(podId);
            return i < 0 ? 0 : _shareDa[i];
        }

        /// <summary>
        /// Records what pod <paramref name="podId"/> said at <paramref name="nowMs"/> (receiver's monotonic ms): its session
        /// state, own maximum, allowed and drawn current (dA, negative read as 0). Adds the pod when new; false when the table is full.
        /// </summary>
        public bool Report(string podId, SitePodState state, int maxDa, int allowedDa, int drawDa, long nowMs)
        {
            int i = IndexOf(podId);
            if (i < 0)
            {
                if (_count == _ids.Length || podId == null)
                {
                    return false;
                }

                i = _count;
                while (i > 0 && CompareOrdinal(_ids[i - 1], podId) > 0)
                {
                    Move(i - 1, i);
                    i--;
                }

                _ids[i] = podId;
                _shareDa[i] = 0;
                _class[i] = Fresh;
                _count++;
            }

            Set(i, state, maxDa, allowedDa, drawDa, nowMs);
            return true;
        }

        /// <summary>Same as <see cref="Report"/> for an entry already in the table; allocates nothing.</summary>
        public void Set(int index, SitePodState state, int maxDa, int allowedDa, int drawDa, long nowMs)
        {
            _state[index] = (int)state;
            _maxDa[index] = maxDa < 0 ? 0 : maxDa;
            _allowedDa[index] = allowedDa < 0 ? 0 : allowedDa;
            _drawDa[index] = drawDa < 0 ? 0 : drawDa;
            _heardMs[index] = nowMs;
        }

        /// <summary>
        /// Computes every pod's share at <paramref name="nowMs"/> (receiver's monotonic ms) for a site of
        /// <paramref name="capacityDa"/> per phase with the given thresholds (%), sharing period (ms) and forget time
        /// (ms, 0 = never). Allocates nothing.
        /// </summary>
        public void Allocate(long nowMs, int capacityDa, int halfPowerAbovePercent, int noNewSessionsAbovePercent, int periodMs, int forgetAfterMs)
        {
            if (capacityDa < 0)
            {
                capacityDa = 0;
            }

            long missingAfterMs = (long)periodMs + periodMs / 2;
            long silentAfterMs = 3L * periodMs;
            long reserved = 0;
            long demand = 0;
            int sharing = 0;
            int w = 0;
            for (int r = 0; r < _count; r++)
            {
                long age = nowMs - _heardMs[r];
                if (age < 0)
                {
                    age = 0;
                }

                if (forgetAfterMs > 0 && age > forgetAfterMs)
                {
                    continue;
                }

                if (w != r)
                {
                    Move(r, w);
                }

                _shareDa[w] = 0;
                if (age > silentAfterMs)
                {
                    _class[w] = Silent;
                    reserved += _maxDa[w];
                }
                else if (age > missingAfterMs)
                {
                    _class[w] = Missing;
                    reserved += _allowedDa[w];
                }
                else
                {
                    _class[w] = Fresh;
                    if (_state[w] != (int)SitePodState.Idle && _maxDa[w] >= MinimumDa)
                    {
                        demand += _maxDa[w];
                        _order[sharing++] = w;
                    }
                }

                w++;
            }

            for (int i = w; i < _count; i++)
            {
                _ids[i] = null;
            }

            _count = w;
            long load = reserved + demand;
            LoadPercent = capacityDa == 0 ? (load == 0 ? 0 : 100000) : (int)Lesser(100000L, load * 100 / capacityDa);
            HalfPower = load * 100 > (long)halfPowerAbovePercent * capacityDa;
            StartAllowed = load * 100 <= (long)noNewSessionsAbovePercent * capacityDa && capacityDa - load >= MinimumDa;
            ReservedDa = (int)Lesser(int.MaxValue, reserved);

            long available = capacityDa - reserved;
            if (available < 0)
            {
                available = 0;
            }

            // Running sessions keep their place before paused ones (then pod id) when not all can have 6 A.
            SortByKey(sharing, false);
            int kept = (int)Lesser(sharing, available / MinimumDa);

            // Water-fill the kept sessions in ascending order of their cap (ties by pod id).
            SortByKey(kept, true);
            long remaining = available;
            for (int j = 0; j < kept; j++)
            {
                int e = _order[j];
                long fair = remaining / (kept - j);
                long give = Lesser(Cap(e), fair);
                _shareDa[e] = (int)give;
                remaining -= give;
            }

            CommittedDa = (int)Lesser(int.MaxValue, reserved + (available - remaining));
        }

        private static long Lesser(long a, long b)
        {
            return a < b ? a : b;
        }

        private int Cap(int e)
        {
            int cap = _maxDa[e];
            if (HalfPower)
            {
                int half = cap / 2;
                cap = half < MinimumDa ? (cap < MinimumDa ? cap : MinimumDa) : half;
            }

            return cap;
        }

        // Stable insertion sort of _order[0..n): by cap (byCap) or by paused-after-running; _order starts in id order so ties keep it.
        private void SortByKey(int n, bool byCap)
        {
            for (int i = 1; i < n; i++)
            {
                int e = _order[i];
                int k = byCap ? Cap(e) : _state[e];
                int j = i - 1;
                while (j >= 0 && (byCap ? Cap(_order[j]) : _state[_order[j]]) > k)
                {
                    _order[j + 1] = _order[j];
                    j--;
                }

                _order[j + 1] = e;
            }
        }

        private void Move(int from, int to)
        {
            _ids[to] = _ids[from];
            _state[to] = _state[from];
            _maxDa[to] = _maxDa[from];
            _allowedDa[to] = _allowedDa[from];
            _drawDa[to] = _drawDa[from];
            _heardMs[to] = _heardMs[from];
            _class[to] = _class[from];
            _shareDa[to] = _shareDa[from];
        }

        /// <summary>Ordinal comparison of two ids (UTF-16 code units), the same on every runtime; null sorts first.</summary>
        public static int CompareOrdinal(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null ? (b == null ? 0 : -1) : 1;
            }

            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0)
                {
                    return d;
                }
            }

            return a.Length - b.Length;
        }
    }
}
