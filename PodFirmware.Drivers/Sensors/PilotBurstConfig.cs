using PodFirmware.Drivers.Config;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Timing of the control pilot's ADC burst per tick (keys <c>sensors.pilot.*</c>), as the sampling plan counts it: the
    /// burst must span at least two 1 kHz PWM periods and catch the high phase at the lowest duty. The pilot reader takes
    /// these values; the plan check (<c>Config.SamplingPlan</c>) adds the burst to the tick's busy time.
    /// </summary>
    /// <remarks>Plain data; read at boot. Not thread-safe.</remarks>
    public sealed class PilotBurstConfig
    {
        /// <summary><c>burstSamples</c>: samples per tick, 0 (no pilot sampled) to 1000. Default 50.</summary>
        public int BurstSamples = 50;

        /// <summary><c>sampleUs</c>: spacing of the samples in microseconds, 10 to 1000. Default 40 (50 samples span 2 ms, two PWM periods).</summary>
        public int SampleUs = 40;

        /// <summary>Time the burst takes, in microseconds: <see cref="BurstSamples"/> × <see cref="SampleUs"/>.</summary>
        public long BurstUs
        {
            get { return (long)BurstSamples * SampleUs; }
        }

        /// <summary>Range-checks both keys under <paramref name="keyPrefix"/> (e.g. <c>sensors.pilot</c>).</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            errors.Range(keyPrefix + ".burstSamples", BurstSamples, 0, 1000, "");
            errors.Range(keyPrefix + ".sampleUs", SampleUs, 10, 1000, "us");
        }
    }
}
