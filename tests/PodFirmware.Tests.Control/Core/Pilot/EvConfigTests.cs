using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Pilot
{
    /// <summary>The <c>ev</c> settings: every range edge, the texts a technician reads, and the derived values.</summary>
    [TestClass]
    public class EvConfigTests
    {
        private static EvConfig With(string key, int value)
        {
            var config = new EvConfig();
            switch (key)
            {
                case "cable": config.Cable = value; break;
                case "debounceReadings": config.DebounceReadings = value; break;
                case "stopOpenMs": config.StopOpenMs = value; break;
                case "pauseOpenMs": config.PauseOpenMs = value; break;
                case "cpBurstSamples": config.CpBurstSamples = value; break;
                case "cpSamplePeriodUs": config.CpSamplePeriodUs = value; config.CpBurstSamples = 200; break;
                default: throw new ArgumentException(key);
            }

            return config;
        }

        private static string Errors(EvConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("ev", errors);
            return errors.ToString();
        }

        [DataRow("cable", 0)]
        [DataRow("cable", 6)]
        [DataRow("cable", 80)]
        [DataRow("debounceReadings", 1)]
        [DataRow("debounceReadings", 10)]
        [DataRow("stopOpenMs", 20)]
        [DataRow("stopOpenMs", 1000)]
        [DataRow("pauseOpenMs", 0)]
        [DataRow("pauseOpenMs", 10000)]
        [DataRow("cpBurstSamples", 200)]
        [DataRow("cpSamplePeriodUs", 10)]
        [DataRow("cpSamplePeriodUs", 50)]
        [TestMethod]
        public static void Each_range_edge_is_accepted(string key, int value)
        {
            Assert.AreEqual("", Errors(With(key, value)), key);
        }

        [DataRow("cable", 5, "ev.cable: must be 0 (socket, PP read) or 6 to 80 A (tethered)\n")]
        [DataRow("cable", -1, "ev.cable: must be 0 (socket, PP read) or 6 to 80 A (tethered)\n")]
        [DataRow("debounceReadings", 0, "ev.debounceReadings: must be between 1 and 10, is 0\n")]
        [DataRow("debounceReadings", 11, "ev.debounceReadings: must be between 1 and 10, is 11\n")]
        [DataRow("stopOpenMs", 19, "ev.stopOpenMs: must be between 20 ms and 1000 ms, is 19 ms\n")]
        [DataRow("stopOpenMs", 1001, "ev.stopOpenMs: must be between 20 ms and 1000 ms, is 1001 ms\n")]
        [DataRow("pauseOpenMs", -1, "ev.pauseOpenMs: must be between 0 ms and 10000 ms, is -1 ms\n")]
        [DataRow("pauseOpenMs", 10001, "ev.pauseOpenMs: must be between 0 ms and 10000 ms, is 10001 ms\n")]
        [DataRow("cpBurstSamples", 201, "ev.cpBurstSamples: must be between 2 and 200, is 201\n")]
        [DataRow("cpSamplePeriodUs", 9, "ev.cpSamplePeriodUs: must be between 10 us and 50 us, is 9 us\nev.cpBurstSamples: x cpSamplePeriodUs must span two PWM periods (2000 us)\n")]
        [DataRow("cpSamplePeriodUs", 51, "ev.cpSamplePeriodUs: must be between 10 us and 50 us, is 51 us\n")]
        [DataRow("cpBurstSamples", 39, "ev.cpBurstSamples: x cpSamplePeriodUs must span two PWM periods (2000 us)\n")]
        [TestMethod]
        public static void Each_value_outside_its_range_is_named_in_words(string key, int value, string expected)
        {
            Assert.AreEqual(expected, Errors(With(key, value)));
        }

        [TestMethod]
        public static void Tethered_and_the_burst_length_follow_the_settings()
        {
            var config = new EvConfig();
            Assert.IsFalse(config.Tethered);
            Assert.AreEqual(2200, config.CpBurstUs);
            config.Cable = 32;
            config.CpSamplePeriodUs = 40;
            Assert.IsTrue(config.Tethered);
            Assert.AreEqual(1760, config.CpBurstUs);
        }

        [TestMethod]
        public static void The_debouncer_takes_1_to_10_readings_and_names_a_wrong_count()
        {
            Assert.AreEqual(1, new PilotDebouncer(1).Readings);
            Assert.AreEqual(10, new PilotDebouncer(10).Readings);
            for (int readings = 0; readings <= 11; readings += 11)
            {
                ArgumentOutOfRangeException caught = null;
                try
                {
                    new PilotDebouncer(readings);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    caught = e;
                }

                Assert.AreEqual("readings", caught.ParamName);
            }
        }

        [TestMethod]
        public static void A_pause_counts_from_when_the_PWM_stopped_however_often_the_pause_is_offered()
        {
            var p = new PilotSequencer(new EvConfig());
            p.Offer(false, 16, 0);
            p.Judge(CpState.C, false);
            Assert.AreEqual((int)CpState.C, (int)p.LastReading);
            for (long t = 1000; t <= 4000; t += 1000)
            {
                p.Offer(false, 0, t);
                p.Judge(CpState.C, true);
            }

            Assert.IsFalse(p.MayClose(true, true, 4000), "3000 ms after the PWM stopped at 1000 ms");
        }

        [TestMethod]
        public static void A_lost_pilot_starts_the_debounce_again()
        {
            var config = new EvConfig();
            config.DebounceReadings = 3;
            var p = new PilotSequencer(config);
            for (int i = 0; i < 3; i++)
            {
                p.Judge(CpState.C, false);
            }

            Assert.AreEqual((int)CpState.C, (int)p.State);
            p.Judge(CpState.F, false);
            p.Judge(CpState.C, false);
            Assert.AreNotEqual((int)CpState.C, (int)p.State, "one reading after the pilot came back");
        }

        [DataRow(0, "A")]
        [DataRow(1, "B")]
        [DataRow(2, "C")]
        [DataRow(3, "D")]
        [DataRow(4, "E")]
        [DataRow(5, "F")]
        [DataRow(6, "invalid")]
        [DataRow(7, "no_diode")]
        [DataRow(8, "invalid")]
        [DataRow(-1, "invalid")]
        [TestMethod]
        public static void Every_pilot_state_has_its_wire_name(int state, string name)
        {
            Assert.AreEqual(name, CpStateNames.Of((CpState)state));
        }
    }
}
