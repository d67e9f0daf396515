using System;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;
using Xunit;
using PodFirmware.Host.Tests.Support;

namespace PodFirmware.Host.Tests.Drivers
{
    /// <summary>
    /// The control tick samples every sensor and must allocate nothing in steady state (the
    /// nanoFramework GC stops the world). Measured on the host with the thread's allocation counter,
    /// through the simulated twins so the whole conversion chain runs.
    /// </summary>
    [Collection(AllocationMeasurement.Name)]
    public class SensorAllocationTests
    {
        private sealed class Rig
        {
            public readonly SimulatedNtcChannel Ntc;
            public readonly SimulatedAcChannel CurrentChannel;
            public readonly SimulatedAcChannel VoltageChannel;
            public readonly TemperatureSensor Temperature;
            public readonly CurrentSensor Current;
            public readonly VoltageSensor Voltage;
            public long NowMs;

            public Rig()
            {
                var temperatureConfig = new TemperatureSensorConfig();
                var currentConfig = new CurrentSensorConfig();
                var voltageConfig = new VoltageSensorConfig();
                Ntc = new SimulatedNtcChannel(temperatureConfig) { NoiseCounts = 2 };
                CurrentChannel = new SimulatedAcChannel(currentConfig);
                VoltageChannel = new SimulatedAcChannel(voltageConfig);
                Temperature = new TemperatureSensor(Ntc, temperatureConfig);
                Current = new CurrentSensor(CurrentChannel, currentConfig);
                Voltage = new VoltageSensor(VoltageChannel, voltageConfig);
            }

            /// <summary>One control tick's worth of sampling, with inputs that move and faults that come and go.</summary>
            public void Tick(int i)
            {
                NowMs += 100;
                Ntc.TemperatureC = 30.0 + (i % 400) * 0.1;
                CurrentChannel.RmsValue = (i / 50) % 2 == 1 ? 16.0 : 0.0;
                VoltageChannel.RmsValue = 230.0;
                CurrentChannel.Fault = i % 997 == 5 ? SensorStatus.Open : SensorStatus.Ok;
                Ntc.Fault = i % 1009 == 7 ? SensorStatus.Short : SensorStatus.Ok;
                Temperature.Sample(NowMs, true);
                Current.Sample(NowMs, true);
                Voltage.Sample(NowMs, true);
            }
        }

        [Fact]
        public void Sampling_all_three_sensors_10000_times_allocates_no_bytes()
        {
            var rig = new Rig();
            for (int i = 0; i < 2000; i++)
            {
                rig.Tick(i);
            }

            long before = AllocationWindow.Begin();
            for (int i = 0; i < 10000; i++)
            {
                rig.Tick(i);
            }

            long allocated = AllocationWindow.End(before);

            Assert.Equal(0L, allocated);

            // The loop did real work: the last tick read 16 A (i = 9999 is in an "on" block), 230 V and 69.9 degC.
            Assert.Equal(SensorStatus.Ok, rig.Current.Status);
            Assert.InRange(rig.Current.CurrentA, 15.84, 16.16);
            Assert.Equal(SensorStatus.Ok, rig.Voltage.Status);
            Assert.InRange(rig.Voltage.VoltageV, 227.7, 232.3);
            Assert.Equal(SensorStatus.Ok, rig.Temperature.Status);
            Assert.InRange(rig.Temperature.TemperatureC, 68.9, 70.9);
        }

        [Fact]
        public void The_probe_sees_a_single_small_allocation()
        {
            long before = AllocationWindow.Begin();
            int[] one = new int[1];
            long allocated = AllocationWindow.End(before);
            GC.KeepAlive(one);
            Assert.True(allocated > 0, "a 1-element array must register, or the zero above proves nothing");
        }
    }
}
