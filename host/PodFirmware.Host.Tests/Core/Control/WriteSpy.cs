using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>
    /// Wraps a digital output and calls <see cref="OnWrite"/> before every write reaches it, so a property sees each
    /// command the controller gives the relay coil or a lock actuator (not just the level left after a tick).
    /// </summary>
    public sealed class WriteSpy : IDigitalOutput
    {
        private readonly IDigitalOutput _inner;

        /// <summary>Spies on <paramref name="inner"/>, which still receives every write.</summary>
        public WriteSpy(IDigitalOutput inner)
        {
            _inner = inner;
        }

        /// <summary>Called with the level about to be written (true = energised), before the inner output changes.</summary>
        public Action<bool> OnWrite { get; set; }

        /// <summary>The inner output's level.</summary>
        public bool IsEnergised => _inner.IsEnergised;

        /// <summary>Reports the write, then passes it on.</summary>
        public void Write(bool energised)
        {
            OnWrite?.Invoke(energised);
            _inner.Write(energised);
        }
    }
}
