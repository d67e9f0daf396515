using System;

namespace PodFirmware.Json
{
    /// <summary>
    /// A small strict JSON reader for incoming commands. <see cref="TryParse"/> validates the whole
    /// input against RFC 8259 plus the firmware's caps (size, nesting depth, token count, number
    /// range, no duplicate member names) and indexes it; typed getters then look values up by path.
    /// Nothing throws on bad input: every problem comes back as an error code and a message.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Paths name members from the root object, dotted for nested objects: <c>"type"</c>,
    /// <c>"limits.maxA"</c>; the empty path is the root itself. A member whose name contains a dot
    /// cannot be reached by path (commands have none).
    /// </para>
    /// <para>
    /// Memory: the token index (three int arrays and a byte array of <c>maxTokens</c> entries) and
    /// a char pool of <c>maxBytes</c> chars for the unescaped strings are allocated once at construction.
    /// Parsing allocates nothing; <see cref="GetString"/>, <see cref="MemberName"/> and the error
    /// messages allocate the strings they return. Numbers are read from the caller's bytes when
    /// asked for, so leave the parsed array unchanged until done with the getters.
    /// </para>
    /// <para>
    /// Text: strings are UTF-8 limited to the Basic Multilingual Plane without U+0000. A <c>\u0000</c>
    /// escape, a 4-byte UTF-8 sequence or a <c>\uD8xx\uDCxx</c> escape pair is refused with
    /// <see cref="JsonError.UnsupportedCharacter"/> (nanoFramework strings end at U+0000 and its string
    /// indexer mangles surrogate pairs), so every string a getter returns reads the same on the board
    /// and on the host: no surrogate code unit and no U+0000 in it. docs/mqtt.md, "Text encoding".
    /// </para>
    /// <para>Not thread-safe: one owner (the messaging side).</para>
    /// </remarks>
    public sealed class JsonReader
    {
        /// <summary>Size cap of the default constructor, in bytes.</summary>
        public const int DefaultMaxBytes = 2048;

        /// <summary>Depth cap of the default constructor: a root object holding objects three levels down.</summary>
        public const int DefaultMaxDepth = 4;

        /// <summary>Token cap of the default constructor: values plus member names.</summary>
        public const int DefaultMaxTokens = 128;

        /// <summary>Most digits after the point a number may have once trailing zeros are dropped (10^18 is the largest power of ten in a long).</summary>
        public const int MaxDecimals = 18;

        private const byte KindObject = 1;
        private const byte KindArray = 2;
        private const byte KindString = 3;
        private const byte KindNumber = 4;
        private const byte KindTrue = 5;
        private const byte KindFalse = 6;
        private const byte KindNull = 7;
        private const byte KindKey = 8;

        // 2^63 - 1 and 2^63: the largest positive and negative long magnitudes.
        private const ulong MaxPositive = 9223372036854775807UL;
        private const ulong MaxNegative = 9223372036854775808UL;

        private readonly int _maxBytes;
        private readonly int _maxDepth;
        private readonly int _maxTokens;

        // One entry per token in document order; a member's value immediately follows its name (KindKey).
        // Strings and names: start and length in _chars. Numbers: start and length in _data. Containers: unused.
        private readonly byte[] _kind;
        private readonly int[] _start;
        private readonly int[] _length;
        private readonly int[] _parent;
        private readonly char[] _chars;

        private byte[] _data;
        private int _end;
        private int _pos;
        private int _count;
        private int _charCount;
        private bool _parsed;
        private JsonError _error;
        private int _errorOffset;

        // Result of the last ParseNumber: value = ±_numberDigits × 10^_numberExponent.
        private bool _numberNegative;
        private ulong _numberDigits;
        private int _numberExponent;

        /// <summary>Creates a reader with the default caps: 2048 bytes, depth 4, 128 tokens.</summary>
        public JsonReader()
            : this(DefaultMaxBytes, DefaultMaxDepth, DefaultMaxTokens)
        {
        }

        /// <summary>Creates a reader with the given caps; its buffers are allocated here, once.</summary>
        /// <param name="maxBytes">Largest accepted input in bytes, 1 to 65536.</param>
        /// <param name="maxDepth">Deepest accepted nesting of objects and arrays, 1 to 32 (a root object alone is depth 1).</param>
        /// <param name="maxTokens">Most values plus member names, 1 to 4096.</param>
        /// <exception cref="ArgumentOutOfRangeException">When a cap is out of its range (construction happens at boot).</exception>
        public JsonReader(int maxBytes, int maxDepth, int maxTokens)
        {
            if (maxBytes < 1 || maxBytes > 65536)
            {
                throw new ArgumentOutOfRangeException("maxBytes", "must be between 1 and 65536");
            }

            if (maxDepth < 1 || maxDepth > 32)
            {
                throw new ArgumentOutOfRangeException("maxDepth", "must be between 1 and 32");
            }

            if (maxTokens < 1 || maxTokens > 4096)
            {
                throw new ArgumentOutOfRangeException("maxTokens", "must be between 1 and 4096");
            }

            _maxBytes = maxBytes;
            _maxDepth = maxDepth;
            _maxTokens = maxTokens;
            _kind = new byte[maxTokens];
            _start = new int[maxTokens];
            _length = new int[maxTokens];
            _parent = new int[maxTokens];

            // Unescaped UTF-16 never needs more chars than the UTF-8 bytes it came from.
            _chars = new char[maxBytes];
        }

        /// <summary>Size cap in bytes.</summary>
        public int MaxBytes
        {
            get { return _maxBytes; }
        }

        /// <summary>Depth cap (a root object alone is depth 1).</summary>
        public int MaxDepth
        {
            get { return _maxDepth; }
        }

        /// <summary>Token cap: values plus member names.</summary>
        public int MaxTokens
        {
            get { return _maxTokens; }
        }

        /// <summary><c>true</c> after a successful <see cref="TryParse"/>; the getters answer only then.</summary>
        public bool IsParsed
        {
            get { return _parsed; }
        }

        /// <summary>Why the last <see cref="TryParse"/> failed; <see cref="JsonError.None"/> after a success.</summary>
        public JsonError Error
        {
            get { return _error; }
        }

        /// <summary>Byte offset in the input where the last <see cref="TryParse"/> failed; 0 after a success.</summary>
        public int ErrorOffset
        {
            get { return _errorOffset; }
        }

        /// <summary>Kind of the root value; <see cref="JsonValueKind.None"/> when nothing is parsed.</summary>
        public JsonValueKind RootKind
        {
            get { return _parsed ? KindOf(0) : JsonValueKind.None; }
        }

        /// <summary>
        /// Validates and indexes the first <paramref name="length"/> bytes of <paramref name="data"/> as one JSON value
        /// with optional surrounding whitespace. Never throws for any content.
        /// </summary>
        /// <param name="data">The input; read again by the number getters, so keep it unchanged while reading.</param>
        /// <param name="length">Number of bytes to parse, from index 0.</param>
        /// <param name="error">Null on success; else what is wrong and at which byte, e.g. <c>duplicate member name at byte 17</c>.</param>
        /// <returns><c>true</c> when the input is valid JSON within the caps.</returns>
        public bool TryParse(byte[] data, int length, out string error)
        {
            _parsed = false;
            _count = 0;
            _charCount = 0;
            _error = JsonError.None;
            _errorOffset = 0;
            _data = data;
            _pos = 0;
            if (data == null || length < 0 || length > data.Length)
            {
                _data = null;
                _end = 0;
                error = "no input buffer, or a length outside it";
                _error = JsonError.Empty;
                return false;
            }

            _end = length;
            if (length > _maxBytes)
            {
                error = "input of " + length.ToString() + " bytes exceeds the " + _maxBytes.ToString() + "-byte limit";
                _error = JsonError.TooLarge;
                _errorOffset = _maxBytes;
                return false;
            }

            SkipWhitespace();
            if (_pos == _end)
            {
                Fail(JsonError.Empty);
            }
            else if (ParseValue(-1, 0))
            {
                SkipWhitespace();
                if (_pos != _end)
                {
                    Fail(JsonError.TrailingData);
                }
            }

            if (_error != JsonError.None)
            {
                _count = 0;
                error = Describe(_error) + " at byte " + _errorOffset.ToString();
                return false;
            }

            _parsed = true;
            error = null;
            return true;
        }

        /// <summary><c>true</c> when a value (of any kind, <c>null</c> included) exists at <paramref name="path"/>.</summary>
        public bool Has(string path)
        {
            return Find(path) >= 0;
        }

        /// <summary>Kind of the value at <paramref name="path"/>; <see cref="JsonValueKind.None"/> when there is none.</summary>
        public JsonValueKind KindOf(string path)
        {
            int token = Find(path);
            return token < 0 ? JsonValueKind.None : KindOf(token);
        }

        /// <summary>Reads the string at <paramref name="path"/>, unescaped. Allocates the returned string.</summary>
        /// <param name="path">Dotted member path.</param>
        /// <param name="value">The string, or null unless the result is <see cref="JsonFieldStatus.Ok"/>.</param>
        public JsonFieldStatus GetString(string path, out string value)
        {
            value = null;
            int token;
            JsonFieldStatus status = Locate(path, KindString, out token);
            if (status == JsonFieldStatus.Ok)
            {
                value = new string(_chars, _start[token], _length[token]);
            }

            return status;
        }

        /// <summary>Copies the unescaped string at <paramref name="path"/> into <paramref name="destination"/> from index 0. Allocates nothing.</summary>
        /// <param name="path">Dotted member path.</param>
        /// <param name="destination">Caller's buffer.</param>
        /// <param name="length">Chars copied; 0 unless the result is <see cref="JsonFieldStatus.Ok"/>.</param>
        /// <returns><see cref="JsonFieldStatus.TooLong"/> (nothing copied) when the string is longer than <paramref name="destination"/>.</returns>
        public JsonFieldStatus GetChars(string path, char[] destination, out int length)
        {
            length = 0;
            int token;
            JsonFieldStatus status = Locate(path, KindString, out token);
            if (status != JsonFieldStatus.Ok)
            {
                return status;
            }

            if (_length[token] > destination.Length)
            {
                return JsonFieldStatus.TooLong;
            }

            Array.Copy(_chars, _start[token], destination, 0, _length[token]);
            length = _length[token];
            return JsonFieldStatus.Ok;
        }

        /// <summary><c>true</c> when the value at <paramref name="path"/> is a string equal (ordinal, after unescaping) to <paramref name="expected"/>. Allocates nothing.</summary>
        public bool StringEquals(string path, string expected)
        {
            int token;
            return Locate(path, KindString, out token) == JsonFieldStatus.Ok && expected != null && CharsEqual(_start[token], _length[token], expected, 0, expected.Length);
        }

        /// <summary>Reads the integer at <paramref name="path"/>. A number with a zero fraction (<c>5.0</c>, <c>5e2</c>) counts as an integer.</summary>
        /// <param name="path">Dotted member path.</param>
        /// <param name="value">The value, or 0 unless the result is <see cref="JsonFieldStatus.Ok"/>.</param>
        /// <returns><see cref="JsonFieldStatus.OutOfRange"/> for a fraction.</returns>
        public JsonFieldStatus GetLong(string path, out long value)
        {
            return GetDecimal(path, 0, out value);
        }

        /// <summary>
        /// Reads the number at <paramref name="path"/> as a scaled integer: value × 10^<paramref name="decimals"/>
        /// (<c>16.5</c> with 2 decimals gives 1650). Exact: no rounding ever happens.
        /// </summary>
        /// <param name="path">Dotted member path.</param>
        /// <param name="decimals">Digits after the point to keep, 0 to <see cref="MaxDecimals"/>.</param>
        /// <param name="scaled">The scaled value, or 0 unless the result is <see cref="JsonFieldStatus.Ok"/>.</param>
        /// <returns>
        /// <see cref="JsonFieldStatus.TooPrecise"/> when the number has more significant decimals than asked;
        /// <see cref="JsonFieldStatus.OutOfRange"/> when the scaled value does not fit a long or <paramref name="decimals"/> is out of range.
        /// </returns>
        public JsonFieldStatus GetDecimal(string path, int decimals, out long scaled)
        {
            scaled = 0;
            int token;
            JsonFieldStatus status = Locate(path, KindNumber, out token);
            if (status != JsonFieldStatus.Ok)
            {
                return status;
            }

            if (decimals < 0 || decimals > MaxDecimals)
            {
                return JsonFieldStatus.OutOfRange;
            }

            // Validated by TryParse, so this only recomputes the parts.
            _pos = _start[token];
            ParseNumber();
            if (_numberDigits == 0)
            {
                return JsonFieldStatus.Ok;
            }

            int exponent = _numberExponent + decimals;
            if (exponent < 0)
            {
                return decimals == 0 ? JsonFieldStatus.OutOfRange : JsonFieldStatus.TooPrecise;
            }

            ulong magnitude;
            if (!Scale(_numberDigits, exponent, _numberNegative, out magnitude))
            {
                return JsonFieldStatus.OutOfRange;
            }

            scaled = _numberNegative ? (long)(0UL - magnitude) : (long)magnitude;
            return JsonFieldStatus.Ok;
        }

        /// <summary>Reads the <c>true</c> or <c>false</c> at <paramref name="path"/>.</summary>
        /// <param name="path">Dotted member path.</param>
        /// <param name="value">The value, or <c>false</c> unless the result is <see cref="JsonFieldStatus.Ok"/>.</param>
        public JsonFieldStatus GetBool(string path, out bool value)
        {
            value = false;
            int token = Find(path);
            if (!_parsed)
            {
                return JsonFieldStatus.NotParsed;
            }

            if (token < 0)
            {
                return JsonFieldStatus.Missing;
            }

            if (_kind[token] != KindTrue && _kind[token] != KindFalse)
            {
                return JsonFieldStatus.WrongType;
            }

            value = _kind[token] == KindTrue;
            return JsonFieldStatus.Ok;
        }

        /// <summary>Number of members of the object at <paramref name="path"/>; -1 when there is no object there.</summary>
        public int MemberCount(string path)
        {
            int container = Find(path);
            if (container < 0 || _kind[container] != KindObject)
            {
                return -1;
            }

            int members = 0;
            for (int i = container + 1; i < _count; i++)
            {
                if (_kind[i] == KindKey && _parent[i] == container)
                {
                    members++;
                }
            }

            return members;
        }

        /// <summary>Name of member <paramref name="index"/> (document order, from 0) of the object at <paramref name="path"/>, unescaped; null when there is none. Allocates the string.</summary>
        public string MemberName(string path, int index)
        {
            int key = MemberKey(path, index);
            return key < 0 ? null : new string(_chars, _start[key], _length[key]);
        }

        /// <summary><c>true</c> when member <paramref name="index"/> of the object at <paramref name="path"/> is named <paramref name="name"/>. Allocates nothing.</summary>
        public bool MemberNameEquals(string path, int index, string name)
        {
            int key = MemberKey(path, index);
            return key >= 0 && name != null && CharsEqual(_start[key], _length[key], name, 0, name.Length);
        }

        /// <summary>The text of a parse error code, without the position. Allocates nothing (constant strings).</summary>
        public static string Describe(JsonError error)
        {
            switch (error)
            {
                case JsonError.None: return "ok";
                case JsonError.Empty: return "no JSON value";
                case JsonError.TooLarge: return "input larger than the size limit";
                case JsonError.TooDeep: return "nesting deeper than the depth limit";
                case JsonError.TooManyTokens: return "more values than the token limit";
                case JsonError.Syntax: return "invalid JSON";
                case JsonError.UnterminatedString: return "unterminated string";
                case JsonError.InvalidEscape: return "invalid escape";
                case JsonError.InvalidUtf8: return "invalid UTF-8";
                case JsonError.ControlCharacter: return "unescaped control character in string";
                case JsonError.InvalidNumber: return "invalid number";
                case JsonError.NumberOutOfRange: return "number out of range";
                case JsonError.DuplicateKey: return "duplicate member name";
                case JsonError.TrailingData: return "data after the JSON value";
                case JsonError.UnsupportedCharacter: return "character outside the supported text (U+0000 or beyond U+FFFF)";
                default: return "unknown error";
            }
        }

        /// <summary>A getter's outcome as text naming the field, e.g. <c>field 'limitA': missing</c>. Allocates.</summary>
        public static string Describe(string path, JsonFieldStatus status)
        {
            string what;
            switch (status)
            {
                case JsonFieldStatus.Ok: what = "ok"; break;
                case JsonFieldStatus.Missing: what = "missing"; break;
                case JsonFieldStatus.WrongType: what = "wrong type"; break;
                case JsonFieldStatus.OutOfRange: what = "number out of range"; break;
                case JsonFieldStatus.TooPrecise: what = "too many decimals"; break;
                case JsonFieldStatus.TooLong: what = "string too long"; break;
                case JsonFieldStatus.NotParsed: what = "no valid JSON parsed"; break;
                default: what = "unknown status"; break;
            }

            return "field '" + path + "': " + what;
        }

        private JsonValueKind KindOf(int token)
        {
            switch (_kind[token])
            {
                case KindObject: return JsonValueKind.Object;
                case KindArray: return JsonValueKind.Array;
                case KindString: return JsonValueKind.String;
                case KindNumber: return JsonValueKind.Number;
                case KindTrue:
                case KindFalse: return JsonValueKind.Bool;
                case KindNull: return JsonValueKind.Null;
                default: return JsonValueKind.None;
            }
        }

        private JsonFieldStatus Locate(string path, byte kind, out int token)
        {
            token = Find(path);
            if (!_parsed)
            {
                return JsonFieldStatus.NotParsed;
            }

            if (token < 0)
            {
                return JsonFieldStatus.Missing;
            }

            return _kind[token] == kind ? JsonFieldStatus.Ok : JsonFieldStatus.WrongType;
        }

        /// <summary>Token index of the value at a dotted path; -1 when absent or nothing is parsed.</summary>
        private int Find(string path)
        {
            if (!_parsed || path == null)
            {
                return -1;
            }

            int current = 0;
            int segmentStart = 0;
            int pathLength = path.Length;
            if (pathLength == 0)
            {
                return 0;
            }

            while (true)
            {
                int segmentEnd = segmentStart;
                while (segmentEnd < pathLength && path[segmentEnd] != '.')
                {
                    segmentEnd++;
                }

                if (_kind[current] != KindObject)
                {
                    return -1;
                }

                int found = -1;
                for (int i = current + 1; i < _count; i++)
                {
                    if (_kind[i] == KindKey && _parent[i] == current && CharsEqual(_start[i], _length[i], path, segmentStart, segmentEnd - segmentStart))
                    {
                        found = i + 1;
                        break;
                    }
                }

                if (found < 0)
                {
                    return -1;
                }

                current = found;
                if (segmentEnd >= pathLength)
                {
                    return current;
                }

                segmentStart = segmentEnd + 1;
            }
        }

        private int MemberKey(string path, int index)
        {
            int container = Find(path);
            if (container < 0 || _kind[container] != KindObject || index < 0)
            {
                return -1;
            }

            for (int i = container + 1; i < _count; i++)
            {
                if (_kind[i] == KindKey && _parent[i] == container)
                {
                    if (index == 0)
                    {
                        return i;
                    }

                    index--;
                }
            }

            return -1;
        }

        private bool CharsEqual(int poolStart, int poolLength, string text, int textStart, int textLength)
        {
            if (poolLength != textLength)
            {
                return false;
            }

            for (int i = 0; i < poolLength; i++)
            {
                if (_chars[poolStart + i] != text[textStart + i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool Fail(JsonError error)
        {
            return Fail(error, _pos);
        }

        private bool Fail(JsonError error, int offset)
        {
            if (_error == JsonError.None)
            {
                _error = error;
                _errorOffset = offset;
            }

            return false;
        }

        private void SkipWhitespace()
        {
            while (_pos < _end)
            {
                byte b = _data[_pos];
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        /// <summary>Records a token; -1 (error recorded at <paramref name="offset"/>) when the token cap is reached.</summary>
        private int AddToken(byte kind, int start, int length, int parent, int offset)
        {
            if (_count == _maxTokens)
            {
                Fail(JsonError.TooManyTokens, offset);
                return -1;
            }

            _kind[_count] = kind;
            _start[_count] = start;
            _length[_count] = length;
            _parent[_count] = parent;
            return _count++;
        }

        /// <summary>Parses one value at <see cref="_pos"/> (whitespace already skipped) as a child of <paramref name="parent"/>.</summary>
        /// <param name="parent">Token index of the enclosing container, -1 for the root.</param>
        /// <param name="depth">Containers enclosing this value.</param>
        private bool ParseValue(int parent, int depth)
        {
            if (_pos >= _end)
            {
                return Fail(JsonError.Syntax);
            }

            int valueStart = _pos;
            byte b = _data[_pos];
            switch (b)
            {
                case (byte)'{':
                    return ParseObject(parent, depth + 1);
                case (byte)'[':
                    return ParseArray(parent, depth + 1);
                case (byte)'"':
                    int stringStart;
                    int stringLength;
                    return ParseString(out stringStart, out stringLength) && AddToken(KindString, stringStart, stringLength, parent, valueStart) >= 0;
                case (byte)'t':
                    return ParseLiteral("true") && AddToken(KindTrue, 0, 0, parent, valueStart) >= 0;
                case (byte)'f':
                    return ParseLiteral("false") && AddToken(KindFalse, 0, 0, parent, valueStart) >= 0;
                case (byte)'n':
                    return ParseLiteral("null") && AddToken(KindNull, 0, 0, parent, valueStart) >= 0;
                default:
                    if (b == '-' || (b >= '0' && b <= '9'))
                    {
                        return ParseNumber() && AddToken(KindNumber, valueStart, _pos - valueStart, parent, valueStart) >= 0;
                    }

                    return Fail(JsonError.Syntax);
            }
        }

        private bool ParseObject(int parent, int depth)
        {
            if (depth > _maxDepth)
            {
                return Fail(JsonError.TooDeep);
            }

            int self = AddToken(KindObject, 0, 0, parent, _pos);
            if (self < 0)
            {
                return false;
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _end && _data[_pos] == '}')
            {
                _pos++;
                return true;
            }

            while (true)
            {
                if (_pos >= _end || _data[_pos] != '"')
                {
                    return Fail(JsonError.Syntax);
                }

                int keyOffset = _pos;
                int keyStart;
                int keyLength;
                if (!ParseString(out keyStart, out keyLength))
                {
                    return false;
                }

                if (IsDuplicateKey(self, keyStart, keyLength))
                {
                    return Fail(JsonError.DuplicateKey, keyOffset);
                }

                if (AddToken(KindKey, keyStart, keyLength, self, keyOffset) < 0)
                {
                    return false;
                }

                SkipWhitespace();
                if (_pos >= _end || _data[_pos] != ':')
                {
                    return Fail(JsonError.Syntax);
                }

                _pos++;
                SkipWhitespace();
                if (!ParseValue(self, depth))
                {
                    return false;
                }

                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(JsonError.Syntax);
                }

                if (_data[_pos] == '}')
                {
                    _pos++;
                    return true;
                }

                if (_data[_pos] != ',')
                {
                    return Fail(JsonError.Syntax);
                }

                _pos++;
                SkipWhitespace();
            }
        }

        private bool ParseArray(int parent, int depth)
        {
            if (depth > _maxDepth)
            {
                return Fail(JsonError.TooDeep);
            }

            int self = AddToken(KindArray, 0, 0, parent, _pos);
            if (self < 0)
            {
                return false;
            }

            _pos++;
            SkipWhitespace();
            if (_pos < _end && _data[_pos] == ']')
            {
                _pos++;
                return true;
            }

            while (true)
            {
                if (!ParseValue(self, depth))
                {
                    return false;
                }

                SkipWhitespace();
                if (_pos >= _end)
                {
                    return Fail(JsonError.Syntax);
                }

                if (_data[_pos] == ']')
                {
                    _pos++;
                    return true;
                }

                if (_data[_pos] != ',')
                {
                    return Fail(JsonError.Syntax);
                }

                _pos++;
                SkipWhitespace();
            }
        }

        private bool IsDuplicateKey(int container, int keyStart, int keyLength)
        {
            for (int i = container + 1; i < _count; i++)
            {
                if (_kind[i] != KindKey || _parent[i] != container || _length[i] != keyLength)
                {
                    continue;
                }

                int other = _start[i];
                bool same = true;
                for (int c = 0; c < keyLength; c++)
                {
                    if (_chars[other + c] != _chars[keyStart + c])
                    {
                        same = false;
                        break;
                    }
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ParseLiteral(string literal)
        {
            for (int i = 0; i < literal.Length; i++)
            {
                if (_pos >= _end || _data[_pos] != literal[i])
                {
                    return Fail(JsonError.Syntax);
                }

                _pos++;
            }

            return true;
        }

        /// <summary>Parses the string at <see cref="_pos"/> (its opening quote) into the char pool.</summary>
        private bool ParseString(out int poolStart, out int poolLength)
        {
            int openQuote = _pos;
            poolStart = _charCount;
            poolLength = 0;
            _pos++;
            while (true)
            {
                if (_pos >= _end)
                {
                    return Fail(JsonError.UnterminatedString, openQuote);
                }

                int b = _data[_pos];
                if (b == '"')
                {
                    _pos++;
                    poolLength = _charCount - poolStart;
                    return true;
                }

                if (b == '\\')
                {
                    if (!ParseEscape(openQuote))
                    {
                        return false;
                    }
                }
                else if (b < 0x20)
                {
                    return Fail(JsonError.ControlCharacter);
                }
                else if (b < 0x80)
                {
                    PutChar(b);
                    _pos++;
                }
                else if (!ParseUtf8Sequence())
                {
                    return false;
                }
            }
        }

        private void PutChar(int c)
        {
            // Cannot overflow: every char put consumed at least one input byte, and the pool holds maxBytes chars.
            _chars[_charCount++] = (char)c;
        }

        private bool ParseEscape(int openQuote)
        {
            int escapeStart = _pos;
            if (_pos + 1 >= _end)
            {
                return Fail(JsonError.UnterminatedString, openQuote);
            }

            int e = _data[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case '"': PutChar('"'); return true;
                case '\\': PutChar('\\'); return true;
                case '/': PutChar('/'); return true;
                case 'b': PutChar('\b'); return true;
                case 'f': PutChar('\f'); return true;
                case 'n': PutChar('\n'); return true;
                case 'r': PutChar('\r'); return true;
                case 't': PutChar('\t'); return true;
                case 'u': break;
                default: return Fail(JsonError.InvalidEscape, escapeStart);
            }

            int unit = ReadHex4(openQuote, escapeStart);
            if (unit < 0)
            {
                return false;
            }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                return Fail(JsonError.InvalidEscape, escapeStart);
            }

            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                // A high surrogate must be followed at once by an escaped low surrogate.
                if (_pos + 1 >= _end || _data[_pos] != '\\' || _data[_pos + 1] != 'u')
                {
                    return Fail(JsonError.InvalidEscape, escapeStart);
                }

                _pos += 2;
                int low = ReadHex4(openQuote, escapeStart);
                if (low < 0)
                {
                    return false;
                }

                if (low < 0xDC00 || low > 0xDFFF)
                {
                    return Fail(JsonError.InvalidEscape, escapeStart);
                }

                // A well-formed pair names a code point beyond U+FFFF, which the firmware does not carry (JsonError.UnsupportedCharacter).
                return Fail(JsonError.UnsupportedCharacter, escapeStart);
            }

            if (unit == 0)
            {
                // A nanoFramework string ends at U+0000: the text after it would vanish on the board only.
                return Fail(JsonError.UnsupportedCharacter, escapeStart);
            }

            PutChar(unit);
            return true;
        }

        /// <summary>Reads four hex digits at <see cref="_pos"/>; -1 (error recorded) when they are missing or not hex.</summary>
        private int ReadHex4(int openQuote, int escapeStart)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                if (_pos >= _end)
                {
                    Fail(JsonError.UnterminatedString, openQuote);
                    return -1;
                }

                int h = _data[_pos];
                int digit;
                if (h >= '0' && h <= '9')
                {
                    digit = h - '0';
                }
                else if (h >= 'a' && h <= 'f')
                {
                    digit = h - 'a' + 10;
                }
                else if (h >= 'A' && h <= 'F')
                {
                    digit = h - 'A' + 10;
                }
                else
                {
                    Fail(JsonError.InvalidEscape, escapeStart);
                    return -1;
                }

                value = (value << 4) | digit;
                _pos++;
            }

            return value;
        }

        /// <summary>Decodes one multi-byte UTF-8 sequence at <see cref="_pos"/> (well-formed per RFC 3629 / Unicode table 3-7 only) into the pool.</summary>
        private bool ParseUtf8Sequence()
        {
            int start = _pos;
            int lead = _data[_pos];
            int continuation;
            int codePoint;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                continuation = 1;
                codePoint = lead & 0x1F;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                continuation = 2;
                codePoint = lead & 0x0F;

                // E0 would allow overlong forms below U+0800; ED would encode surrogates.
                if (lead == 0xE0)
                {
                    low = 0xA0;
                }
                else if (lead == 0xED)
                {
                    high = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                continuation = 3;
                codePoint = lead & 0x07;

                // F0 would allow overlong forms below U+10000; F4 above 8F goes past U+10FFFF.
                if (lead == 0xF0)
                {
                    low = 0x90;
                }
                else if (lead == 0xF4)
                {
                    high = 0x8F;
                }
            }
            else
            {
                return Fail(JsonError.InvalidUtf8);
            }

            _pos++;
            for (int i = 0; i < continuation; i++)
            {
                if (_pos >= _end)
                {
                    return Fail(JsonError.InvalidUtf8, start);
                }

                int b = _data[_pos];
                if (b < low || b > high)
                {
                    return Fail(JsonError.InvalidUtf8, start);
                }

                codePoint = (codePoint << 6) | (b & 0x3F);
                low = 0x80;
                high = 0xBF;
                _pos++;
            }

            if (codePoint >= 0x10000)
            {
                // Well-formed, but beyond the BMP: the board's string indexer would return its high surrogate twice.
                return Fail(JsonError.UnsupportedCharacter, start);
            }

            PutChar(codePoint);
            return true;
        }

        /// <summary>
        /// Parses the number at <see cref="_pos"/> per RFC 8259 and leaves its value in
        /// <see cref="_numberNegative"/>, <see cref="_numberDigits"/> (no trailing zeros) and <see cref="_numberExponent"/>.
        /// </summary>
        private bool ParseNumber()
        {
            int start = _pos;
            _numberNegative = false;
            _numberDigits = 0;
            _numberExponent = 0;
            int significant = 0;
            int pendingZeros = 0;
            int fractionDigits = 0;
            bool tooManyDigits = false;

            if (_data[_pos] == '-')
            {
                _numberNegative = true;
                _pos++;
            }

            if (_pos >= _end || !IsDigit(_data[_pos]))
            {
                return Fail(JsonError.InvalidNumber, start);
            }

            if (_data[_pos] == '0' && _pos + 1 < _end && IsDigit(_data[_pos + 1]))
            {
                return Fail(JsonError.InvalidNumber, start);
            }

            bool inFraction = false;
            while (_pos < _end)
            {
                int b = _data[_pos];
                if (b == '.' && !inFraction)
                {
                    inFraction = true;
                    _pos++;
                    if (_pos >= _end || !IsDigit(_data[_pos]))
                    {
                        return Fail(JsonError.InvalidNumber, start);
                    }

                    continue;
                }

                if (!IsDigit(b))
                {
                    break;
                }

                if (inFraction)
                {
                    fractionDigits++;
                }

                int digit = b - '0';
                if (digit == 0)
                {
                    // Leading zeros carry no value; trailing ones wait until a non-zero digit shows they are inside the digits.
                    if (significant > 0)
                    {
                        pendingZeros++;
                    }
                }
                else
                {
                    if (significant + pendingZeros + 1 > 19)
                    {
                        tooManyDigits = true;
                    }
                    else
                    {
                        for (; pendingZeros > 0; pendingZeros--)
                        {
                            _numberDigits *= 10;
                            significant++;
                        }

                        _numberDigits = _numberDigits * 10 + (ulong)digit;
                        significant++;
                    }
                }

                _pos++;
            }

            int exponent = 0;
            if (_pos < _end && (_data[_pos] == 'e' || _data[_pos] == 'E'))
            {
                _pos++;
                bool exponentNegative = false;
                if (_pos < _end && (_data[_pos] == '+' || _data[_pos] == '-'))
                {
                    exponentNegative = _data[_pos] == '-';
                    _pos++;
                }

                if (_pos >= _end || !IsDigit(_data[_pos]))
                {
                    return Fail(JsonError.InvalidNumber, start);
                }

                while (_pos < _end && IsDigit(_data[_pos]))
                {
                    // Saturates: anything this large is out of range anyway, unless the digits are all zero.
                    if (exponent < 100000)
                    {
                        exponent = exponent * 10 + (_data[_pos] - '0');
                    }

                    _pos++;
                }

                if (exponentNegative)
                {
                    exponent = -exponent;
                }
            }

            if (tooManyDigits)
            {
                return Fail(JsonError.NumberOutOfRange, start);
            }

            if (_numberDigits == 0)
            {
                _numberNegative = false;
                return true;
            }

            _numberExponent = pendingZeros - fractionDigits + exponent;
            ulong unused;
            if (_numberExponent < -MaxDecimals || (_numberExponent >= 0 && !Scale(_numberDigits, _numberExponent, _numberNegative, out unused)))
            {
                return Fail(JsonError.NumberOutOfRange, start);
            }

            return true;
        }

        private static bool IsDigit(int b)
        {
            return b >= '0' && b <= '9';
        }

        /// <summary>digits × 10^exponent as a long magnitude; <c>false</c> when it does not fit a long of that sign.</summary>
        private static bool Scale(ulong digits, int exponent, bool negative, out ulong magnitude)
        {
            magnitude = digits;
            for (int i = 0; i < exponent; i++)
            {
                if (magnitude > 1844674407370955161UL)
                {
                    return false;
                }

                magnitude *= 10;
            }

            return magnitude <= (negative ? MaxNegative : MaxPositive);
        }
    }
}
