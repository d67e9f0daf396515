namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// A verified command, filled in place by <see cref="CommandAuthenticator.Verify"/> so the
    /// messaging side can reuse one instance. Fields a command type does not carry keep their cleared values.
    /// </summary>
    /// <remarks>Not thread-safe: plain fields, owned by whoever passed it to Verify.</remarks>
    public sealed class Command
    {
        /// <summary>Digits after the point of <see cref="LimitAScaled"/>: 2, so 1650 means 16.50 A.</summary>
        public const int LimitADecimals = 2;

        /// <summary>Digits after the point of <see cref="TariffPerKwhScaled"/>: 4, so 3150 means 0.3150 per kWh.</summary>
        public const int TariffDecimals = 4;

        /// <summary>Digits after the point of <see cref="MaxAmountScaled"/>: 4, as for the tariff.</summary>
        public const int AmountDecimals = 4;

        /// <summary>Digits of <c>maxEnergyKwh</c> kept after the point: 3, so <see cref="MaxEnergyWh"/> is exact in Wh.</summary>
        public const int EnergyKwhDecimals = 3;

        /// <summary>What the command asks; <see cref="CommandType.None"/> when cleared.</summary>
        public CommandType Type;

        /// <summary>The pod id the command is addressed to (<c>"pod"</c>); equals the authenticator's pod id once verified.</summary>
        public string PodId;

        /// <summary>The sender's unique command id (<c>"id"</c>), 1 to 64 printable ASCII characters; echo it in the acknowledgement.</summary>
        public string Id;

        /// <summary>When the sender signed the command (<c>"ts"</c>), UTC seconds since 1970-01-01.</summary>
        public long TimestampUtcS;

        /// <summary>The sender's random nonce (<c>"nonce"</c>), 16 to 64 lowercase hex digits.</summary>
        public string Nonce;

        /// <summary>The account the session or reservation belongs to (<c>"account"</c>); null when the type carries none.</summary>
        public string Account;

        /// <summary><c>true</c> when <see cref="LimitAScaled"/> holds a value (<c>"limitA"</c> was present).</summary>
        public bool HasLimit;

        /// <summary>Charging current limit in A × 10^<see cref="LimitADecimals"/> (1650 is 16.50 A), 0 to 100000; 0 when absent.</summary>
        public long LimitAScaled;

        /// <summary><c>true</c> when <see cref="TariffPerKwhScaled"/> holds a value (<c>"tariffPerKwh"</c> was present).</summary>
        public bool HasTariff;

        /// <summary>Energy price in currency units per kWh × 10^<see cref="TariffDecimals"/> (3150 is 0.3150), 0 to 10000000; 0 when absent.</summary>
        public long TariffPerKwhScaled;

        /// <summary>Reservation length in seconds (<c>"durationS"</c>), 1 to 86400; 0 when absent, meaning the pod's default window (<c>session.reservationDefaultS</c>).</summary>
        public int DurationS;

        /// <summary><c>true</c> when <see cref="MaxEnergyWh"/> holds a value (<c>"maxEnergyKwh"</c> was present on a start).</summary>
        public bool HasMaxEnergy;

        /// <summary>Energy limit of the session in Wh (<c>"maxEnergyKwh"</c> × 1000, exact), 1 to 1000000; 0 when absent.</summary>
        public long MaxEnergyWh;

        /// <summary><c>true</c> when <see cref="MaxDurationS"/> holds a value (<c>"maxDurationS"</c> was present on a start).</summary>
        public bool HasMaxDuration;

        /// <summary>Duration limit of the session in seconds (<c>"maxDurationS"</c>), 1 to 86400; 0 when absent.</summary>
        public int MaxDurationS;

        /// <summary><c>true</c> when <see cref="MaxAmountScaled"/> holds a value (<c>"maxAmount"</c> was present on a start; a tariff then is too).</summary>
        public bool HasMaxAmount;

        /// <summary>Amount limit of the session in currency units × 10^<see cref="AmountDecimals"/> (<c>"maxAmount"</c>), 0 to 1000000000; 0 when absent.</summary>
        public long MaxAmountScaled;

        /// <summary>The id of the new key of a <c>rotate_key</c> (<c>"keyId"</c>), 1 to 16 printable ASCII characters without spaces; null otherwise.</summary>
        public string NewKeyId;

        /// <summary>The new key of a <c>rotate_key</c> wrapped under the current key (<c>"key"</c>, 64 to 128 lowercase hex digits, see <see cref="CommandKeys.Wrap"/>); null otherwise.</summary>
        public string WrappedKey;
        /// <summary>The hashed card (<c>"card"</c>, 16 lowercase hex digits) a start or refuse_card answers; null when absent.</summary>
        public string Card;

        /// <summary>Why the back end refused a card (<c>"reason"</c> of refuse_card); null otherwise.</summary>
        public string Reason;

        /// <summary>
        /// Copies every field of <paramref name="source"/> into this instance (strings by reference). Allocates nothing;
        /// used by <see cref="CommandQueue"/> to hand commands to the tick. A field added here must be copied here.
        /// </summary>
        public void CopyFrom(Command source)
        {
            Type = source.Type;
            PodId = source.PodId;
            Id = source.Id;
            TimestampUtcS = source.TimestampUtcS;
            Nonce = source.Nonce;
            Account = source.Account;
            HasLimit = source.HasLimit;
            LimitAScaled = source.LimitAScaled;
            HasTariff = source.HasTariff;
            TariffPerKwhScaled = source.TariffPerKwhScaled;
            DurationS = source.DurationS;
            HasMaxEnergy = source.HasMaxEnergy;
            MaxEnergyWh = source.MaxEnergyWh;
            HasMaxDuration = source.HasMaxDuration;
            MaxDurationS = source.MaxDurationS;
            HasMaxAmount = source.HasMaxAmount;
            MaxAmountScaled = source.MaxAmountScaled;
            NewKeyId = source.NewKeyId;
            WrappedKey = source.WrappedKey;
            Card = source.Card;
            Reason = source.Reason;
        }

        /// <summary>Resets every field to its cleared value. Allocates nothing.</summary>
        public void Clear()
        {
            Type = CommandType.None;
            PodId = null;
            Id = null;
            TimestampUtcS = 0;
            Nonce = null;
            Account = null;
            HasLimit = false;
            LimitAScaled = 0;
            HasTariff = false;
            TariffPerKwhScaled = 0;
            DurationS = 0;
            HasMaxEnergy = false;
            MaxEnergyWh = 0;
            HasMaxDuration = false;
            MaxDurationS = 0;
            HasMaxAmount = false;
            MaxAmountScaled = 0;
            NewKeyId = null;
            WrappedKey = null;
            Card = null;
            Reason = null;
        }
    }
}
