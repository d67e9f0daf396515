using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class SimulatedAcChannelTests
    {
        private static int Min(int[] samples)
        {
            int min = samples[0];
            for (int i = 1; i < samples.Length; i++)
            {
                min = samples[i] < min ? samples[i] : min;
            }

            return min;
        }

        private static int Max(int[] samples)
        {
            int max = samples[0];
            for (int i = 1; i < samples.Length; i++)
            {
                max = samples[i] > max ? samples[i] : max;
            }

            return max;
        }

        [TestMethod]
        public static void Puts_16A_on_the_default_CT_as_463_counts_peak_around_mid_scale()
        {
            // 16 A * sqrt(2) / 2000 turns * 33 Ohm = 0.3734 V peak = 463.3 counts, around 1650 mV = 2047.5 counts.
            var config = new CurrentSensorConfig();
            var twin = new SimulatedAcChannel(config);
            twin.NoiseCounts = 0;
            twin.RmsValue = 16.0;
            int[] burst = new int[80];

            twin.ReadBurst(burst, burst.Length, 500);

            Assert.IsTrue(System.Math.Abs(Max(burst) - 2511) <= 1, "max " + Max(burst).ToString());
            Assert.IsTrue(System.Math.Abs(Min(burst) - 1584) <= 1, "min " + Min(burst).ToString());
        }

        [TestMethod]
        public static void A_Hall_sensor_idles_at_its_zero_output_times_gain()
        {
            var config = new CurrentSensorConfig();
            config.Transducer = CurrentSensorConfig.Hall;
            config.Gain = 0.5;
            var twin = new SimulatedAcChannel(config);
            twin.NoiseCounts = 0;

            // 2500 mV * 0.5 = 1250 mV = 1551.1 counts.
            Assert.AreEqual(1551, twin.ReadRawCounts());
        }

        [TestMethod]
        public static void Puts_230V_on_the_default_transformer_as_892_counts_peak()
        {
            var config = new VoltageSensorConfig();
            var twin = new SimulatedAcChannel(config);
            twin.NoiseCounts = 0;
            twin.RmsValue = 230.0;
            int[] burst = new int[80];

            twin.ReadBurst(burst, burst.Length, 500);

            Assert.IsTrue(System.Math.Abs(Max(burst) - 2940) <= 1, "max " + Max(burst).ToString());
            Assert.IsTrue(System.Math.Abs(Min(burst) - 1156) <= 1, "min " + Min(burst).ToString());
        }

        [DataRow(50, 500, 40)]
        [DataRow(60, 417, 40)]
        [TestMethod]
        public static void Completes_one_mains_cycle_every_samples_per_cycle_samples(int mainsHz, int periodUs, int samplesPerCycle)
        {
            var config = new CurrentSensorConfig();
            config.Burst.MainsFrequencyHz = mainsHz;
            var twin = new SimulatedAcChannel(config);
            twin.NoiseCounts = 0;
            twin.RmsValue = 20.0;
            int[] burst = new int[samplesPerCycle * 3];

            twin.ReadBurst(burst, burst.Length, periodUs);

            // Rising zero crossings (through 2048) fall exactly one cycle apart.
            int first = -1;
            int second = -1;
            for (int i = 1; i < burst.Length; i++)
            {
                if (burst[i - 1] < 2048 && burst[i] >= 2048)
                {
                    if (first < 0)
                    {
                        first = i;
                    }
                    else if (second < 0)
                    {
                        second = i;
                    }
                }
            }

            Assert.AreEqual(samplesPerCycle, second - first, "samples between rising crossings");
        }

        [TestMethod]
        public static void Clips_to_the_rails_beyond_the_range()
        {
            var config = new CurrentSensorConfig();
            var twin = new SimulatedAcChannel(config);
            twin.RmsValue = 200.0;
            int[] burst = new int[80];

            twin.ReadBurst(burst, burst.Length, 500);

            Assert.AreEqual(0, Min(burst));
            Assert.AreEqual(4095, Max(burst));
        }

        [DataRow(1, 0, 2)]
        [DataRow(2, 4093, 4095)]
        [TestMethod]
        public static void Open_and_short_hold_the_pin_at_a_rail(int fault, int low, int high)
        {
            var twin = new SimulatedAcChannel(new CurrentSensorConfig());
            twin.RmsValue = 16.0;
            twin.Fault = (SensorStatus)fault;
            int[] burst = new int[80];

            twin.ReadBurst(burst, burst.Length, 500);

            Assert.IsTrue(Min(burst) >= low && Max(burst) <= high, "between " + low.ToString() + " and " + high.ToString());
        }

        [TestMethod]
        public static void Stuck_repeats_one_raw_value()
        {
            var twin = new SimulatedAcChannel(new CurrentSensorConfig());
            twin.RmsValue = 16.0;
            int last = twin.ReadRawCounts();
            twin.Fault = SensorStatus.Stuck;
            int[] burst = new int[80];

            twin.ReadBurst(burst, burst.Length, 500);

            Assert.AreEqual(last, Min(burst));
            Assert.AreEqual(last, Max(burst));
        }

        [TestMethod]
        public static void Is_deterministic_from_run_to_run()
        {
            var config = new VoltageSensorConfig();
            var first = new SimulatedAcChannel(config);
            var second = new SimulatedAcChannel(config);
            first.RmsValue = 230.0;
            second.RmsValue = 230.0;
            int[] a = new int[80];
            int[] b = new int[80];

            for (int burst = 0; burst < 5; burst++)
            {
                first.ReadBurst(a, a.Length, 500);
                second.ReadBurst(b, b.Length, 500);
                for (int i = 0; i < a.Length; i++)
                {
                    Assert.AreEqual(a[i], b[i]);
                }
            }
        }

        [TestMethod]
        public static void Consecutive_bursts_differ_by_the_ADC_noise_and_repeat_exactly_without_it()
        {
            var twin = new SimulatedAcChannel(new CurrentSensorConfig());
            twin.RmsValue = 16.0;
            int[] a = new int[80];
            int[] b = new int[80];

            twin.ReadBurst(a, a.Length, 500);
            twin.ReadBurst(b, b.Length, 500);
            Assert.IsFalse(SameSamples(a, b), "2 counts of noise by default");

            twin.NoiseCounts = 0;
            twin.ReadBurst(a, a.Length, 500);
            twin.ReadBurst(b, b.Length, 500);
            Assert.IsTrue(SameSamples(a, b), "whole cycles of a clean sine repeat");
        }

        private static bool SameSamples(int[] a, int[] b)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
