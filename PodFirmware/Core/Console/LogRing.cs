using System.Threading;

namespace PodFirmware.Core.Console
{
    /// <summary>
    /// The last <see cref="Capacity"/> log lines (boot messages, config problems, link problems, console actions), kept
    /// for the console's <c>log</c> command and the rate-limited <c>pods/{id}/log</c> topic. A fixed array of string
    /// references: adding stores the caller's string, never copies or grows; the oldest line is overwritten.
    /// </summary>
    /// <remarks>
    /// Thread-safe: any thread may <see cref="Add"/> (boot, console, messaging); readers copy under the same short lock.
    /// Never written from the control tick (a lock there could delay the relay), so the lock only orders the slower threads.
    /// </remarks>
    public sealed class LogRing
    {
        /// <summary>Default number of lines kept.</summary>
        public const int DefaultCapacity = 32;

        /// <summary>Longest line kept, in characters; a longer one is cut and ends with "...".</summary>
        public const int MaxLineChars = 160;

        private readonly string[] _lines;
        private readonly object _gate = new object();
        private int _total;

        /// <summary>Creates a ring of <see cref="DefaultCapacity"/> lines.</summary>
        public LogRing() : this(DefaultCapacity)
        {
        }

        /// <summary>Creates a ring of <paramref name="capacity"/> lines (1 or more; less is taken as 1).</summary>
        public LogRing(int capacity)
        {
            _lines = new string[capacity < 1 ? 1 : capacity];
        }

        /// <summary>Lines kept at most.</summary>
        public int Capacity
        {
            get { return _lines.Length; }
        }

        /// <summary>Lines ever added; line number n (0-based) is kept while <c>n &gt;= Total - Capacity</c>.</summary>
        public int Total
        {
            get { return _total; }
        }

        /// <summary>Adds <paramref name="line"/> (null is ignored), dropping the oldest when full.</summary>
        public void Add(string line)
        {
            if (line == null)
            {
                return;
            }

            if (line.Length > MaxLineChars)
            {
                line = line.Substring(0, MaxLineChars - 3) + "...";
            }

            Monitor.Enter(_gate);
            try
            {
                _lines[_total % _lines.Length] = line;
                _total++;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>
        /// Line number <paramref name="number"/> (0-based, counted since boot), or null when it was overwritten or not
        /// written yet.
        /// </summary>
        public string Line(int number)
        {
            Monitor.Enter(_gate);
            try
            {
                if (number < 0 || number >= _total || number < _total - _lines.Length)
                {
                    return null;
                }

                return _lines[number % _lines.Length];
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
