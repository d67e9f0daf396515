using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Relay feedback checks (keys <c>safety.relay.*</c>). The defaults cover a contactor's release time, one RMS
    /// burst and the current sensor's plausibility filter, which holds a jump for one sample; see docs/safety.md.
    /// </summary>
    /// <remarks>Boot-time configuration; not thread-safe.</remarks>
    public sealed class RelayConfig
    {
        /// <summary>
        /// Time after a coil command change before the contacts are judged, in milliseconds, 50 to 5000. Default 300:
        /// a 40 A contactor's datasheet opening (drop-out) time is typically 10 to 100 ms, the next 100 ms tick
        /// measures one RMS burst over contacts that may still be moving, and the plausibility filter holds that reading one more tick.
        /// </summary>
        public int SettleMs = 300;

        /// <summary>
        /// Current in amperes RMS at or above which an open-commanded relay counts as welded, 0.5 to 10. Default 2.0:
        /// well above the current channel's offset noise at 0 A, well below the 6 A minimum an EV draws when charging.
        /// </summary>
        public double WeldCurrentA = 2.0;

        /// <summary>Reports every bad key under <paramref name="keyPrefix"/> (e.g. <c>safety.relay</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".settleMs", SettleMs, 50, 5000, "ms");
            errors.Range(keyPrefix + ".weldCurrentA", WeldCurrentA, 0.5, 10, "A");
        }
    }
}
