using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Config
{
    /// <summary>
    /// How long each tick busy-waits on the ADC: the control pilot burst, the one interleaved mains burst and the NTC read.
    /// The tick may spend at most a quarter of its period sampling, so the messaging thread keeps the rest.
    /// </summary>
    /// <remarks>Stateless; allocates only its error texts. Thread-safe.</remarks>
    public static class SamplingPlan
    {
        /// <summary>Time counted for one NTC conversion, in microseconds (one ADC read with the interpreter's overhead).</summary>
        public const int NtcReadUs = MainsBurstConfig.MinSamplePeriodUs;

        /// <summary>Busy time of the mains burst in microseconds: pairs × pair period of <c>sensors.voltage.burst</c>.</summary>
        public static long MainsBurstUs(SensorsConfig sensors)
        {
            MainsBurstConfig burst = sensors.Voltage.Burst;
            return (long)burst.BurstSamples * burst.SamplePeriodUs;
        }

        /// <summary>Busy time of the whole plan per tick in microseconds: CP burst (<c>ev.cpBurstSamples</c> × <c>ev.cpSamplePeriodUs</c>) + mains burst + NTC read.</summary>
        public static long TotalUs(SensorsConfig sensors, EvConfig ev)
        {
            return ev.CpBurstUs + MainsBurstUs(sensors) + NtcReadUs;
        }

        /// <summary>
        /// Reports a plan over a quarter of <paramref name="tickPeriodMs"/>, naming the keys that set it, and a mains pair
        /// period too short for two conversions. Assumes the sections are present and their own keys valid (checked first).
        /// </summary>
        public static void Validate(int tickPeriodMs, SensorsConfig sensors, EvConfig ev, ConfigErrors errors)
        {
            int pairPeriodUs = sensors.Voltage.Burst.SamplePeriodUs;
            if (pairPeriodUs < 2 * MainsBurstConfig.MinSamplePeriodUs)
            {
                errors.Fail("sensors.voltage.burst.samplesPerCycle", "gives " + pairPeriodUs.ToString() + " us per voltage/current pair, below the " +
                    (2 * MainsBurstConfig.MinSamplePeriodUs).ToString() + " us two conversions take");
            }

            long budgetUs = (long)tickPeriodMs * 1000 / 4;
            long totalUs = TotalUs(sensors, ev);
            if (totalUs > budgetUs)
            {
                errors.Fail("sensors", "sampling takes " + totalUs.ToString() + " us per tick (ev.cpBurstSamples x cpSamplePeriodUs " +
                    ev.CpBurstUs.ToString() + " + sensors.voltage.burst " + MainsBurstUs(sensors).ToString() + " + NTC " +
                    NtcReadUs.ToString() + "), over a quarter of tickPeriodMs (" + budgetUs.ToString() + " us)");
            }
        }
    }
}
