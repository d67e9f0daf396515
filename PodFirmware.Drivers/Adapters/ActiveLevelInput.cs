using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// <see cref="IDigitalInput"/> over one input line (<see cref="IPinLine"/>): <see cref="Read"/> is
    /// <c>true</c> when the sensed condition is active, the line level mapped by <c>activeLow</c> (a contact
    /// to ground with a pull-up is active-low).
    /// </summary>
    /// <remarks>
    /// No debouncing: the line is sampled when <see cref="Read"/> is called, and filtering belongs to the
    /// caller, which knows its tick period. Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class ActiveLevelInput : IDigitalInput
    {
        private readonly IPinLine _line;
        private readonly bool _activeLow;

        /// <summary>Wraps <paramref name="line"/>.</summary>
        /// <param name="line">The opened input line (pull already set by the board adapter).</param>
        /// <param name="activeLow"><c>true</c> when a low level means the condition is active.</param>
        /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
        public ActiveLevelInput(IPinLine line, bool activeLow)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            _line = line;
            _activeLow = activeLow;
        }

        /// <summary>Samples the line now; <c>true</c> when the sensed condition is active.</summary>
        /// <returns>The condition after the polarity is applied.</returns>
        public bool Read()
        {
            return _line.ReadLevel() != _activeLow;
        }
    }
}
