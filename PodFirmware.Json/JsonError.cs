namespace PodFirmware.Json
{
    /// <summary>Why <see cref="JsonReader.TryParse"/> rejected its input; <see cref="JsonReader.Describe(JsonError)"/> turns it into text.</summary>
    public enum JsonError
    {
        /// <summary>The input was accepted.</summary>
        None = 0,

        /// <summary>No value: zero bytes, or whitespace only.</summary>
        Empty = 1,

        /// <summary>More bytes than the reader's size cap.</summary>
        TooLarge = 2,

        /// <summary>Objects and arrays nested deeper than the reader's depth cap.</summary>
        TooDeep = 3,

        /// <summary>More values and member names than the reader's token cap.</summary>
        TooManyTokens = 4,

        /// <summary>A character that cannot start or continue the JSON at that point (including truncated input and NaN or Infinity).</summary>
        Syntax = 5,

        /// <summary>A string with no closing quote.</summary>
        UnterminatedString = 6,

        /// <summary>A backslash escape JSON does not define, bad hex digits, or an unpaired surrogate escape.</summary>
        InvalidEscape = 7,

        /// <summary>Bytes inside a string that are not well-formed UTF-8 (overlong forms, surrogates, beyond U+10FFFF, truncated sequences).</summary>
        InvalidUtf8 = 8,

        /// <summary>A raw control character (below U+0020) inside a string; JSON requires it escaped.</summary>
        ControlCharacter = 9,

        /// <summary>A number not in JSON's grammar: leading zeros, a bare sign or point, a missing exponent.</summary>
        InvalidNumber = 10,

        /// <summary>A number the firmware cannot hold exactly: beyond the long range, more than 19 significant digits, or finer than 10^-18.</summary>
        NumberOutOfRange = 11,

        /// <summary>The same member name twice in one object (compared after unescaping).</summary>
        DuplicateKey = 12,

        /// <summary>Anything but whitespace after the root value.</summary>
        TrailingData = 13,

        /// <summary>
        /// A well-formed character the firmware does not carry: U+0000 (the <c>\u0000</c> escape) or a code point
        /// outside the Basic Multilingual Plane (a 4-byte UTF-8 sequence or a <c>\uD8xx\uDCxx</c> escape pair).
        /// nanoFramework strings end at U+0000 and its string indexer mangles surrogate pairs, so such text would
        /// read differently on the board and on the host; it is refused before any string exists.
        /// </summary>
        UnsupportedCharacter = 14,
    }
}
