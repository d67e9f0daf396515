using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Control
{
    /// <summary>
    /// The simulated twins a healthy pod stands on, wired into <see cref="Ports"/>: relay with its mirror contact,
    /// both locks with their switches, dock sensed, plug out, the NTC at 25 °C with ADC noise, the mains at 230 V
    /// and 0 A, and an empty flash store. A rig changes a twin's value or replaces a port before it builds the controller.
    /// </summary>
    public sealed class TwinPorts
    {
        public readonly PodPorts Ports = new PodPorts();
        public readonly SimulatedRelay Relay = new SimulatedRelay();
        public readonly SimulatedLock Wheel;
        public readonly SimulatedLock Cable;
        public readonly SimulatedDigitalInput Dock = new SimulatedDigitalInput();
        public readonly SimulatedDigitalInput Plug = new SimulatedDigitalInput();
        public readonly SimulatedNtcChannel Temperature;
        public readonly SimulatedAcChannel Voltage;
        public readonly SimulatedAcChannel Current;
        public readonly MemoryBlobStore Store = new MemoryBlobStore();

        public TwinPorts(PodConfig config, VirtualClock clock)
        {
            Wheel = new SimulatedLock(clock);
            Cable = new SimulatedLock(clock);
            Dock.Value = true;
            Temperature = new SimulatedNtcChannel(config.Sensors.Temperature);
            Temperature.TemperatureC = 25.0;
            Temperature.NoiseCounts = 2;
            Voltage = new SimulatedAcChannel(config.Sensors.Voltage);
            Voltage.RmsValue = 230.0;
            Current = new SimulatedAcChannel(config.Sensors.Current);

            Ports.Relay = Relay;
            Ports.RelayFeedback = Relay.Feedback;
            Ports.WheelLock = Wheel;
            Ports.WheelLockSense = Wheel.Sense;
            Ports.CableLock = Cable;
            Ports.CableLockSense = Cable.Sense;
            Ports.DockSense = Dock;
            Ports.PlugSense = Plug;
            Ports.TemperatureChannel = Temperature;
            Ports.Mains = new SimulatedMains(Voltage, Current);
            Ports.Store = Store;
        }
    }
}
