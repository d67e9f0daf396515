using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Simulated
{
    [TestClass]
    public class SimulatedNtcChannelTests
    {
        private static SimulatedNtcChannel Twin(int position)
        {
            var config = new TemperatureSensorConfig();
            config.NtcPosition = position == 1 ? TemperatureSensorConfig.HighSide : TemperatureSensorConfig.LowSide;
            return new SimulatedNtcChannel(config);
        }

        [DataRow(0, 25.0, 2048)]
        [DataRow(0, 70.0, 740)]
        [DataRow(1, 70.0, 3355)]
        [DataRow(0, 160.0, 110)]
        [TestMethod]
        public static void Quantises_the_divider_voltage_to_the_nearest_count(int position, double temperatureC, int expectedCounts)
        {
            SimulatedNtcChannel twin = Twin(position);
            twin.TemperatureC = temperatureC;
            Assert.AreEqual(expectedCounts, twin.ReadRawCounts());
            Assert.AreEqual(4095, twin.MaxRawCounts);
        }

        [TestMethod]
        public static void Clips_to_the_rails_at_extreme_temperatures()
        {
            SimulatedNtcChannel twin = Twin(0);
            twin.NoiseCounts = 5;
            twin.TemperatureC = -150.0;
            for (int i = 0; i < 50; i++)
            {
                int counts = twin.ReadRawCounts();
                Assert.IsTrue(counts >= 4080 && counts <= 4095, "cold reads " + counts.ToString());
            }

            twin.TemperatureC = 600.0;
            for (int i = 0; i < 50; i++)
            {
                int counts = twin.ReadRawCounts();
                Assert.IsTrue(counts >= 0 && counts <= 15, "hot reads " + counts.ToString());
            }
        }

        [DataRow(0, 1, 4095)]
        [DataRow(0, 2, 0)]
        [DataRow(1, 1, 0)]
        [DataRow(1, 2, 4095)]
        [TestMethod]
        public static void An_open_or_shorted_NTC_puts_the_pin_at_the_rail_its_position_gives(int position, int fault, int expectedCounts)
        {
            SimulatedNtcChannel twin = Twin(position);
            twin.Fault = (SensorStatus)fault;
            Assert.AreEqual(expectedCounts, twin.ReadRawCounts());
        }

        [TestMethod]
        public static void Stuck_repeats_the_last_reading_whatever_the_temperature_does()
        {
            SimulatedNtcChannel twin = Twin(0);
            twin.TemperatureC = 70.0;
            int before = twin.ReadRawCounts();
            twin.Fault = SensorStatus.Stuck;
            twin.TemperatureC = 25.0;
            int[] burst = new int[10];
            twin.ReadBurst(burst, burst.Length, 1000);
            for (int i = 0; i < burst.Length; i++)
            {
                Assert.AreEqual(before, burst[i]);
            }

            twin.Fault = SensorStatus.Ok;
            Assert.AreEqual(2048, twin.ReadRawCounts(), "follows the temperature again once the fault clears");
        }

        [TestMethod]
        public static void Noise_is_bounded_and_the_same_on_every_run()
        {
            SimulatedNtcChannel first = Twin(0);
            SimulatedNtcChannel second = Twin(0);
            first.NoiseCounts = 3;
            second.NoiseCounts = 3;
            bool moved = false;
            for (int i = 0; i < 200; i++)
            {
                int a = first.ReadRawCounts();
                Assert.AreEqual(a, second.ReadRawCounts(), "same sequence");
                Assert.IsTrue(a >= 2045 && a <= 2051, "within +/-3 counts of 2048: " + a.ToString());
                moved |= a != 2048;
            }

            Assert.IsTrue(moved, "the noise is not silent");
        }
    }
}
