using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>An output that remembers what was written and how often, for tests and the simulator.</summary>
    public sealed class SimulatedDigitalOutput : IDigitalOutput
    {
        private bool _energised;

        /// <inheritdoc />
        public bool IsEnergised
        {
            get { return _energised; }
        }

        /// <summary>Number of writes that changed the output.</summary>
        public int ChangeCount { get; private set; }

        /// <inheritdoc />
        public void Write(bool energised)
        {
            if (energised != _energised)
            {
                ChangeCount++;
            }

            _energised = energised;
        }
    }
}
