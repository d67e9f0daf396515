using System.Collections;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Config
{
    /// <summary>
    /// Collects every problem found while validating a configuration, each naming its key
    /// (dotted path, e.g. <c>safety.thermal.limitC</c>), so one run reports them all.
    /// </summary>
    /// <remarks>Boot-time only: it allocates. Not thread-safe.</remarks>
    public sealed class ConfigErrors
    {
        private readonly ArrayList _messages = new ArrayList();

        /// <summary>Number of problems found.</summary>
        public int Count
        {
            get { return _messages.Count; }
        }

        /// <summary>The problem at <paramref name="index"/>, as <c>key: reason</c>.</summary>
        public string this[int index]
        {
            get { return (string)_messages[index]; }
        }

        /// <summary>Records that <paramref name="key"/> is wrong, and why.</summary>
        public void Fail(string key, string reason)
        {
            _messages.Add(key + ": " + reason);
        }

        /// <summary>Records a problem already written as <c>key: reason</c> (e.g. one copied from another list).</summary>
        public void Add(string problem)
        {
            _messages.Add(problem);
        }

        /// <summary>
        /// Records a problem unless <paramref name="value"/> is a finite number with
        /// <paramref name="min"/> &lt;= <paramref name="value"/> &lt;= <paramref name="max"/>. A NaN or infinite value is
        /// reported as "must be a finite number" before any range check (nanoCLR and .NET compare NaN differently, so a
        /// range check alone would not catch it on both). A bound that is not finite (taken from another key that is
        /// itself invalid, and reported there) skips the range check.
        /// </summary>
        /// <param name="key">Dotted key path.</param>
        /// <param name="value">The configured value.</param>
        /// <param name="min">Lowest allowed value, inclusive.</param>
        /// <param name="max">Highest allowed value, inclusive.</param>
        /// <param name="unit">Unit shown in the message (e.g. "degC", "ms", "A"); empty for none.</param>
        public void Range(string key, double value, double min, double max, string unit)
        {
            if (!RequireFinite(key, value) || !Finite.IsFinite(min) || !Finite.IsFinite(max))
            {
                return;
            }

            if (!Finite.Within(value, min, max))
            {
                string u = unit.Length == 0 ? "" : " " + unit;
                Fail(key, "must be between " + min.ToString() + u + " and " + max.ToString() + u + ", is " + value.ToString() + u);
            }
        }

        /// <summary>
        /// Records "<paramref name="key"/>: must be a finite number" when <paramref name="value"/> is NaN or an infinity.
        /// Returns <c>true</c> when the value is finite (further checks on it may follow).
        /// </summary>
        /// <param name="key">Dotted key path.</param>
        /// <param name="value">The configured value.</param>
        public bool RequireFinite(string key, double value)
        {
            if (Finite.IsFinite(value))
            {
                return true;
            }

            Fail(key, "must be a finite number");
            return false;
        }

        /// <summary>All problems, one per line.</summary>
        public override string ToString()
        {
            string text = "";
            for (int i = 0; i < _messages.Count; i++)
            {
                text = text + (string)_messages[i] + "\n";
            }

            return text;
        }
    }
}
