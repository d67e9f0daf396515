using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Pilot
{
    /// <summary>Config section <c>ev</c>: the control pilot, the proximity pilot and the cable (docs/ev-interface.md).</summary>
    /// <remarks>Read at boot; not thread-safe.</remarks>
    public sealed class EvConfig : IConfigSection
    {
        /// <summary>
        /// <c>ev.cable</c>: 0 for a socket with a detachable cable whose rating is read from its PP resistor; 6..80 for a
        /// tethered cable of that rating in A (PP not read). Default 0.
        /// </summary>
        public int Cable;

        /// <summary><c>ev.ventilationAllowed</c>: whether an EV asking for power in state D (ventilation) may charge. Default false.</summary>
        public bool VentilationAllowed;

        /// <summary><c>ev.debounceReadings</c>: consecutive CP readings that confirm a change towards power, 1..10. Default 1.</summary>
        public int DebounceReadings = 1;

        /// <summary>
        /// <c>ev.stopOpenMs</c>: the longest the relay may stay closed after the EV goes from C to B, ms, 20..1000. Default 100.
        /// The pod acts on the first reading of B, so the tick period must not exceed it (checked by <c>PodConfig.Validate</c>).
        /// </summary>
        public int StopOpenMs = 100;

        /// <summary><c>ev.pauseOpenMs</c>: after the pod stops offering current, the longest it waits for the EV to go to B before it opens the relay, ms, 0..10000. Default 3000.</summary>
        public int PauseOpenMs = 3000;

        /// <summary><c>ev.cpBurstSamples</c>: ADC samples per CP burst, 2..200. Default 44.</summary>
        public int CpBurstSamples = 44;

        /// <summary><c>ev.cpSamplePeriodUs</c>: spacing of the CP burst's samples, µs, 10..50 (at least two samples in the 100 µs high phase of a 10 % duty). Default 50.</summary>
        public int CpSamplePeriodUs = 50;

        /// <summary>Whether the cable is tethered (<see cref="Cable"/> is its rating) rather than read from PP.</summary>
        public bool Tethered
        {
            get { return Cable != 0; }
        }

        /// <summary>Length of one CP burst, µs.</summary>
        public int CpBurstUs
        {
            get { return CpBurstSamples * CpSamplePeriodUs; }
        }

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Cable != 0 && (Cable < 6 || Cable > 80))
            {
                errors.Fail(keyPrefix + ".cable", "must be 0 (socket, PP read) or 6 to 80 A (tethered)");
            }

            errors.Range(keyPrefix + ".debounceReadings", DebounceReadings, 1, 10, "");
            errors.Range(keyPrefix + ".stopOpenMs", StopOpenMs, 20, 1000, "ms");
            errors.Range(keyPrefix + ".pauseOpenMs", PauseOpenMs, 0, 10000, "ms");
            errors.Range(keyPrefix + ".cpBurstSamples", CpBurstSamples, 2, 200, "");
            errors.Range(keyPrefix + ".cpSamplePeriodUs", CpSamplePeriodUs, 10, 50, "us");
            if (CpBurstUs < 2000)
            {
                errors.Fail(keyPrefix + ".cpBurstSamples", "x cpSamplePeriodUs must span two PWM periods (2000 us)");
            }
        }
    }
}
