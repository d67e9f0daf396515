using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// A charging relay for tests and the simulator: the coil is an <see cref="IDigitalOutput"/> (energised = contacts
    /// closed) and <see cref="Feedback"/> is its mirror contact, which reads the main contacts. <see cref="Fault"/>
    /// makes the contacts weld or refuse to close. The contacts switch at once: release time is the firmware's
    /// settle-time concern, not the twin's.
    /// </summary>
    /// <remarks>Not thread-safe: use it from the thread that runs the tick.</remarks>
    public sealed class SimulatedRelay : IDigitalOutput
    {
        private readonly MirrorInput _mirror;
        private bool _energised;

        /// <summary>A healthy relay with its coil de-energised (contacts open).</summary>
        public SimulatedRelay()
        {
            _mirror = new MirrorInput(this);
        }

        /// <summary>The fault the relay has now; <see cref="RelayFault.Ok"/> by default. May change at any time.</summary>
        public RelayFault Fault;

        /// <inheritdoc />
        public bool IsEnergised
        {
            get { return _energised; }
        }

        /// <summary>
        /// <c>true</c> when the main contacts are closed: the coil is energised and the relay is healthy, or the
        /// contacts are welded. The host simulator lets the vehicle draw current only then.
        /// </summary>
        public bool ContactsClosed
        {
            get
            {
                if (Fault == RelayFault.StuckClosed)
                {
                    return true;
                }

                return Fault == RelayFault.Ok && _energised;
            }
        }

        /// <summary>The mirror contact: reads <c>true</c> while <see cref="ContactsClosed"/>.</summary>
        public IDigitalInput Feedback
        {
            get { return _mirror; }
        }

        /// <inheritdoc />
        public void Write(bool energised)
        {
            _energised = energised;
        }

        private sealed class MirrorInput : IDigitalInput
        {
            private readonly SimulatedRelay _relay;

            public MirrorInput(SimulatedRelay relay)
            {
                _relay = relay;
            }

            public bool Read()
            {
                return _relay.ContactsClosed;
            }
        }
    }
}
