using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class RmsBurstTests
    {
        private const double MvPerCount = 3300.0 / 4095.0;

        // Two 50 Hz cycles of 40 samples: 80 samples 500 us apart.
        private static RmsBurst Burst(ScriptedAnalogChannel channel)
        {
            var config = new MainsBurstConfig();
            config.CyclesPerBurst = 2;
            return new RmsBurst(channel, config, 12, 3300.0, 0.01);
        }

        [TestMethod]
        public static void Removes_the_bias_and_reports_the_RMS_of_what_is_left()
        {
            // A square wave of +/-100 counts around 2048: RMS 100 counts whatever the bias.
            var channel = new ScriptedAnalogChannel(4095, new int[] { 2148, 1948 });
            RmsBurst burst = Burst(channel);

            burst.Read();

            Approx.Equal(100.0 * MvPerCount, burst.RmsMv, 1e-9, "RMS in mV");
            Approx.Equal(2048.0 * MvPerCount, burst.MeanMv, 1e-9, "mean in mV");
            Assert.AreEqual((int)SensorStatus.Ok, (int)burst.RailStatus);
            Assert.IsFalse(burst.IsClipped);
        }

        [TestMethod]
        public static void Reports_open_and_unclipped_before_the_first_burst()
        {
            RmsBurst burst = Burst(new ScriptedAnalogChannel(4095, new int[] { 2048 }));
            Assert.AreEqual((int)SensorStatus.Open, (int)burst.RailStatus);
            Assert.IsFalse(burst.IsClipped);
        }

        [TestMethod]
        public static void A_flat_input_has_no_AC_content()
        {
            var channel = new ScriptedAnalogChannel(4095, new int[] { 1700 });
            RmsBurst burst = Burst(channel);

            burst.Read();

            Assert.AreEqual(0.0, burst.RmsMv);
            Approx.Equal(1700.0 * MvPerCount, burst.MeanMv, 1e-9, "mean in mV");
        }

        [TestMethod]
        public static void Asks_the_channel_for_80_samples_500us_apart_over_two_cycles()
        {
            var channel = new ScriptedAnalogChannel(4095, new int[] { 2048 });
            RmsBurst burst = Burst(channel);

            burst.Read();

            Assert.AreEqual(80, channel.LastBurstCount);
            Assert.AreEqual(500, channel.LastSamplePeriodUs);
            Assert.AreEqual(80, burst.SampleCount);
        }

        [DataRow(0, 40, 1)]
        [DataRow(4055, 4095, 2)]
        [DataRow(30, 4095, 0)]
        [TestMethod]
        public static void A_burst_entirely_at_a_rail_is_open_or_short(int low, int high, int expectedStatus)
        {
            var channel = new ScriptedAnalogChannel(4095, new int[] { low, high });
            RmsBurst burst = Burst(channel);

            burst.Read();

            Assert.AreEqual(expectedStatus, (int)burst.RailStatus);
        }

        [TestMethod]
        public static void A_waveform_touching_a_rail_is_flagged_as_clipped()
        {
            var channel = new ScriptedAnalogChannel(4095, new int[] { 0, 2048, 4000, 2048 });
            RmsBurst burst = Burst(channel);

            burst.Read();

            Assert.IsTrue(burst.IsClipped);
            Assert.AreEqual(0, burst.MinRawCounts);
            Assert.AreEqual(4000, burst.MaxRawCounts);
        }

        [TestMethod]
        public static void The_fingerprint_repeats_only_when_every_sample_repeats()
        {
            int[] pattern = new int[80];
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = 2048 + ((i % 7) * 13);
            }

            var channel = new ScriptedAnalogChannel(4095, pattern);
            RmsBurst burst = Burst(channel);
            burst.Read();
            int first = burst.Fingerprint;
            burst.Read();
            Assert.AreEqual(first, burst.Fingerprint, "identical burst");

            int[] changed = (int[])pattern.Clone();
            changed[57] += 1;
            channel.Pattern = changed;
            burst.Read();
            Assert.AreNotEqual(first, burst.Fingerprint, "one sample one count different");

            int[] swapped = (int[])pattern.Clone();
            swapped[3] = pattern[4];
            swapped[4] = pattern[3];
            channel.Pattern = swapped;
            burst.Read();
            Assert.AreNotEqual(first, burst.Fingerprint, "same samples in another order");
        }

        [TestMethod]
        public static void Refuses_a_channel_whose_full_scale_differs_from_the_configured_bits()
        {
            var channel = new ScriptedAnalogChannel(1023, new int[] { 512 });
            Assert.ThrowsException(typeof(ArgumentException), () => Burst(channel));
        }
    }
}
