using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>A digital input whose level a test or the simulator sets directly (dock, plug, a mirror contact).</summary>
    /// <remarks>Not thread-safe: set it from the thread that runs the tick.</remarks>
    public sealed class SimulatedDigitalInput : IDigitalInput
    {
        /// <summary>The level <see cref="Read"/> returns; <c>true</c> means the sensed condition is active. Default <c>false</c>.</summary>
        public bool Value;

        /// <inheritdoc />
        public bool Read()
        {
            return Value;
        }
    }
}
