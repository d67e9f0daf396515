using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>Twin of the CP PWM generator: remembers the duty and counts the writes.</summary>
    /// <remarks>Not thread-safe.</remarks>
    public sealed class SimulatedPwmOutput : IPwmOutput
    {
        /// <summary>The last duty written, per mille (0: -12 V, 1000: +12 V).</summary>
        public int DutyPermille { get; private set; }

        /// <summary>Number of writes so far.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Sets the duty, clamped to 0..1000.</summary>
        public void WriteDutyPermille(int permille)
        {
            DutyPermille = permille < 0 ? 0 : (permille > 1000 ? 1000 : permille);
            WriteCount++;
        }
    }
}
