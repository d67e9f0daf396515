using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Card
{
    /// <summary>
    /// What the pod makes of the card reader's raw reads: it polls every <c>card.pollMs</c>, turns a card held in the field
    /// (or taken away and brought back within <c>card.repeatMs</c>) into one presentation, hashes the UID with SipHash-2-4
    /// under <c>card.hashKeyHex</c>, limits how many presentations are acted on (<c>card.rateMaxReads</c> per
    /// <c>card.rateWindowMs</c>, sliding) and looks a hash up in the offline allow-list.
    /// </summary>
    /// <remarks>Owned by the messaging thread; not thread-safe. Allocation-free except <see cref="ToHex"/>.</remarks>
    public sealed class CardGate
    {
        /// <summary>Longest UID of an ISO/IEC 14443 A card (triple size), bytes.</summary>
        public const int MaxUidBytes = 10;

        private readonly CardConfig _config;
        private readonly ulong _k0;
        private readonly ulong _k1;
        private readonly ulong[] _allowed;
        private readonly byte[] _read = new byte[MaxUidBytes];
        private readonly byte[] _last = new byte[MaxUidBytes];
        private readonly long[] _admittedMs;
        private int _lastLength;
        private long _lastSeenMs;
        private long _lastPollMs = long.MinValue / 2;
        private int _admitted;
        private int _oldest;

        /// <summary>Builds the gate over a validated <paramref name="config"/>. Boot only: allocates.</summary>
        public CardGate(CardConfig config)
        {
            _config = config;
            byte[] key = new byte[16];
            for (int i = 0; i < 16 && IsLowerHex(config.HashKeyHex, 32); i++)
            {
                key[i] = (byte)((Nibble(config.HashKeyHex[2 * i]) << 4) | Nibble(config.HashKeyHex[(2 * i) + 1]));
            }

            _k0 = SipHash.KeyHalf(key, 0);
            _k1 = SipHash.KeyHalf(key, 8);
            _allowed = new ulong[config.AllowList.Length];
            for (int i = 0; i < _allowed.Length; i++)
            {
                TryParseHex(config.AllowList[i], out _allowed[i]);
            }

            _admittedMs = new long[config.RateMaxReads];
        }

        /// <summary>The hash of the latest presentation (valid after <see cref="Poll"/> returned true).</summary>
        public ulong Hash { get; private set; }

        /// <summary>Presentations refused by the rate limit since boot.</summary>
        public int RateLimitedCount { get; private set; }

        /// <summary>
        /// Asks <paramref name="reader"/> for a card when <c>card.pollMs</c> has passed since the last poll. True when the
        /// read is a new presentation: another UID than the last one, or the same UID unseen for more than <c>card.repeatMs</c>;
        /// <see cref="Hash"/> then holds its hash.
        /// </summary>
        public bool Poll(ICardReader reader, long nowMs)
        {
            if (nowMs - _lastPollMs < _config.PollMs)
            {
                return false;
            }

            _lastPollMs = nowMs;
            int length = reader.ReadUid(_read);
            if (length <= 0 || length > MaxUidBytes)
            {
                return false;
            }

            bool same = length == _lastLength && nowMs - _lastSeenMs <= _config.RepeatMs;
            for (int i = 0; i < length && same; i++)
            {
                same = _read[i] == _last[i];
            }

            _lastSeenMs = nowMs;
            if (same)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _last[i] = _read[i];
            }

            _lastLength = length;
            Hash = SipHash.Compute(_k0, _k1, _read, length);
            return true;
        }

        /// <summary>Counts a presentation against the rate limit: false (and nothing counted) when <c>card.rateMaxReads</c> were admitted within the last <c>card.rateWindowMs</c>.</summary>
        public bool TryAdmit(long nowMs)
        {
            if (_admitted == _admittedMs.Length && nowMs - _admittedMs[_oldest] < _config.RateWindowMs)
            {
                RateLimitedCount++;
                return false;
            }

            if (_admitted == _admittedMs.Length)
            {
                _admittedMs[_oldest] = nowMs;
                _oldest = (_oldest + 1) % _admittedMs.Length;
            }
            else
            {
                _admittedMs[_admitted++] = nowMs;
            }

            return true;
        }

        /// <summary>Whether <paramref name="hash"/> may start a session while the controller is lost: <c>card.allowListEnabled</c> and on <c>card.allowList</c>.</summary>
        public bool IsAllowed(ulong hash)
        {
            for (int i = 0; i < _allowed.Length && _config.AllowListEnabled; i++)
            {
                if (_allowed[i] == hash)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The hash as 16 lowercase hex digits, most significant first (how it is published). Allocates.</summary>
        public static string ToHex(ulong hash)
        {
            char[] text = new char[16];
            for (int i = 15; i >= 0; i--)
            {
                int n = (int)(hash & 0xF);
                text[i] = (char)(n < 10 ? '0' + n : 'a' + n - 10);
                hash >>= 4;
            }

            return new string(text);
        }

        /// <summary>Reads 16 lowercase hex digits as a hash; false for anything else.</summary>
        public static bool TryParseHex(string text, out ulong hash)
        {
            hash = 0;
            if (!IsLowerHex(text, 16))
            {
                return false;
            }

            for (int i = 0; i < 16; i++)
            {
                hash = (hash << 4) | (uint)Nibble(text[i]);
            }

            return true;
        }

        /// <summary>Whether <paramref name="text"/> is exactly <paramref name="digits"/> lowercase hex digits.</summary>
        public static bool IsLowerHex(string text, int digits)
        {
            if (text == null || text.Length != digits)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (Nibble(text[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static int Nibble(char c)
        {
            return c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
        }
    }
}
