using nanoFramework.TestFramework;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Drivers.Sensors
{
    [TestClass]
    public class LinearCalibrationTests
    {
        [DataRow(1.0, 0.0, 16.0, 16.0)]
        [DataRow(1.1, 0.0, 20.0, 22.0)]
        [DataRow(1.0, -1.5, 25.0, 23.5)]
        [DataRow(0.98, 3.0, 230.0, 228.4)]
        [TestMethod]
        public static void Multiplies_by_gain_then_adds_offset(double gain, double offset, double measured, double expected)
        {
            var calibration = new LinearCalibration(gain, offset);
            Approx.Equal(expected, calibration.Apply(measured), 1e-9, "calibrated value");
            Assert.AreEqual(gain, calibration.Gain);
            Assert.AreEqual(offset, calibration.Offset);
        }
    }
}
