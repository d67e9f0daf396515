using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>The smoke / gas detector: warm-up, confirmation, the digital self-test and the analog fault bands.</summary>
    [TestClass]
    public class HazardDetectorTests
    {
        private static void Near(double expected, double actual, double tolerance)
        {
            Assert.IsTrue(Finite.AtMost(System.Math.Abs(expected - actual), tolerance), actual.ToString() + " is not within " + tolerance.ToString() + " of " + expected.ToString());
        }

        private static HazardConfig Config(string type)
        {
            var config = new HazardConfig();
            config.Type = type;
            config.WarmUpMs = 10000;
            config.ConfirmMs = 2000;
            config.TestTimeoutMs = 3000;
            return config;
        }

        private static HazardDetector Digital(SimulatedHazardDetector twin, bool withTest)
        {
            return new HazardDetector(Config(HazardConfig.Digital), twin.AlarmOutput, withTest ? twin : null, null, 0);
        }

        [TestMethod]
        public static void Not_fitted_is_none_whatever_the_ports_say()
        {
            var twin = new SimulatedHazardDetector();
            twin.SmokePpm = 5000;
            var detector = new HazardDetector(new HazardConfig(), twin.AlarmOutput, twin, twin.Analog, 0);
            Assert.AreEqual((int)HazardState.None, (int)detector.Update(100000));
            Assert.AreEqual(0, twin.TestPulses);
            Assert.AreEqual("none", HazardDetector.NameOf(HazardState.None));
        }

        [TestMethod]
        public static void Smoke_during_the_warm_up_is_not_judged_then_counts_after_the_confirmation_time()
        {
            var twin = new SimulatedHazardDetector();
            HazardDetector detector = Digital(twin, false);
            twin.SmokePpm = 2000;
            Assert.AreEqual((int)HazardState.WarmingUp, (int)detector.Update(9999));
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(10000));
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(11999));
            Assert.AreEqual((int)HazardState.Detected, (int)detector.Update(12000));
            twin.SmokePpm = 0;
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(12100));
        }

        [TestMethod]
        public static void A_short_puff_shorter_than_the_confirmation_time_is_ignored()
        {
            var twin = new SimulatedHazardDetector();
            HazardDetector detector = Digital(twin, false);
            detector.Update(10000);
            twin.SmokePpm = 2000;
            detector.Update(11000);
            twin.SmokePpm = 0;
            detector.Update(12000);
            twin.SmokePpm = 2000;
            detector.Update(12100);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(14099), "the confirmation restarted at 12100");
            Assert.AreEqual((int)HazardState.Detected, (int)detector.Update(14100));
        }

        [TestMethod]
        public static void The_self_test_runs_at_the_end_of_the_warm_up_and_a_detector_answering_at_once_passes()
        {
            var twin = new SimulatedHazardDetector();
            HazardDetector detector = Digital(twin, true);
            Assert.IsFalse(twin.IsEnergised);
            Assert.AreEqual((int)HazardState.WarmingUp, (int)detector.Update(5000));
            Assert.AreEqual((int)HazardState.Testing, (int)detector.Update(10000));
            Assert.AreEqual(1, twin.TestPulses);
            Assert.IsFalse(twin.IsEnergised, "released once the alarm output answered");
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(10100));
            Assert.AreEqual(1, twin.TestPulses, "once per boot");
        }

        [TestMethod]
        public static void A_detector_ignoring_its_test_fails_after_strictly_more_than_the_timeout_until_a_retest_passes()
        {
            var twin = new SimulatedHazardDetector();
            twin.Fault = HazardFault.TestFails;
            HazardDetector detector = Digital(twin, true);
            detector.Update(10000);
            Assert.AreEqual((int)HazardState.Testing, (int)detector.Update(13000));
            Assert.AreEqual((int)HazardState.Fault, (int)detector.Update(13100));
            Assert.IsTrue(detector.TestFailed);
            Assert.IsFalse(twin.IsEnergised);

            detector.Retest(14000);
            Assert.AreEqual((int)HazardState.Fault, (int)detector.Update(14100), "a retest after a failure is a fault until it passes");
            Assert.IsTrue(twin.IsEnergised, "testing again");
            detector.Update(17100);
            Assert.AreEqual((int)HazardState.Fault, (int)detector.State);

            twin.Fault = HazardFault.Ok;
            detector.Retest(18000);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.State, "answered at once: passed within the call");
            Assert.IsFalse(detector.TestFailed);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(18100));
        }

        [TestMethod]
        public static void Retest_does_nothing_unless_the_last_test_failed()
        {
            var twin = new SimulatedHazardDetector();
            HazardDetector detector = Digital(twin, true);
            detector.Update(10000);
            detector.Update(10100);
            detector.Retest(11000);
            Assert.AreEqual(1, twin.TestPulses);
        }

        [TestMethod]
        public static void A_fitted_detector_without_its_port_is_a_fault()
        {
            Assert.AreEqual((int)HazardState.Fault, (int)new HazardDetector(Config(HazardConfig.Digital), null, null, null, 0).Update(10000));
            Assert.AreEqual((int)HazardState.Fault, (int)new HazardDetector(Config(HazardConfig.Analog), null, null, null, 0).Update(10000));
        }

        [TestMethod]
        public static void The_analog_sensor_alarms_strictly_above_its_threshold_after_the_confirmation_time()
        {
            var twin = new SimulatedHazardDetector();
            var detector = new HazardDetector(Config(HazardConfig.Analog), null, null, twin.Analog, 0);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(10000));
            Near(0.3086, detector.LevelV, 0.001);
            twin.SmokePpm = 700;
            detector.Update(11000);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(14000), "700 ppm is below the default 1.2 V");
            twin.SmokePpm = 1000;
            detector.Update(15000);
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(16999));
            Assert.AreEqual((int)HazardState.Detected, (int)detector.Update(17000));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public static void An_open_or_shorted_analog_sensor_is_a_fault_while_it_lasts(int fault)
        {
            var twin = new SimulatedHazardDetector();
            var detector = new HazardDetector(Config(HazardConfig.Analog), null, null, twin.Analog, 0);
            detector.Update(10000);
            twin.Fault = (HazardFault)fault;
            detector.Update(11000);
            Assert.AreEqual((int)HazardState.Fault, (int)detector.Update(13000));
            twin.Fault = HazardFault.Ok;
            Assert.AreEqual((int)HazardState.Clear, (int)detector.Update(13100));
        }

        [TestMethod]
        public static void The_config_names_a_bad_type_and_a_threshold_outside_the_fault_bands()
        {
            var config = new HazardConfig();
            config.Type = "smoke";
            config.AlarmAboveV = 2.95;
            var errors = new ConfigErrors();
            config.Validate("sensors.hazard", errors);
            Assert.AreEqual(2, errors.Count, errors.ToString());
            Assert.Contains("sensors.hazard.type", errors[0]);
            Assert.Contains("sensors.hazard.alarmAboveV: must lie between faultBelowV and faultAboveV", errors[1]);

            config = new HazardConfig();
            config.WarmUpMs = -1;
            config.FaultBelowV = double.NaN;
            errors = new ConfigErrors();
            config.Validate("sensors.hazard", errors);
            Assert.AreEqual(3, errors.Count, errors.ToString());
        }
    }
}
