using PodFirmware.Drivers.Config;

namespace PodFirmware.Drivers.Card
{
    /// <summary>Config section <c>card</c>: local authorisation with an RFID card at the pod (docs/config.md).</summary>
    /// <remarks>Read at boot; not thread-safe.</remarks>
    public sealed class CardConfig : IConfigSection
    {
        /// <summary>Most entries of <see cref="AllowList"/>.</summary>
        public const int MaxAllowList = 64;

        /// <summary><c>card.enabled</c>: poll the card reader (the board needs a <c>card</c> pin section). Default false.</summary>
        public bool Enabled;

        /// <summary><c>card.hashKeyHex</c>: the site's 16-byte SipHash key, 32 lowercase hex digits; a UID leaves the pod only hashed with it. Required when enabled.</summary>
        public string HashKeyHex = "";

        /// <summary><c>card.pollMs</c>: how often the reader is asked for a card, ms, 50..5000. Default 200.</summary>
        public int PollMs = 200;

        /// <summary><c>card.repeatMs</c>: a card read again within this time of its last sighting is the same presentation, ms, 0..60000. Default 2000.</summary>
        public int RepeatMs = 2000;

        /// <summary><c>card.rateMaxReads</c>: at most this many reads are acted on per <see cref="RateWindowMs"/>, 1..100. Default 5.</summary>
        public int RateMaxReads = 5;

        /// <summary><c>card.rateWindowMs</c>: the rate limit's sliding window, ms, 1000..3600000. Default 60000.</summary>
        public int RateWindowMs = 60000;

        /// <summary><c>card.allowListEnabled</c>: while the controller is lost, a card on <see cref="AllowList"/> starts a session without the back end. Default false.</summary>
        public bool AllowListEnabled;

        /// <summary><c>card.allowList</c>: hashed UIDs (16 lowercase hex digits each, as the pod publishes them), at most 64. Default empty.</summary>
        public string[] AllowList = new string[0];

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Enabled && !CardGate.IsLowerHex(HashKeyHex, 32))
            {
                errors.Fail(keyPrefix + ".hashKeyHex", "must be 32 lowercase hex digits when card.enabled");
            }

            errors.Range(keyPrefix + ".pollMs", PollMs, 50, 5000, "ms");
            errors.Range(keyPrefix + ".repeatMs", RepeatMs, 0, 60000, "ms");
            errors.Range(keyPrefix + ".rateMaxReads", RateMaxReads, 1, 100, "");
            errors.Range(keyPrefix + ".rateWindowMs", RateWindowMs, 1000, 3600000, "ms");
            if (AllowList == null || AllowList.Length > MaxAllowList)
            {
                errors.Fail(keyPrefix + ".allowList", "must be a list of at most 64 entries");
                return;
            }

            for (int i = 0; i < AllowList.Length; i++)
            {
                if (!CardGate.IsLowerHex(AllowList[i], 16))
                {
                    errors.Fail(keyPrefix + ".allowList", "entries must be 16 lowercase hex digits");
                    return;
                }
            }
        }
    }
}
