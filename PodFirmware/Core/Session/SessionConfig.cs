using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Session
{
    /// <summary>Charging-session settings (JSON section <c>session</c>); see docs/session.md.</summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class SessionConfig : IConfigSection
    {
        /// <summary>Reservation window when a reserve command gives no <c>durationS</c>, in seconds, 60 to 86400. Default 600 (10 minutes).</summary>
        public int ReservationDefaultS = 600;

        /// <summary>Below this current, in A, a closed relay counts as the EV drawing nothing (SuspendedEV), 0.1 to 6. Default 1.0.</summary>
        public double EvIdleCurrentA = 1.0;

        /// <summary>How long the current must stay below <see cref="EvIdleCurrentA"/> before SuspendedEV, in ms, 0 to 60000. Default 3000.</summary>
        public int EvIdleDelayMs = 3000;

        /// <summary>Window of the recent average power behind the remaining-time estimate, in ms, 10000 to 600000. Default 60000.</summary>
        public int PowerWindowMs = 60000;

        /// <summary>The factor b of the seed remaining-time formula ts = (Mp - Mc) / Mc * T + b * tf (telemetry's <c>remainingSeedS</c>), 0 to 10.</summary>
        public double RemainingB = 1.0;

        /// <summary>The time tf of the seed remaining-time formula, s (0 to 86400): the fixed finishing time b weighs.</summary>
        public int RemainingTfS;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (normally <c>session</c>), e.g. <c>session.evIdleCurrentA</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this object.</param>
        /// <param name="errors">Collects the problems.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".reservationDefaultS", ReservationDefaultS, 60, 86400, "s");
            errors.Range(keyPrefix + ".evIdleCurrentA", EvIdleCurrentA, 0.1, 6, "A");
            errors.Range(keyPrefix + ".evIdleDelayMs", EvIdleDelayMs, 0, 60000, "ms");
            errors.Range(keyPrefix + ".powerWindowMs", PowerWindowMs, 10000, 600000, "ms");
            errors.Range(keyPrefix + ".remainingB", RemainingB, 0, 10, "");
            errors.Range(keyPrefix + ".remainingTfS", RemainingTfS, 0, 86400, "s");
        }
    }
}
