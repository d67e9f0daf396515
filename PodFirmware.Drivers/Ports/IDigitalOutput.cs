namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// One digital output (relay coil, lock solenoid). <c>true</c> means energised; every
    /// adapter must start de-energised so that boot leaves the hardware in its safe state.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IDigitalOutput
    {
        /// <summary>Energises (<c>true</c>) or de-energises (<c>false</c>) the output.</summary>
        void Write(bool energised);

        /// <summary>The last value written; <c>false</c> before the first write.</summary>
        bool IsEnergised { get; }
    }
}
