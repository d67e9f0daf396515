using System;
using System.Text;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Json
{
    /// <summary>
    /// Writes one compact JSON document (no whitespace) as UTF-8 into a byte buffer allocated
    /// once at construction and reused after <see cref="Reset"/>. Writing allocates nothing:
    /// strings are encoded to UTF-8 here, numbers are formatted from integers, so the bytes are
    /// identical on nanoFramework and on .NET.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Members of an object are written with the named overloads (<c>Int("tempC", 70)</c>),
    /// elements of an array and the root value with the unnamed ones (<c>Int(70)</c>).
    /// </para>
    /// <para>
    /// Nothing throws. A call that does not fit writes nothing, sets <see cref="Overflowed"/>
    /// and turns every later call into a no-op until <see cref="Reset"/>; a call that would
    /// break the JSON structure (a named value in an array, an unnamed one in an object,
    /// closing the wrong container, a second root value, nesting deeper than the depth given
    /// at construction, decimals outside 0 to 18) writes nothing and sets
    /// <see cref="HasUsageError"/>, with the same effect. Publish only when
    /// <see cref="IsComplete"/> is <c>true</c>.
    /// </para>
    /// <para>Not thread-safe: one owner (normally the tick or the telemetry publisher).</para>
    /// </remarks>
    public sealed class JsonWriter
    {
        /// <summary>Nesting depth allowed by the one-argument constructor: objects and arrays inside one another.</summary>
        public const int DefaultMaxDepth = 8;

        /// <summary>Most decimals <see cref="Fixed(string, long, int)"/> and <see cref="Decimal(string, double, int)"/> accept (10^18 is the largest power of ten in a long).</summary>
        public const int MaxDecimals = 18;

        private static readonly ulong[] PowersOf10 = BuildPowersOf10();

        private readonly byte[] _buffer;
        private readonly int _maxDepth;

        // Per open container, indexed by depth (index 0 is the root level, which holds one value):
        // whether a value was already written there (so the next one needs a comma), and whether it is an array.
        private readonly bool[] _hasValue;
        private readonly bool[] _isArray;

        private int _length;
        private int _depth;
        private bool _overflowed;
        private bool _usageError;

        // State of the call in progress: where it started (to roll back) and whether it ran out of room.
        private int _callStart;
        private bool _callOverflowed;

        /// <summary>Creates a writer with a buffer of <paramref name="capacityBytes"/> bytes and a nesting limit of <see cref="DefaultMaxDepth"/>.</summary>
        /// <param name="capacityBytes">Buffer size in bytes, 1 or more; the longest document it can hold.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacityBytes"/> is below 1.</exception>
        public JsonWriter(int capacityBytes)
            : this(capacityBytes, DefaultMaxDepth)
        {
        }

        /// <summary>Creates a writer with a buffer of <paramref name="capacityBytes"/> bytes.</summary>
        /// <param name="capacityBytes">Buffer size in bytes, 1 or more; the longest document it can hold.</param>
        /// <param name="maxDepth">Most containers open at once, 1 to 64.</param>
        /// <exception cref="ArgumentOutOfRangeException">When an argument is out of its range (construction happens at boot).</exception>
        public JsonWriter(int capacityBytes, int maxDepth)
        {
            if (capacityBytes < 1)
            {
                throw new ArgumentOutOfRangeException("capacityBytes", "must be 1 or more");
            }

            if (maxDepth < 1 || maxDepth > 64)
            {
                throw new ArgumentOutOfRangeException("maxDepth", "must be between 1 and 64");
            }

            _buffer = new byte[capacityBytes];
            _maxDepth = maxDepth;
            _hasValue = new bool[maxDepth + 1];
            _isArray = new bool[maxDepth + 1];
        }

        /// <summary>The output buffer; the document is its first <see cref="Length"/> bytes. The same array for the writer's life.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written so far (after an overflow: the bytes of the calls that fit).</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Buffer size in bytes.</summary>
        public int Capacity
        {
            get { return _buffer.Length; }
        }

        /// <summary>Containers currently open (0 at the root).</summary>
        public int Depth
        {
            get { return _depth; }
        }

        /// <summary><c>true</c> once a call did not fit in the buffer; the document is incomplete. Cleared by <see cref="Reset"/>.</summary>
        public bool Overflowed
        {
            get { return _overflowed; }
        }

        /// <summary><c>true</c> once a call would have broken the JSON structure or had an argument out of range (see the class remarks). Cleared by <see cref="Reset"/>.</summary>
        public bool HasUsageError
        {
            get { return _usageError; }
        }

        /// <summary><c>true</c> when the buffer holds exactly one complete JSON value: a root value was written, every container is closed, and neither <see cref="Overflowed"/> nor <see cref="HasUsageError"/> is set.</summary>
        public bool IsComplete
        {
            get { return !_overflowed && !_usageError && _depth == 0 && _hasValue[0]; }
        }

        /// <summary>Empties the buffer and clears every flag so the writer can build the next document. Allocates nothing.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _overflowed = false;
            _usageError = false;
            _hasValue[0] = false;
            _isArray[0] = false;
        }

        /// <summary>Opens an object as an array element or as the root value.</summary>
        public void BeginObject()
        {
            Open(null, false, false);
        }

        /// <summary>Opens an object as member <paramref name="name"/> of the enclosing object.</summary>
        /// <param name="name">Member name; escaped as needed.</param>
        public void BeginObject(string name)
        {
            Open(name, true, false);
        }

        /// <summary>Closes the innermost container, which must be an object.</summary>
        public void EndObject()
        {
            Close(false);
        }

        /// <summary>Opens an array as an array element or as the root value.</summary>
        public void BeginArray()
        {
            Open(null, false, true);
        }

        /// <summary>Opens an array as member <paramref name="name"/> of the enclosing object.</summary>
        /// <param name="name">Member name; escaped as needed.</param>
        public void BeginArray(string name)
        {
            Open(name, true, true);
        }

        /// <summary>Closes the innermost container, which must be an array.</summary>
        public void EndArray()
        {
            Close(true);
        }

        /// <summary>Writes member <paramref name="name"/> as the integer <paramref name="value"/> (any long, including <see cref="long.MinValue"/>).</summary>
        public void Int(string name, long value)
        {
            if (BeginValue(name, true))
            {
                PutInteger(value);
                EndValue();
            }
        }

        /// <summary>Writes the integer <paramref name="value"/> as an array element or root value.</summary>
        public void Int(long value)
        {
            if (BeginValue(null, false))
            {
                PutInteger(value);
                EndValue();
            }
        }

        /// <summary>
        /// Writes member <paramref name="name"/> as the fixed-point number <paramref name="scaled"/> / 10^<paramref name="decimals"/>
        /// with exactly <paramref name="decimals"/> digits after the point: (705, 1) gives <c>70.5</c>, (-5, 2) gives <c>-0.05</c>,
        /// (700, 1) gives <c>70.0</c>, (42, 0) gives <c>42</c>.
        /// </summary>
        /// <param name="name">Member name.</param>
        /// <param name="scaled">The value times 10^<paramref name="decimals"/>.</param>
        /// <param name="decimals">Digits after the point, 0 to <see cref="MaxDecimals"/>.</param>
        public void Fixed(string name, long scaled, int decimals)
        {
            if (CheckDecimals(decimals) && BeginValue(name, true))
            {
                PutFixed(scaled, decimals);
                EndValue();
            }
        }

        /// <summary>Writes the fixed-point number <paramref name="scaled"/> / 10^<paramref name="decimals"/> as an array element or root value; see <see cref="Fixed(string, long, int)"/>.</summary>
        public void Fixed(long scaled, int decimals)
        {
            if (CheckDecimals(decimals) && BeginValue(null, false))
            {
                PutFixed(scaled, decimals);
                EndValue();
            }
        }

        /// <summary>
        /// Writes member <paramref name="name"/> as <paramref name="value"/> rounded half away from zero to
        /// <paramref name="decimals"/> digits after the point (70.45 °C at 1 gives <c>70.5</c>, -0.005 A at 2 gives <c>-0.01</c>),
        /// formatted as <see cref="Fixed(string, long, int)"/> does. NaN, infinities and values whose scaled form does not fit
        /// a long are written as <c>null</c>: JSON has no NaN, and the reader of the document must see that the value is absent.
        /// </summary>
        /// <remarks>The rounding applies to the double nearest to <paramref name="value"/> × 10^<paramref name="decimals"/>, so a decimal tie that the double cannot hold exactly (1.005) rounds the way its binary value lies.</remarks>
        /// <param name="name">Member name.</param>
        /// <param name="value">The value in its engineering unit.</param>
        /// <param name="decimals">Digits after the point, 0 to <see cref="MaxDecimals"/>.</param>
        public void Decimal(string name, double value, int decimals)
        {
            if (CheckDecimals(decimals) && BeginValue(name, true))
            {
                PutDecimal(value, decimals);
                EndValue();
            }
        }

        /// <summary>Writes <paramref name="value"/> rounded half away from zero as an array element or root value; see <see cref="Decimal(string, double, int)"/>.</summary>
        public void Decimal(double value, int decimals)
        {
            if (CheckDecimals(decimals) && BeginValue(null, false))
            {
                PutDecimal(value, decimals);
                EndValue();
            }
        }

        /// <summary>
        /// Writes member <paramref name="name"/> as a JSON string (<c>null</c> when <paramref name="value"/> is null).
        /// Quote, backslash and control characters are escaped (<c>\"</c>, <c>\\</c>, <c>\u00XX</c> with lowercase hex);
        /// everything else is written as UTF-8. Text that nanoFramework cannot hold the same way as .NET is written so
        /// both give the same bytes: every surrogate code unit (paired or lone) as U+FFFD (<c>EF BF BD</c>), and the
        /// string ends at its first U+0000 (nothing after it is written). docs/mqtt.md, "Text encoding".
        /// </summary>
        public void String(string name, string value)
        {
            if (BeginValue(name, true))
            {
                PutStringOrNull(value);
                EndValue();
            }
        }

        /// <summary>Writes a JSON string (or <c>null</c>) as an array element or root value; see <see cref="String(string, string)"/>.</summary>
        public void String(string value)
        {
            if (BeginValue(null, false))
            {
                PutStringOrNull(value);
                EndValue();
            }
        }

        /// <summary>Writes member <paramref name="name"/> as <c>true</c> or <c>false</c>.</summary>
        public void Bool(string name, bool value)
        {
            if (BeginValue(name, true))
            {
                PutAscii(value ? "true" : "false");
                EndValue();
            }
        }

        /// <summary>Writes <c>true</c> or <c>false</c> as an array element or root value.</summary>
        public void Bool(bool value)
        {
            if (BeginValue(null, false))
            {
                PutAscii(value ? "true" : "false");
                EndValue();
            }
        }

        /// <summary>Writes member <paramref name="name"/> as <c>null</c>.</summary>
        public void Null(string name)
        {
            if (BeginValue(name, true))
            {
                PutAscii("null");
                EndValue();
            }
        }

        /// <summary>Writes <c>null</c> as an array element or root value.</summary>
        public void Null()
        {
            if (BeginValue(null, false))
            {
                PutAscii("null");
                EndValue();
            }
        }

        /// <summary>Latest UTC time <see cref="UtcIso(string, long)"/> formats: 9999-12-31T23:59:59.999Z, in ms since 1970-01-01.</summary>
        public const long MaxUtcMs = 253402300799999L;

        /// <summary>
        /// Writes member <paramref name="name"/> as the string <paramref name="prefix"/> followed by the decimal digits of
        /// <paramref name="number"/>, e.g. <c>"pod-017-42"</c> from <c>"pod-017-"</c> and 42, without building a string.
        /// The prefix is escaped like any string; a null prefix counts as empty.
        /// </summary>
        public void StringWithNumber(string name, string prefix, long number)
        {
            if (BeginValue(name, true))
            {
                Put((byte)'"');
                if (prefix != null)
                {
                    PutEscaped(prefix);
                }

                PutInteger(number);
                Put((byte)'"');
                EndValue();
            }
        }

        /// <summary>
        /// Writes member <paramref name="name"/> as an ISO-8601 UTC time with milliseconds, e.g.
        /// <c>"2026-11-21T14:03:07.250Z"</c>, from <paramref name="utcMs"/> (ms since 1970-01-01T00:00:00Z, proleptic
        /// Gregorian calendar, no leap seconds). Digits come from integer arithmetic, never from DateTime formatting.
        /// A value below 0 or above <see cref="MaxUtcMs"/> is written as <c>null</c>.
        /// </summary>
        public void UtcIso(string name, long utcMs)
        {
            if (BeginValue(name, true))
            {
                PutUtcIso(utcMs);
                EndValue();
            }
        }

        /// <summary>Array element or root form of <see cref="UtcIso(string, long)"/>.</summary>
        public void UtcIso(long utcMs)
        {
            if (BeginValue(null, false))
            {
                PutUtcIso(utcMs);
                EndValue();
            }
        }

        /// <summary>The document so far decoded as text, for tests and the console. Allocates a new string: never call it from the tick.</summary>
        public override string ToString()
        {
            return Encoding.UTF8.GetString(_buffer, 0, _length);
        }

        private static ulong[] BuildPowersOf10()
        {
            // Filled by a loop: a constant array initialiser would need RuntimeHelpers.InitializeArray, which nanoFramework v1 lacks.
            var powers = new ulong[MaxDecimals + 1];
            ulong power = 1;
            for (int i = 0; i <= MaxDecimals; i++)
            {
                powers[i] = power;
                power *= 10;
            }

            return powers;
        }

        private bool CheckDecimals(int decimals)
        {
            if (decimals < 0 || decimals > MaxDecimals)
            {
                if (!_overflowed)
                {
                    _usageError = true;
                }

                return false;
            }

            return true;
        }

        /// <summary>Checks the value may go here, starts the call and writes the separator and the name.</summary>
        private bool BeginValue(string name, bool named)
        {
            if (_overflowed || _usageError)
            {
                return false;
            }

            bool wantsName = _depth > 0 && !_isArray[_depth];
            if (named != wantsName || (named && name == null) || (_depth == 0 && _hasValue[0]))
            {
                _usageError = true;
                return false;
            }

            _callStart = _length;
            _callOverflowed = false;
            if (_depth > 0 && _hasValue[_depth])
            {
                Put((byte)',');
            }

            if (named)
            {
                PutString(name);
                Put((byte)':');
            }

            return true;
        }

        /// <summary>Ends the call: rolls it back when it did not fit, else records that the level holds a value.</summary>
        private bool EndValue()
        {
            if (_callOverflowed)
            {
                _length = _callStart;
                _overflowed = true;
                return false;
            }

            _hasValue[_depth] = true;
            return true;
        }

        private void Open(string name, bool named, bool isArray)
        {
            if (_depth == _maxDepth && !_overflowed)
            {
                _usageError = true;
            }

            if (!BeginValue(name, named))
            {
                return;
            }

            Put(isArray ? (byte)'[' : (byte)'{');
            if (EndValue())
            {
                _depth++;
                _hasValue[_depth] = false;
                _isArray[_depth] = isArray;
            }
        }

        private void Close(bool isArray)
        {
            if (_overflowed || _usageError)
            {
                return;
            }

            if (_depth == 0 || _isArray[_depth] != isArray)
            {
                _usageError = true;
                return;
            }

            _callStart = _length;
            _callOverflowed = false;
            Put(isArray ? (byte)']' : (byte)'}');
            if (_callOverflowed)
            {
                _length = _callStart;
                _overflowed = true;
                return;
            }

            _depth--;
        }

        private void Put(byte value)
        {
            if (_length < _buffer.Length)
            {
                _buffer[_length++] = value;
            }
            else
            {
                _callOverflowed = true;
            }
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void PutStringOrNull(string value)
        {
            if (value == null)
            {
                PutAscii("null");
            }
            else
            {
                PutString(value);
            }
        }

        private void PutString(string text)
        {
            Put((byte)'"');
            PutEscaped(text);
            Put((byte)'"');
        }

        private void PutEscaped(string text)
        {
            int count = text.Length;
            for (int i = 0; i < count; i++)
            {
                int c = text[i];
                if (c == 0)
                {
                    // A nanoFramework string ends at U+0000, so on the board nothing after it exists: stop here too.
                    break;
                }

                if (c < 0x80)
                {
                    if (c == '"' || c == '\\')
                    {
                        Put((byte)'\\');
                        Put((byte)c);
                    }
                    else if (c < 0x20)
                    {
                        Put((byte)'\\');
                        Put((byte)'u');
                        Put((byte)'0');
                        Put((byte)'0');
                        Put(HexDigit(c >> 4));
                        Put(HexDigit(c & 0xF));
                    }
                    else
                    {
                        Put((byte)c);
                    }
                }
                else if (c < 0x800)
                {
                    Put((byte)(0xC0 | (c >> 6)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // Every surrogate code unit, paired or not, becomes U+FFFD: nanoFramework's indexer returns the
                    // high surrogate twice for a character beyond U+FFFF, so pairing them would give other bytes on
                    // the board. One U+FFFD per code unit is what both runtimes see.
                    Put(0xEF);
                    Put(0xBF);
                    Put(0xBD);
                }
                else
                {
                    Put((byte)(0xE0 | (c >> 12)));
                    Put((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        private static ulong Magnitude(long value)
        {
            // -(value + 1) + 1 avoids negating long.MinValue, which has no positive long.
            return value < 0 ? (ulong)(-(value + 1)) + 1UL : (ulong)value;
        }

        private void PutUtcIso(long utcMs)
        {
            if (utcMs < 0 || utcMs > MaxUtcMs)
            {
                PutAscii("null");
                return;
            }

            long days = utcMs / 86400000L;
            long msOfDay = utcMs - days * 86400000L;

            // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse): eras of 400 years
            // starting on 0000-03-01, so the leap day is the last day of its year.
            long z = days + 719468;
            long era = z / 146097;
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long monthIndex = (5 * dayOfYear + 2) / 153;
            long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
            long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
            long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

            Put((byte)'"');
            PutDigits((ulong)year, 4);
            Put((byte)'-');
            PutDigits((ulong)month, 2);
            Put((byte)'-');
            PutDigits((ulong)day, 2);
            Put((byte)'T');
            PutDigits((ulong)(msOfDay / 3600000L), 2);
            Put((byte)':');
            PutDigits((ulong)(msOfDay / 60000L % 60), 2);
            Put((byte)':');
            PutDigits((ulong)(msOfDay / 1000L % 60), 2);
            Put((byte)'.');
            PutDigits((ulong)(msOfDay % 1000L), 3);
            Put((byte)'Z');
            Put((byte)'"');
        }

        private void PutInteger(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
            }

            PutDigits(Magnitude(value), 1);
        }

        private void PutFixed(long scaled, int decimals)
        {
            ulong magnitude = Magnitude(scaled);
            ulong power = PowersOf10[decimals];
            if (scaled < 0)
            {
                Put((byte)'-');
            }

            PutDigits(magnitude / power, 1);
            if (decimals > 0)
            {
                Put((byte)'.');
                PutDigits(magnitude % power, decimals);
            }
        }

        private void PutDecimal(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                PutAscii("null");
                return;
            }

            double rounded = Math.Floor(Math.Abs(value * PowersOf10[decimals]) + 0.5);

            // 2^63: the first magnitude a long cannot hold.
            if (Finite.AtLeast(rounded, 9223372036854775808.0))
            {
                PutAscii("null");
                return;
            }

            long scaled = (long)rounded;
            PutFixed(Finite.Below(value, 0) ? -scaled : scaled, decimals);
        }

        /// <summary>Writes <paramref name="value"/> in decimal, left-padded with zeros to at least <paramref name="minDigits"/> digits.</summary>
        private void PutDigits(ulong value, int minDigits)
        {
            int digits = 1;
            for (ulong rest = value / 10; rest != 0; rest /= 10)
            {
                digits++;
            }

            if (digits < minDigits)
            {
                digits = minDigits;
            }

            if (_length + digits > _buffer.Length)
            {
                _callOverflowed = true;
                return;
            }

            for (int i = _length + digits - 1; i >= _length; i--)
            {
                _buffer[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            _length += digits;
        }
    }
}
