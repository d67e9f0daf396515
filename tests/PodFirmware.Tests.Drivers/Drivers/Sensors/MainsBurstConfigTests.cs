using nanoFramework.TestFramework;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class MainsBurstConfigTests
    {
        private static MainsBurstConfig Burst(int mainsHz, int samplesPerCycle, int cyclesPerBurst)
        {
            var burst = new MainsBurstConfig();
            burst.MainsFrequencyHz = mainsHz;
            burst.SamplesPerCycle = samplesPerCycle;
            burst.CyclesPerBurst = cyclesPerBurst;
            return burst;
        }

        private static ConfigErrors Validate(MainsBurstConfig burst)
        {
            var errors = new ConfigErrors();
            burst.Validate("sensors.current.burst", errors);
            return errors;
        }

        [DataRow(50, 40, 500)]
        [DataRow(60, 40, 417)]
        [DataRow(50, 100, 200)]
        [DataRow(60, 32, 521)]
        [TestMethod]
        public static void Derives_the_sample_period_to_the_nearest_microsecond(int mainsHz, int samplesPerCycle, int expectedUs)
        {
            Assert.AreEqual(expectedUs, Burst(mainsHz, samplesPerCycle, 2).SamplePeriodUs);
        }

        [TestMethod]
        public static void Defaults_take_40_samples_over_one_50Hz_cycle_and_pass()
        {
            var burst = new MainsBurstConfig();
            Assert.AreEqual(40, burst.BurstSamples);
            Assert.AreEqual(500, burst.SamplePeriodUs);
            Assert.AreEqual(0, Validate(burst).Count, Validate(burst).ToString());
        }

        [TestMethod]
        public static void Rejects_a_burst_that_is_not_whole_mains_cycles()
        {
            // 60 Hz at 100 samples per cycle rounds 166.67 us to 167 us; 300 samples then span 50100 us, 100 us past 3 cycles.
            ConfigErrors errors = Validate(Burst(60, 100, 3));
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.burst.samplesPerCycle", errors[0]);
            Assert.Contains("not whole mains cycles", errors[0]);
        }

        [TestMethod]
        public static void Accepts_the_same_burst_where_the_period_is_exact()
        {
            Assert.AreEqual(0, Validate(Burst(50, 100, 3)).Count, "200 us exactly at 50 Hz");
            Assert.AreEqual(0, Validate(Burst(60, 100, 2)).Count, "67 us off two 60 Hz cycles is within half a sample");
        }

        [DataRow(0)]
        [DataRow(55)]
        [DataRow(400)]
        [TestMethod]
        public static void Accepts_only_50_or_60Hz_mains(int mainsHz)
        {
            ConfigErrors errors = Validate(Burst(mainsHz, 40, 2));
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.burst.mainsFrequencyHz", errors[0]);
        }

        [TestMethod]
        public static void Rejects_a_sample_period_the_device_cannot_keep()
        {
            ConfigErrors errors = Validate(Burst(60, 200, 1));
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.burst.samplesPerCycle", errors[0]);
            Assert.Contains("83 us", errors[0]);
        }

        [TestMethod]
        public static void Names_out_of_range_counts_by_key()
        {
            ConfigErrors errors = Validate(Burst(50, 4, 0));
            Assert.AreEqual(2, errors.Count, errors.ToString());
            Assert.Contains("sensors.current.burst.samplesPerCycle", errors.ToString());
            Assert.Contains("sensors.current.burst.cyclesPerBurst", errors.ToString());
        }
    }
}
