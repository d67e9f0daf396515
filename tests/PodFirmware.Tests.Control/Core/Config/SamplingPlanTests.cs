using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Config
{
    /// <summary>The per-tick ADC budget (<see cref="SamplingPlan"/>): CP burst + mains burst + NTC within a quarter of the tick.</summary>
    [TestClass]
    public class SamplingPlanTests
    {
        private static ConfigErrors Check(SensorsConfig sensors, int tickPeriodMs)
        {
            return Check(sensors, new EvConfig(), tickPeriodMs);
        }

        private static ConfigErrors Check(SensorsConfig sensors, EvConfig ev, int tickPeriodMs)
        {
            var errors = new ConfigErrors();
            SamplingPlan.Validate(tickPeriodMs, sensors, ev, errors);
            return errors;
        }

        [TestMethod]
        public static void The_default_plan_takes_22_3_ms_and_fits_a_100_ms_tick()
        {
            var sensors = new SensorsConfig();
            Assert.AreEqual(22300L, SamplingPlan.TotalUs(sensors, new EvConfig()));
            Assert.AreEqual(0, Check(sensors, 100).Count, Check(sensors, 100).ToString());
        }

        [TestMethod]
        public static void Two_mains_cycles_per_burst_exceed_a_quarter_and_the_error_names_the_keys()
        {
            var sensors = new SensorsConfig();
            sensors.Voltage.Burst.CyclesPerBurst = 2;
            sensors.Current.Burst.CyclesPerBurst = 2;
            ConfigErrors errors = Check(sensors, 100);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual(
                "sensors: sampling takes 42300 us per tick (ev.cpBurstSamples x cpSamplePeriodUs 2200 + sensors.voltage.burst 40000 + NTC 100), over a quarter of tickPeriodMs (25000 us)",
                errors[0]);
            Assert.AreEqual(0, Check(sensors, 200).Count, "fits a 200 ms tick");
        }

        [DataRow(93, 0)]
        [DataRow(94, 1)]
        [TestMethod]
        public static void The_pilot_burst_counts_against_the_budget_up_to_exactly_a_quarter(int cpBurstSamples, int problems)
        {
            // A 99 ms tick allows 24 750 us: 20 000 (mains) + 100 (NTC) + 93 x 50 = 24 750 fits, 94 x 50 = 24 800 does not.
            var sensors = new SensorsConfig();
            var ev = new EvConfig();
            ev.CpBurstSamples = cpBurstSamples;
            Assert.AreEqual(problems, Check(sensors, ev, 99).Count, Check(sensors, ev, 99).ToString());
        }

        [TestMethod]
        public static void A_pair_period_too_short_for_two_conversions_is_named()
        {
            var sensors = new SensorsConfig();
            sensors.Voltage.Burst.SamplesPerCycle = 125;
            ConfigErrors errors = Check(sensors, 100);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.AreEqual("sensors.voltage.burst.samplesPerCycle: gives 160 us per voltage/current pair, below the 200 us two conversions take", errors[0]);
        }

        [TestMethod]
        public static void The_pod_config_runs_the_plan_and_requires_equal_bursts()
        {
            var config = new PodConfig();
            config.Sensors.Voltage.Burst.CyclesPerBurst = 2;
            ConfigErrors errors = config.Validate();
            Assert.Contains("sensors.current.burst: must equal the voltage burst", errors.ToString());

            config = new PodConfig();
            config.PodId = "p-1";
            config.SiteId = "s-1";
            config.ParkingSpace = 1;
            config.Commands.KeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            Assert.AreEqual(0, config.Validate().Count, config.Validate().ToString());
            config.Sensors.Voltage.Burst.CyclesPerBurst = 2;
            config.Sensors.Current.Burst.CyclesPerBurst = 2;
            Assert.Contains("sensors: sampling takes 42300 us", config.Validate().ToString());
        }
    }
}
