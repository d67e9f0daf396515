using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Gnss
{
    /// <summary>
    /// Byte-at-a-time NMEA 0183 parser for the two sentences a position needs: GGA (fix quality,
    /// satellites, HDOP) and RMC (status), from GPS (<c>$GP</c>), multi-constellation (<c>$GN</c>) and
    /// GLONASS (<c>$GL</c>) talkers. Every other sentence with a correct checksum is counted as
    /// ignored; anything garbled is counted as rejected. The latest position is kept in place and
    /// read with <see cref="TryGetFix"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Why not the nanoFramework binding <c>Iot.Device.Common.GnssDevice</c> (NuGet
    /// <c>nanoFramework.Iot.Device.Common.GnssDevice</c>, <c>Nmea0183Parser</c>): it is a device-only
    /// package, so the host build and its tests could not use it, and it parses each sentence from a
    /// <c>string</c> with splits and <c>double.Parse</c>, allocating on every sentence. This parser is
    /// portable and allocates nothing after construction: sentences are assembled in a fixed 79-byte
    /// buffer, fields are located by index and numbers are parsed as integers.
    /// </para>
    /// <para>
    /// Rules: a sentence starts at <c>$</c> and ends at CR or LF; at most 79 characters between them
    /// (82 with <c>$</c> and CR LF, the NMEA 0183 limit); only printable ASCII; a trailing <c>*hh</c>
    /// checksum is required and must match. A fix needs RMC status <c>A</c> (and, when present, mode
    /// A, D, P, R or F) or GGA quality 1 to 5; RMC status <c>V</c>, mode N/E/M/S, or GGA quality 0
    /// (none) or 6 to 8 (dead reckoning, manual, simulation) clear it. Coordinates are
    /// <c>ddmm.mmmm</c> / <c>dddmm.mmmm</c> with N/S and E/W; south and west become negative.
    /// </para>
    /// <para>Not thread-safe: feed it and read it from one thread (the control tick).</para>
    /// </remarks>
    public sealed class NmeaParser
    {
        /// <summary>Longest sentence NMEA 0183 allows, in characters, <c>$</c> and CR LF included.</summary>
        public const int MaxSentenceChars = 82;

        /// <summary>Longest body kept: everything between <c>$</c> and CR LF, checksum included.</summary>
        private const int MaxBodyChars = MaxSentenceChars - 3;

        // RMC has 13 fields with the NMEA 2.3 mode indicator, GGA 15; later fields are not needed.
        private const int MaxFields = 16;

        private readonly byte[] _body = new byte[MaxBodyChars];
        private readonly int[] _fieldStart = new int[MaxFields];
        private readonly int[] _fieldEnd = new int[MaxFields];
        private readonly PositionFix _fix = new PositionFix();
        private int _length;
        private int _fieldCount;
        private bool _inSentence;
        private double _parsedDeg;

        /// <summary>GGA and RMC sentences from a known talker that passed every check (with or without a fix).</summary>
        public int SentencesAccepted { get; private set; }

        /// <summary>Sentences dropped as garbled: truncated, too long, bad characters, checksum missing or wrong, or malformed fields.</summary>
        public int SentencesRejected { get; private set; }

        /// <summary>Well-formed sentences with a correct checksum that are not GGA/RMC from GP/GN/GL (GSV, GSA, VTG, proprietary...).</summary>
        public int SentencesIgnored { get; private set; }

        /// <summary>Why the most recent rejected sentence was dropped; <see cref="NmeaReject.None"/> before the first.</summary>
        public NmeaReject LastReject { get; private set; }

        /// <summary>
        /// Feeds one received byte. Returns <c>true</c> when it completed an accepted GGA or RMC
        /// sentence, which then updated the fix (set it, or cleared it when the receiver reports
        /// none), stamped with <paramref name="nowMs"/>. Allocates nothing.
        /// </summary>
        /// <param name="b">The byte as received from the UART.</param>
        /// <param name="nowMs">Monotonic time in milliseconds, stamped on a fix this byte completes.</param>
        /// <returns><c>true</c> when a GGA/RMC sentence was accepted.</returns>
        public bool Feed(byte b, long nowMs)
        {
            if (b == (byte)'$')
            {
                if (_inSentence)
                {
                    Reject(NmeaReject.Truncated);
                }

                _inSentence = true;
                _length = 0;
                return false;
            }

            if (!_inSentence)
            {
                // Between sentences: noise or the LF after a CR.
                return false;
            }

            if (b == (byte)'\r' || b == (byte)'\n')
            {
                _inSentence = false;
                return Process(nowMs);
            }

            if (b < 0x20 || b > 0x7E)
            {
                _inSentence = false;
                Reject(NmeaReject.BadCharacter);
                return false;
            }

            if (_length >= MaxBodyChars)
            {
                _inSentence = false;
                Reject(NmeaReject.TooLong);
                return false;
            }

            _body[_length] = b;
            _length++;
            return false;
        }

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>; see <see cref="Feed(byte, long)"/>. Allocates nothing.</summary>
        /// <param name="buffer">Received bytes.</param>
        /// <param name="offset">Index of the first byte to feed.</param>
        /// <param name="count">Number of bytes to feed.</param>
        /// <param name="nowMs">Monotonic time in milliseconds, stamped on every fix these bytes complete.</param>
        /// <returns>Number of GGA/RMC sentences accepted.</returns>
        public int Feed(byte[] buffer, int offset, int count, long nowMs)
        {
            int accepted = 0;
            for (int i = offset; i < offset + count; i++)
            {
                if (Feed(buffer[i], nowMs))
                {
                    accepted++;
                }
            }

            return accepted;
        }

        /// <summary>
        /// Copies the latest position state into <paramref name="into"/>. Returns <c>true</c> when it
        /// is a valid fix stamped no more than <paramref name="maxAgeMs"/> before <paramref name="nowMs"/>;
        /// otherwise sets <c>into.Valid</c> to <c>false</c> and returns <c>false</c>. Allocates nothing.
        /// </summary>
        /// <param name="nowMs">Current monotonic time in milliseconds.</param>
        /// <param name="maxAgeMs">Oldest fix still usable, in milliseconds.</param>
        /// <param name="into">Caller-owned fix to fill.</param>
        /// <returns><c>true</c> for a valid, fresh fix.</returns>
        public bool TryGetFix(long nowMs, long maxAgeMs, PositionFix into)
        {
            into.CopyFrom(_fix);
            if (_fix.Valid && nowMs - _fix.FixTimeMs <= maxAgeMs)
            {
                return true;
            }

            into.Valid = false;
            return false;
        }

        /// <summary>Forgets the partial sentence, the fix and the counters.</summary>
        public void Reset()
        {
            _inSentence = false;
            _length = 0;
            _fix.Clear();
            SentencesAccepted = 0;
            SentencesRejected = 0;
            SentencesIgnored = 0;
            LastReject = NmeaReject.None;
        }

        private void Reject(NmeaReject reason)
        {
            SentencesRejected++;
            LastReject = reason;
        }

        private bool Process(long nowMs)
        {
            int star = _length - 3;
            if (star < 0 || _body[star] != (byte)'*')
            {
                Reject(NmeaReject.MissingChecksum);
                return false;
            }

            int high = HexValue(_body[star + 1]);
            int low = HexValue(_body[star + 2]);
            if (high < 0 || low < 0)
            {
                Reject(NmeaReject.MissingChecksum);
                return false;
            }

            int sum = 0;
            for (int i = 0; i < star; i++)
            {
                sum ^= _body[i];
            }

            if (sum != (high << 4) + low)
            {
                Reject(NmeaReject.BadChecksum);
                return false;
            }

            SplitFields(star);

            // Address: two-letter talker + three-letter sentence type.
            if (_fieldEnd[0] - _fieldStart[0] != 5 || !KnownTalker())
            {
                SentencesIgnored++;
                return false;
            }

            bool ok;
            if (TypeIs((byte)'G', (byte)'G', (byte)'A'))
            {
                ok = ParseGga(nowMs);
            }
            else if (TypeIs((byte)'R', (byte)'M', (byte)'C'))
            {
                ok = ParseRmc(nowMs);
            }
            else
            {
                SentencesIgnored++;
                return false;
            }

            if (!ok)
            {
                Reject(NmeaReject.Malformed);
                return false;
            }

            SentencesAccepted++;
            return true;
        }

        private void SplitFields(int end)
        {
            _fieldCount = 0;
            int start = 0;
            for (int i = 0; i <= end && _fieldCount < MaxFields; i++)
            {
                if (i == end || _body[i] == (byte)',')
                {
                    _fieldStart[_fieldCount] = start;
                    _fieldEnd[_fieldCount] = i;
                    _fieldCount++;
                    start = i + 1;
                }
            }
        }

        private bool KnownTalker()
        {
            byte t0 = _body[_fieldStart[0]];
            byte t1 = _body[_fieldStart[0] + 1];
            return t0 == (byte)'G' && (t1 == (byte)'P' || t1 == (byte)'N' || t1 == (byte)'L');
        }

        private bool TypeIs(byte a, byte b, byte c)
        {
            int s = _fieldStart[0] + 2;
            return _body[s] == a && _body[s + 1] == b && _body[s + 2] == c;
        }

        // $--GGA,hhmmss.ss,llll.ll,a,yyyyy.yy,a,q,nn,h.h,alt,M,geoid,M,age,station
        private bool ParseGga(long nowMs)
        {
            if (_fieldCount < 9)
            {
                return false;
            }

            int quality = ParseInt(6);
            if (quality < 0 || quality > 8)
            {
                return false;
            }

            int satellites = FieldLength(7) == 0 ? -1 : ParseInt(7);
            int hdopTenths = FieldLength(8) == 0 ? -1 : ParseTenths(8);
            if ((FieldLength(7) != 0 && satellites < 0) || (FieldLength(8) != 0 && hdopTenths < 0))
            {
                return false;
            }

            if (quality >= 1 && quality <= 5)
            {
                if (!SetPosition(2, 4, nowMs))
                {
                    return false;
                }
            }
            else
            {
                _fix.Valid = false;
                _fix.FixTimeMs = nowMs;
            }

            _fix.Satellites = satellites;
            _fix.HdopTenths = hdopTenths;
            return true;
        }

        // $--RMC,hhmmss.ss,A,llll.ll,a,yyyyy.yy,a,speed,course,ddmmyy,magvar,E/W[,mode]
        private bool ParseRmc(long nowMs)
        {
            if (_fieldCount < 7 || FieldLength(2) != 1)
            {
                return false;
            }

            byte status = _body[_fieldStart[2]];
            if (status != (byte)'A' && status != (byte)'V')
            {
                return false;
            }

            bool usable = status == (byte)'A';
            if (_fieldCount > 12 && FieldLength(12) > 0)
            {
                byte mode = _body[_fieldStart[12]];
                usable = usable && (mode == (byte)'A' || mode == (byte)'D' || mode == (byte)'P' || mode == (byte)'R' || mode == (byte)'F');
            }

            if (usable)
            {
                return SetPosition(3, 5, nowMs);
            }

            _fix.Valid = false;
            _fix.FixTimeMs = nowMs;
            return true;
        }

        private bool SetPosition(int latField, int lonField, long nowMs)
        {
            if (!ParseCoordinate(latField, 2, 90))
            {
                return false;
            }

            double latDeg = _parsedDeg;
            if (!ParseCoordinate(lonField, 3, 180))
            {
                return false;
            }

            double lonDeg = _parsedDeg;
            int latSign = Hemisphere(latField + 1, (byte)'N', (byte)'S');
            int lonSign = Hemisphere(lonField + 1, (byte)'E', (byte)'W');
            if (latSign == 0 || lonSign == 0)
            {
                return false;
            }

            _fix.LatitudeDeg = latSign * latDeg;
            _fix.LongitudeDeg = lonSign * lonDeg;
            _fix.FixTimeMs = nowMs;
            _fix.Valid = true;
            return true;
        }

        private int FieldLength(int field)
        {
            return field < _fieldCount ? _fieldEnd[field] - _fieldStart[field] : 0;
        }

        private int Hemisphere(int field, byte positive, byte negative)
        {
            if (FieldLength(field) != 1)
            {
                return 0;
            }

            byte c = _body[_fieldStart[field]];
            return c == positive ? 1 : (c == negative ? -1 : 0);
        }

        /// <summary>Parses (d)ddmm[.m...] into <see cref="_parsedDeg"/>; false unless exactly <paramref name="degreeDigits"/> + 2 integer digits, minutes below 60 and degrees within <paramref name="maxDeg"/>.</summary>
        private bool ParseCoordinate(int field, int degreeDigits, int maxDeg)
        {
            int i = _fieldStart[field];
            int end = _fieldEnd[field];
            int whole = 0;
            int wholeDigits = 0;
            while (i < end && _body[i] != (byte)'.')
            {
                int d = _body[i] - '0';
                if (d < 0 || d > 9)
                {
                    return false;
                }

                whole = (whole * 10) + d;
                wholeDigits++;
                i++;
            }

            if (wholeDigits != degreeDigits + 2)
            {
                return false;
            }

            // Fraction of a minute; digits past the ninth (below 0.1 mm) are ignored.
            long fraction = 0;
            long scale = 1;
            if (i < end)
            {
                i++;
                if (i == end)
                {
                    return false;
                }

                for (; i < end; i++)
                {
                    int d = _body[i] - '0';
                    if (d < 0 || d > 9)
                    {
                        return false;
                    }

                    if (scale < 1000000000L)
                    {
                        fraction = (fraction * 10) + d;
                        scale *= 10;
                    }
                }
            }

            int degrees = whole / 100;
            int minutes = whole % 100;
            if (minutes > 59)
            {
                return false;
            }

            // Finite by construction: whole numbers of degrees and minutes plus a fraction below one.
            double value = degrees + ((minutes + ((double)fraction / scale)) / 60.0);
            if (Finite.Above(value, maxDeg))
            {
                return false;
            }

            _parsedDeg = value;
            return true;
        }

        /// <summary>Non-negative integer field (at most 6 digits); -1 when empty or not all digits.</summary>
        private int ParseInt(int field)
        {
            int length = FieldLength(field);
            if (length == 0 || length > 6)
            {
                return -1;
            }

            int value = 0;
            for (int i = _fieldStart[field]; i < _fieldEnd[field]; i++)
            {
                int d = _body[i] - '0';
                if (d < 0 || d > 9)
                {
                    return -1;
                }

                value = (value * 10) + d;
            }

            return value;
        }

        /// <summary>Non-negative decimal field in tenths, rounded half up ("0.9" is 9, "1.25" is 13, "12" is 120); -1 when invalid or above 9999.9.</summary>
        private int ParseTenths(int field)
        {
            int i = _fieldStart[field];
            int end = _fieldEnd[field];
            int whole = 0;
            int digits = 0;
            while (i < end && _body[i] != (byte)'.')
            {
                int d = _body[i] - '0';
                if (d < 0 || d > 9 || digits == 4)
                {
                    return -1;
                }

                whole = (whole * 10) + d;
                digits++;
                i++;
            }

            int tenths = whole * 10;
            if (i < end)
            {
                i++;
                for (int place = 0; i < end; place++, i++)
                {
                    int d = _body[i] - '0';
                    if (d < 0 || d > 9)
                    {
                        return -1;
                    }

                    digits++;
                    if (place == 0)
                    {
                        tenths += d;
                    }
                    else if (place == 1 && d >= 5)
                    {
                        tenths++;
                    }
                }
            }

            return digits == 0 ? -1 : tenths;
        }

        private static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - '0';
            }

            if (c >= (byte)'A' && c <= (byte)'F')
            {
                return c - 'A' + 10;
            }

            if (c >= (byte)'a' && c <= (byte)'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }
    }
}
