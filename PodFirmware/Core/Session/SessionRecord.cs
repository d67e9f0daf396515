using PodFirmware.Core.Faults;

namespace PodFirmware.Core.Session
{
    /// <summary>
    /// What one charging session did: written when it stops, kept in the store until the broker has
    /// acknowledged it (docs/mqtt.md, topic <c>pods/{podId}/session</c>). Plain fields so that an event
    /// ring slot can hold one preallocated and be filled in place.
    /// </summary>
    /// <remarks>Not thread-safe; copied in and out of the event ring with <see cref="CopyFrom"/>.</remarks>
    public sealed class SessionRecord
    {
        /// <summary>Digits after the point of <see cref="AmountScaled"/>: 4, as for the tariff.</summary>
        public const int AmountDecimals = 4;

        /// <summary>The session id: the id of the start command that opened it (unique per sender). Null when cleared.</summary>
        public string SessionId;

        /// <summary>The account the session was started for. Null when cleared.</summary>
        public string Account;

        /// <summary>The hashed card the session was started with (16 lowercase hex digits); null when started without one.</summary>
        public string Card;

        /// <summary>Monotonic start time, ms since boot.</summary>
        public long StartMs;

        /// <summary>Monotonic stop time, ms since boot; 0 while running.</summary>
        public long StopMs;

        /// <summary>UTC start time, seconds since 1970-01-01; 0 when the pod had no valid UTC then.</summary>
        public long StartUtcS;

        /// <summary>UTC stop time, seconds since 1970-01-01; 0 while running or when the pod had no valid UTC.</summary>
        public long StopUtcS;

        /// <summary>Energy delivered, in mWh (integer, so long sessions accumulate without drift).</summary>
        public long EnergyMilliWh;

        /// <summary>Tariff given at start, currency per kWh × 10^4; 0 when none was given.</summary>
        public long TariffPerKwhScaled;

        /// <summary>Amount owed so far: energy in kWh times the tariff, currency × 10^<see cref="AmountDecimals"/>.</summary>
        public long AmountScaled;

        /// <summary>Why the session stopped; <see cref="Session.StopReason.None"/> while running.</summary>
        public StopReason StopReason;

        /// <summary>The fault that stopped it when <see cref="StopReason"/> is Trip; None otherwise.</summary>
        public FaultCode StopFault;

        /// <summary>Highest usable connector temperature seen during the session, °C; NaN when none was usable.</summary>
        public double PeakTemperatureC = double.NaN;

        /// <summary>Every fault seen during the session, one bit per <see cref="FaultCode"/> (bit n set means code n was seen).</summary>
        public int FaultsSeenMask;

        /// <summary>Copies every field of <paramref name="source"/> into this instance. Allocates nothing.</summary>
        public void CopyFrom(SessionRecord source)
        {
            SessionId = source.SessionId;
            Account = source.Account;
            Card = source.Card;
            StartMs = source.StartMs;
            StopMs = source.StopMs;
            StartUtcS = source.StartUtcS;
            StopUtcS = source.StopUtcS;
            EnergyMilliWh = source.EnergyMilliWh;
            TariffPerKwhScaled = source.TariffPerKwhScaled;
            AmountScaled = source.AmountScaled;
            StopReason = source.StopReason;
            StopFault = source.StopFault;
            PeakTemperatureC = source.PeakTemperatureC;
            FaultsSeenMask = source.FaultsSeenMask;
        }

        /// <summary>Resets every field to its cleared value.</summary>
        public void Clear()
        {
            SessionId = null;
            Account = null;
            Card = null;
            StartMs = 0;
            StopMs = 0;
            StartUtcS = 0;
            StopUtcS = 0;
            EnergyMilliWh = 0;
            TariffPerKwhScaled = 0;
            AmountScaled = 0;
            StopReason = StopReason.None;
            StopFault = FaultCode.None;
            PeakTemperatureC = double.NaN;
            FaultsSeenMask = 0;
        }

        /// <summary>Whether fault <paramref name="code"/> was seen during the session.</summary>
        public bool HasSeen(FaultCode code)
        {
            int bit = (int)code;
            return bit > 0 && bit < 32 && (FaultsSeenMask & (1 << bit)) != 0;
        }
    }
}
