using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Drivers
{
    /// <summary>
    /// The smoke / gas detector runs in the control tick and must allocate nothing: 10,000 updates of a digital detector
    /// (self-tests, alarms, retests) and of an analog one (alarms and fault bands coming and going) through the MQ-2 twin.
    /// </summary>
    [Collection(AllocationMeasurement.Name)]
    public class HazardDetectorAllocationTests
    {
        private static HazardConfig Config(string type) => new HazardConfig { Type = type, WarmUpMs = 1000, ConfirmMs = 300, TestTimeoutMs = 500 };

        [Fact]
        public void Updating_a_digital_and_an_analog_detector_10000_times_allocates_no_bytes()
        {
            var digitalTwin = new SimulatedHazardDetector();
            var analogTwin = new SimulatedHazardDetector();
            var digital = new HazardDetector(Config(HazardConfig.Digital), digitalTwin.AlarmOutput, digitalTwin, null, 0);
            var analog = new HazardDetector(Config(HazardConfig.Analog), null, null, analogTwin.Analog, 0);
            int detected = 0;
            int faults = 0;

            void Tick(int i)
            {
                long nowMs = i * 100L;
                digitalTwin.SmokePpm = (i / 40) % 3 == 1 ? 2000 : 0;
                digitalTwin.Fault = (i / 500) % 4 == 2 ? HazardFault.TestFails : HazardFault.Ok;
                analogTwin.SmokePpm = (i / 30) % 3 == 1 ? 3000 : 100;
                analogTwin.Fault = (i / 700) % 5 == 3 ? HazardFault.Open : HazardFault.Ok;
                if (i % 250 == 0)
                {
                    digital.Retest(nowMs);
                }

                detected += digital.Update(nowMs) == HazardState.Detected ? 1 : 0;
                HazardState a = analog.Update(nowMs);
                detected += a == HazardState.Detected ? 1 : 0;
                faults += a == HazardState.Fault ? 1 : 0;
            }

            for (int i = 0; i < 2000; i++)
            {
                Tick(i);
            }

            long before = AllocationWindow.Begin();
            for (int i = 2000; i < 12000; i++)
            {
                Tick(i);
            }

            long allocated = AllocationWindow.End(before);
            Assert.Equal(0L, allocated);
            Assert.True(detected > 0, "the loop saw smoke");
            Assert.True(faults > 0, "the loop saw the analog fault band");
        }
    }
}
