using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// Every port the control tick drives or reads, handed over by the composition root (the device
    /// Program from the board pin map; the host's VirtualPod from simulated twins). Optional hardware
    /// is null when the board does not have it.
    /// </summary>
    /// <remarks>Filled once before the controller is built; not read again after construction.</remarks>
    public sealed class PodPorts
    {
        /// <summary>ADC channel of the connector NTC divider. Required.</summary>
        public IAnalogChannel TemperatureChannel;

        /// <summary>The mains voltage and charging current ADC inputs, sampled together in one interleaved burst. Required.</summary>
        public IMainsSampler Mains;

        /// <summary>Charging relay coil; energised means closed. Required.</summary>
        public IDigitalOutput Relay;

        /// <summary>Relay mirror contact, true while the contacts are closed; null when the board has none.</summary>
        public IDigitalInput RelayFeedback;

        /// <summary>Wheel lock actuator; energised releases the lock. Required.</summary>
        public IDigitalOutput WheelLock;

        /// <summary>Wheel lock position switch, true at the locked position. Required.</summary>
        public IDigitalInput WheelLockSense;

        /// <summary>Cable lock actuator; energised releases the lock. Required.</summary>
        public IDigitalOutput CableLock;

        /// <summary>Cable lock position switch, true at the locked position. Required.</summary>
        public IDigitalInput CableLockSense;

        /// <summary>Dock sense, true while the pod is latched to a lamp post. Required.</summary>
        public IDigitalInput DockSense;

        /// <summary>Plug detection, true while a plug sits in the connector. Required.</summary>
        public IDigitalInput PlugSense;

        /// <summary>Vehicle presence (ultrasonic or loop sensor), true while a vehicle stands in the space; null when none is fitted.</summary>
        public IDigitalInput VehicleSense;

        /// <summary>Residual-current monitor (RDC-DD) fault output, true while it reports a leak or answers its test; null when none is fitted (then <see cref="RcdTest"/> is null too).</summary>
        public IDigitalInput RcdFault;

        /// <summary>Residual-current monitor test input; energised simulates a leak. Null when none is fitted.</summary>
        public IDigitalOutput RcdTest;

        /// <summary>GNSS position; null when the pod has no receiver.</summary>
        public IPositionSource Position;

        /// <summary>
        /// Control pilot generator (1 kHz PWM, ±12 V stage); null on a pod without a pilot, which then closes the relay
        /// for a session without asking the EV (no CP, no PP). With it, <see cref="PilotChannel"/> and
        /// <see cref="ProximityChannel"/> are required.
        /// </summary>
        public IPwmOutput PilotOutput;

        /// <summary>ADC1 channel of the CP sense divider; required with <see cref="PilotOutput"/>.</summary>
        public IAnalogChannel PilotChannel;

        /// <summary>ADC1 channel of the PP sense (the cable's coding resistor); required with <see cref="PilotOutput"/> unless the cable is tethered.</summary>
        public IAnalogChannel ProximityChannel;

        /// <summary>Smoke / gas detector's digital alarm output, true while it reports smoke or gas (or answers its test); null when none is wired.</summary>
        public IDigitalInput HazardAlarm;

        /// <summary>Smoke / gas detector's test input, energised forces its alarm output; null when the detector offers none.</summary>
        public IDigitalOutput HazardTest;

        /// <summary>ADC1 channel of an analog smoke / gas sensor; null when none is wired.</summary>
        public IAnalogChannel HazardChannel;

        /// <summary>Persistent store for the fault latch. Required.</summary>
        public IBlobStore Store;

        /// <summary>RFID card reader at the pod; null when none is fitted. The tick never reads it: the messaging thread polls it (<c>CardDesk</c>).</summary>
        public ICardReader CardReader;
    }
}
