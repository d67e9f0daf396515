using System;
using System.Device.Gpio;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IDigitalOutput"/> over one nanoFramework <see cref="GpioPin"/> (relay coil driver,
    /// lock solenoid driver). <c>true</c> means energised; the adapter maps that to the pin level
    /// according to <c>activeLow</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Power-up: until the constructor runs, the pin is a high-impedance input and the board's own
    /// pull resistor on the driver input decides the level, so the hardware must hold every driver
    /// off by itself (pull-down for active-high drive). The constructor then switches the pin to
    /// output and drives the de-energised level.
    /// </para>
    /// <para>
    /// The API does not allow presetting the level: on nanoFramework a write to a pin that is still
    /// an input is rejected, and switching to output drives the pin <b>low</b> before the first
    /// write (the ESP32 native code enables outputs with an initial low). For active-high wiring
    /// that low is the de-energised level, so the output never glitches. For active-low wiring the
    /// pin is energised for the few tens of microseconds between the mode switch and the write in
    /// the constructor: too short to pull in an electromechanical relay, long enough to blip a
    /// solid-state driver. Wire outputs that must never glitch (the charging relay) active-high.
    /// </para>
    /// <para>Not thread-safe: owned by the control tick, like the port.</para>
    /// </remarks>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;
        private bool _energised;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as an output and drives it de-energised.
        /// </summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">Logical GPIO number (ESP32: GPIOn is n). Must be output-capable (not 34 to 39).</param>
        /// <param name="activeLow"><c>true</c> when a low level energises the load.</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The pin is already open or reserved.</exception>
        public GpioDigitalOutput(GpioController controller, int pinNumber, bool activeLow)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber);

            // Mode first: the driver rejects writes to an input pin, and entering output mode
            // drives low (see remarks). The explicit write right after sets the de-energised level.
            _pin.SetPinMode(PinMode.Output);
            _pin.Write(LevelFor(false));
            _energised = false;
        }

        /// <summary>Energises (<c>true</c>) or de-energises (<c>false</c>) the output now.</summary>
        /// <param name="energised">The requested state.</param>
        public void Write(bool energised)
        {
            _pin.Write(LevelFor(energised));
            _energised = energised;
        }

        /// <summary>The last value written; <c>false</c> after construction.</summary>
        public bool IsEnergised
        {
            get { return _energised; }
        }

        private PinValue LevelFor(bool energised)
        {
            return (energised != _activeLow) ? PinValue.High : PinValue.Low;
        }
    }
}
