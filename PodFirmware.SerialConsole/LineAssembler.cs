namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// Cuts received bytes into lines for the console: a line ends at LF or CR (CR LF counts once), backspace and
    /// DEL remove the last character, other control bytes are dropped, bytes from 0x80 become '?' (commands are
    /// ASCII). A line longer than <see cref="MaxChars"/> is discarded up to its end and reported as too long, so no
    /// input can grow memory or run a truncated command.
    /// </summary>
    /// <remarks>One owner (the console thread). The buffer is allocated once; feeding allocates nothing.</remarks>
    public sealed class LineAssembler
    {
        /// <summary>Longest command line accepted, in characters.</summary>
        public const int DefaultMaxChars = 120;

        private readonly char[] _chars;
        private int _length;
        private bool _overflow;
        private bool _lastWasCr;

        /// <summary>Creates an assembler for lines of up to <paramref name="maxChars"/> characters (1 or more).</summary>
        public LineAssembler(int maxChars)
        {
            _chars = new char[maxChars < 1 ? 1 : maxChars];
        }

        /// <summary>Longest line accepted, in characters.</summary>
        public int MaxChars
        {
            get { return _chars.Length; }
        }

        /// <summary>
        /// Feeds one byte. Returns <see cref="LineResult.None"/> until a line ends, then <see cref="LineResult.Line"/>
        /// (read it with <see cref="TakeLine"/>) or <see cref="LineResult.TooLong"/>.
        /// </summary>
        public LineResult Feed(byte b)
        {
            if (b == 10 || b == 13)
            {
                bool crLf = b == 10 && _lastWasCr;
                _lastWasCr = b == 13;
                if (crLf)
                {
                    return LineResult.None;
                }

                if (_overflow)
                {
                    _overflow = false;
                    _length = 0;
                    return LineResult.TooLong;
                }

                return LineResult.Line;
            }

            _lastWasCr = false;
            if (b == 8 || b == 127)
            {
                if (_length > 0 && !_overflow)
                {
                    _length--;
                }

                return LineResult.None;
            }

            if (b < 32 || _overflow)
            {
                return LineResult.None;
            }

            if (_length == _chars.Length)
            {
                _overflow = true;
                return LineResult.None;
            }

            _chars[_length++] = b < 128 ? (char)b : '?';
            return LineResult.None;
        }

        /// <summary>The line just ended, trimmed of spaces at both ends; the assembler starts a new line.</summary>
        public string TakeLine()
        {
            int start = 0;
            int end = _length;
            while (start < end && _chars[start] == ' ')
            {
                start++;
            }

            while (end > start && _chars[end - 1] == ' ')
            {
                end--;
            }

            _length = 0;
            return new string(_chars, start, end - start);
        }
    }

    /// <summary>What a byte fed to <see cref="LineAssembler"/> completed.</summary>
    public enum LineResult
    {
        /// <summary>Nothing yet.</summary>
        None = 0,

        /// <summary>A line ended; take it.</summary>
        Line = 1,

        /// <summary>A line longer than the buffer ended; it was discarded.</summary>
        TooLong = 2,
    }
}
