using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// <see cref="IDigitalOutput"/> over one output line (<see cref="IPinLine"/>): <c>true</c> means
    /// energised, mapped to the line level by <c>activeLow</c>. The constructor drives the de-energised
    /// level at once, so a new output never starts energised.
    /// </summary>
    /// <remarks>
    /// The board adapter opens the pin in output mode before this constructor runs; on nanoFramework that
    /// mode switch drives the pin low, which is the off level of an active-high driver (hence outputs are
    /// wired active-high; see <c>PodFirmware/Device/README.md</c>). Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class ActiveLevelOutput : IDigitalOutput
    {
        private readonly IPinLine _line;
        private readonly bool _activeLow;
        private bool _energised;

        /// <summary>Wraps <paramref name="line"/> and drives it de-energised.</summary>
        /// <param name="line">The opened output line.</param>
        /// <param name="activeLow"><c>true</c> when a low level energises the load.</param>
        /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
        public ActiveLevelOutput(IPinLine line, bool activeLow)
        {
            if (line == null)
            {
                throw new ArgumentNullException("line");
            }

            _line = line;
            _activeLow = activeLow;
            _line.WriteLevel(LevelFor(false));
        }

        /// <summary>The last value written; <c>false</c> after construction.</summary>
        public bool IsEnergised
        {
            get { return _energised; }
        }

        /// <summary>Energises (<c>true</c>) or de-energises (<c>false</c>) the output now.</summary>
        /// <param name="energised">The requested state.</param>
        public void Write(bool energised)
        {
            _line.WriteLevel(LevelFor(energised));
            _energised = energised;
        }

        /// <summary>The line level (<c>true</c> = high) that gives <paramref name="energised"/> for a given polarity.</summary>
        /// <param name="energised">The requested state of the load.</param>
        /// <param name="activeLow"><c>true</c> when a low level energises the load.</param>
        /// <returns><c>true</c> for high.</returns>
        public static bool LevelFor(bool energised, bool activeLow)
        {
            return energised != activeLow;
        }

        private bool LevelFor(bool energised)
        {
            return LevelFor(energised, _activeLow);
        }
    }
}
