using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Adapters
{
    /// <summary>Pair timing, order and clamping of <see cref="SampledMainsPair"/> on a stepping microsecond timer.</summary>
    [TestClass]
    public class SampledMainsPairTests
    {
        private sealed class SteppingTimer : IMicrosecondTimer
        {
            public long Us = 1000;
            public long StepUs = 7;

            public long NowUs
            {
                get
                {
                    long now = Us;
                    Us += StepUs;
                    return now;
                }
            }
        }

        // Records the order of conversions across both inputs and the timer value at each.
        private sealed class Log
        {
            public readonly string[] Order = new string[16];
            public readonly long[] AtUs = new long[16];
            public int Count;
        }

        private sealed class ScriptedAdc : IAdcConverter
        {
            private readonly string _name;
            private readonly Log _log;
            private readonly SteppingTimer _timer;
            public int[] Values = new int[] { 100 };
            private int _conversions;

            public ScriptedAdc(string name, Log log, SteppingTimer timer)
            {
                _name = name;
                _log = log;
                _timer = timer;
            }

            public int MaxValue
            {
                get { return 4095; }
            }

            public int ReadValue()
            {
                if (_log.Count < _log.Order.Length)
                {
                    _log.Order[_log.Count] = _name;
                    _log.AtUs[_log.Count] = _timer.Us;
                    _log.Count++;
                }

                int value = Values[_conversions % Values.Length];
                _conversions++;
                return value;
            }
        }

        [TestMethod]
        public static void Each_pair_takes_voltage_then_current_no_earlier_than_k_periods_after_the_first()
        {
            var timer = new SteppingTimer();
            var log = new Log();
            var v = new ScriptedAdc("v", log, timer);
            var i = new ScriptedAdc("i", log, timer);
            var pair = new SampledMainsPair(v, i, timer);
            var vs = new int[3];
            var cs = new int[3];
            pair.ReadInterleaved(vs, cs, 3, 500);
            Assert.AreEqual(6, log.Count);
            for (int k = 0; k < 3; k++)
            {
                Assert.AreEqual("v", log.Order[2 * k]);
                Assert.AreEqual("i", log.Order[(2 * k) + 1]);
                Assert.IsTrue(log.AtUs[2 * k] - 1000 >= k * 500L, "pair " + k.ToString() + " at " + log.AtUs[2 * k].ToString());
                Assert.IsTrue(log.AtUs[2 * k] - 1000 < (k * 500L) + 20, "pair " + k.ToString() + " not late");
            }
        }

        [TestMethod]
        public static void Samples_are_clamped_to_the_full_scale_of_each_input()
        {
            var timer = new SteppingTimer();
            var log = new Log();
            var v = new ScriptedAdc("v", log, timer);
            var i = new ScriptedAdc("i", log, timer);
            v.Values = new int[] { -3, 5000 };
            i.Values = new int[] { 4096, 2048 };
            var pair = new SampledMainsPair(v, i, timer);
            var vs = new int[2];
            var cs = new int[2];
            pair.ReadInterleaved(vs, cs, 2, 0);
            Assert.AreEqual(0, vs[0]);
            Assert.AreEqual(4095, vs[1]);
            Assert.AreEqual(4095, cs[0]);
            Assert.AreEqual(2048, cs[1]);
            Assert.AreEqual(4095, pair.VoltageMaxRawCounts);
            Assert.AreEqual(4095, pair.CurrentMaxRawCounts);
        }

        [TestMethod]
        public static void Bad_arguments_are_refused()
        {
            var timer = new SteppingTimer();
            var log = new Log();
            var v = new ScriptedAdc("v", log, timer);
            var pair = new SampledMainsPair(v, v, timer);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pair.ReadInterleaved(new int[2], new int[1], 2, 500));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pair.ReadInterleaved(new int[2], new int[2], 2, -1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => pair.ReadInterleaved(null, new int[2], 2, 500));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SampledMainsPair(null, v, timer));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new SampledMainsPair(v, v, null));
            Assert.AreEqual(0, log.Count);
        }
    }
}
