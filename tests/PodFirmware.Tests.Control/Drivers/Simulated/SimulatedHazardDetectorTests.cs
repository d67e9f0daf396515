using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    /// <summary>The MQ-2 twin against the datasheet's figures and the board's load resistor and divider.</summary>
    [TestClass]
    public class SimulatedHazardDetectorTests
    {
        private static void Near(double expected, double actual, double tolerance)
        {
            Assert.IsTrue(Finite.AtMost(System.Math.Abs(expected - actual), tolerance), actual.ToString() + " is not within " + tolerance.ToString() + " of " + expected.ToString());
        }

        [TestMethod]
        public static void Clean_air_reads_the_datasheet_ratio_9_8_about_0_31_V_at_the_pin()
        {
            Near(98000.0, SimulatedHazardDetector.SensorOhms(0), 0.5);
            Near(0.3086, SimulatedHazardDetector.PinVolts(0), 0.001);
            var twin = new SimulatedHazardDetector();
            Assert.AreEqual(383, twin.Analog.ReadRawCounts(), "0.3086 V of 3.3 V full scale at 12 bits");
            Assert.IsFalse(twin.AlarmOutput.Read());
        }

        [TestMethod]
        [DataRow(1000, 16169, 1.2738)]
        [DataRow(10000, 6837, 1.9798)]
        public static void Smoke_follows_the_sensitivity_curve(int ppm, int ohms, double pinV)
        {
            Near(ohms, SimulatedHazardDetector.SensorOhms(ppm), 10);
            Near(pinV, SimulatedHazardDetector.PinVolts(ppm), 0.001);
        }

        [TestMethod]
        public static void The_comparator_raises_the_alarm_output_at_its_setting_and_the_test_input_forces_it()
        {
            var twin = new SimulatedHazardDetector();
            twin.SmokePpm = 799;
            Assert.IsFalse(twin.AlarmOutput.Read());
            twin.SmokePpm = 800;
            Assert.IsTrue(twin.AlarmOutput.Read());

            twin.SmokePpm = 0;
            twin.Write(true);
            Assert.IsTrue(twin.AlarmOutput.Read(), "the test input forces the alarm");
            Assert.AreEqual(1, twin.TestPulses);
            twin.Write(false);
            Assert.IsFalse(twin.AlarmOutput.Read());

            twin.Fault = HazardFault.TestFails;
            twin.Write(true);
            Assert.IsFalse(twin.AlarmOutput.Read(), "a detector that ignores its test input");
        }

        [TestMethod]
        public static void Open_reads_0_V_and_never_alarms_short_clips_at_full_scale_and_always_alarms()
        {
            var twin = new SimulatedHazardDetector();
            twin.SmokePpm = 5000;
            twin.Fault = HazardFault.Open;
            Assert.AreEqual(0, twin.Analog.ReadRawCounts());
            Assert.IsFalse(twin.AlarmOutput.Read());
            twin.Fault = HazardFault.Short;
            twin.SmokePpm = 0;
            Assert.AreEqual(4095, twin.Analog.ReadRawCounts());
            Assert.IsTrue(twin.AlarmOutput.Read());
        }
    }
}
