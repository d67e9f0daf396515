using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Adapters
{
    [TestClass]
    public class SampledAnalogChannelTests
    {
        /// <summary>A microsecond timer that moves on by <see cref="StepUs"/> each time it is read (time passing while the caller spins).</summary>
        private sealed class SteppingTimer : IMicrosecondTimer
        {
            public long Us = 1000;
            public long StepUs = 7;
            public int Reads;

            public long NowUs
            {
                get
                {
                    Reads++;
                    long now = Us;
                    Us += StepUs;
                    return now;
                }
            }
        }

        /// <summary>Returns scripted raw values and remembers the timer's value at each conversion.</summary>
        private sealed class ScriptedAdc : IAdcConverter
        {
            public int Max = 4095;
            public int[] Values = new int[] { 100 };
            public long[] ConvertedAtUs = new long[16];
            public SteppingTimer Timer;
            public int Conversions;

            public int MaxValue
            {
                get { return Max; }
            }

            public int ReadValue()
            {
                if (Timer != null && Conversions < ConvertedAtUs.Length)
                {
                    ConvertedAtUs[Conversions] = Timer.Us - Timer.StepUs; // the last reading the channel saw
                }

                int value = Values[Conversions % Values.Length];
                Conversions++;
                return value;
            }
        }

        [DataRow(-5, 0)]
        [DataRow(0, 0)]
        [DataRow(2048, 2048)]
        [DataRow(4095, 4095)]
        [DataRow(5000, 4095)]
        [TestMethod]
        public static void A_single_read_is_clamped_to_the_full_scale(int raw, int expected)
        {
            var adc = new ScriptedAdc { Values = new int[] { raw } };
            var channel = new SampledAnalogChannel(adc, new SteppingTimer());
            Assert.AreEqual(4095, channel.MaxRawCounts);
            Assert.AreEqual(expected, channel.ReadRawCounts());
        }

        [TestMethod]
        public static void A_burst_takes_sample_i_no_earlier_than_i_periods_after_the_first()
        {
            var timer = new SteppingTimer();
            var adc = new ScriptedAdc { Values = new int[] { 1, 2, 3, 4 }, Timer = timer };
            var channel = new SampledAnalogChannel(adc, timer);
            var samples = new int[8];

            channel.ReadBurst(samples, 4, 100);

            Assert.AreEqual(4, adc.Conversions);
            const long StartUs = 1000; // the timer's first reading, taken when the burst starts
            for (int i = 0; i < 4; i++)
            {
                long sinceStartUs = adc.ConvertedAtUs[i] - StartUs;
                Assert.IsTrue(sinceStartUs >= i * 100L, "never early");
                Assert.IsTrue(sinceStartUs <= i * 100L + timer.StepUs, "deadlines are absolute from the start: no drift");
            }

            Assert.AreEqual(1, samples[0]);
            Assert.AreEqual(4, samples[3]);
            Assert.AreEqual(0, samples[4], "nothing written past count");
        }

        [TestMethod]
        public static void A_burst_with_period_zero_samples_back_to_back_and_clamps_each_sample()
        {
            var timer = new SteppingTimer();
            var adc = new ScriptedAdc { Values = new int[] { -1, 9999, 7 } };
            var channel = new SampledAnalogChannel(adc, timer);
            var samples = new int[3];

            channel.ReadBurst(samples, 3, 0);

            Assert.AreEqual(0, samples[0]);
            Assert.AreEqual(4095, samples[1]);
            Assert.AreEqual(7, samples[2]);
            Assert.AreEqual(4, timer.Reads, "one start reading plus one check per sample: no waiting");
        }

        [TestMethod]
        public static void A_burst_refuses_bad_arguments_before_converting()
        {
            var adc = new ScriptedAdc();
            var channel = new SampledAnalogChannel(adc, new SteppingTimer());
            Assert.ThrowsException(typeof(ArgumentNullException), () => channel.ReadBurst(null, 1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => channel.ReadBurst(new int[2], 3, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => channel.ReadBurst(new int[2], -1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => channel.ReadBurst(new int[2], 2, -1));
            Assert.AreEqual(0, adc.Conversions);
        }

        [TestMethod]
        public static void Refuses_a_missing_converter_or_timer_and_a_converter_without_range()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SampledAnalogChannel(null, new SteppingTimer()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SampledAnalogChannel(new ScriptedAdc(), null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new SampledAnalogChannel(new ScriptedAdc { Max = 0 }, new SteppingTimer()));
        }
    }
}
