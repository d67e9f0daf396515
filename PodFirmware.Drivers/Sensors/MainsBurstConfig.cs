using PodFirmware.Drivers.Config;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Timing of one sampling burst of an AC channel (current or voltage): a whole number of mains
    /// cycles, so that subtracting the burst mean removes the DC bias exactly and the RMS of the rest
    /// is the RMS of the AC signal. The sample period is derived, not configured.
    /// </summary>
    /// <remarks>Plain data; read at construction of a sensor. Not thread-safe.</remarks>
    public sealed class MainsBurstConfig
    {
        /// <summary>Shortest sample period the device can keep, in microseconds: one ESP32 conversion plus the interpreter's overhead per sample.</summary>
        public const int MinSamplePeriodUs = 100;

        /// <summary>Mains frequency in hertz: 50 or 60. Default 50.</summary>
        public int MainsFrequencyHz = 50;

        /// <summary>Samples taken per mains cycle, 8 to 200. Default 40 (500 us apart at 50 Hz).</summary>
        public int SamplesPerCycle = 40;

        /// <summary>Whole mains cycles per burst, 1 to 10. Default 1 (20 ms at 50 Hz, 17 ms at 60 Hz: the sampling plan keeps a tick's ADC time within a quarter of it).</summary>
        public int CyclesPerBurst = 1;

        /// <summary>
        /// Spacing of samples in microseconds, derived: 1e6 / (MainsFrequencyHz * SamplesPerCycle),
        /// rounded to the nearest microsecond (500 us at 50 Hz and 40 samples, 417 us at 60 Hz). 0 while the configuration is invalid.
        /// </summary>
        public int SamplePeriodUs
        {
            get
            {
                int samplesPerSecond = MainsFrequencyHz * SamplesPerCycle;
                if (samplesPerSecond <= 0)
                {
                    return 0;
                }

                return (1000000 + (samplesPerSecond / 2)) / samplesPerSecond;
            }
        }

        /// <summary>Samples per burst, derived: SamplesPerCycle * CyclesPerBurst (40 by default).</summary>
        public int BurstSamples
        {
            get { return SamplesPerCycle * CyclesPerBurst; }
        }

        /// <summary>
        /// Range-checks every field and that the burst spans whole mains cycles: with the rounded
        /// sample period, the burst must end within half a sample period of the last cycle's end
        /// (otherwise part of a cycle is counted twice or missed, and the mean and RMS are biased).
        /// </summary>
        /// <param name="keyPrefix">Dotted path of this section, e.g. <c>sensors.current.burst</c>.</param>
        /// <param name="errors">Collects the problems found, each naming its key.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            bool valid = true;
            if (MainsFrequencyHz != 50 && MainsFrequencyHz != 60)
            {
                errors.Fail(keyPrefix + ".mainsFrequencyHz", "must be 50 or 60 Hz, is " + MainsFrequencyHz.ToString() + " Hz");
                valid = false;
            }

            if (SamplesPerCycle < 8 || SamplesPerCycle > 200)
            {
                errors.Range(keyPrefix + ".samplesPerCycle", SamplesPerCycle, 8, 200, "");
                valid = false;
            }

            if (CyclesPerBurst < 1 || CyclesPerBurst > 10)
            {
                errors.Range(keyPrefix + ".cyclesPerBurst", CyclesPerBurst, 1, 10, "");
                valid = false;
            }

            if (!valid)
            {
                return;
            }

            int periodUs = SamplePeriodUs;
            if (periodUs < MinSamplePeriodUs)
            {
                errors.Fail(keyPrefix + ".samplesPerCycle", "gives a sample period of " + periodUs.ToString() + " us, below the " + MinSamplePeriodUs.ToString() + " us the device can keep");
                return;
            }

            // Compared in units of 1/f us so the whole-cycle span stays an integer: burst span * f vs cycles * 1e6.
            long spanTimesHz = (long)BurstSamples * periodUs * MainsFrequencyHz;
            long cyclesTimesHz = (long)CyclesPerBurst * 1000000;
            long offTimesHz = spanTimesHz > cyclesTimesHz ? spanTimesHz - cyclesTimesHz : cyclesTimesHz - spanTimesHz;
            if (2 * offTimesHz > (long)periodUs * MainsFrequencyHz)
            {
                errors.Fail(
                    keyPrefix + ".samplesPerCycle",
                    "burst of " + BurstSamples.ToString() + " samples " + periodUs.ToString() + " us apart is not whole mains cycles: it is "
                    + (offTimesHz / MainsFrequencyHz).ToString() + " us off " + CyclesPerBurst.ToString() + " cycles of " + MainsFrequencyHz.ToString()
                    + " Hz, more than half a sample period");
            }
        }
    }
}
