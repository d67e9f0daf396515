using System;
using System.Device.Gpio;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IDigitalInput"/> over one nanoFramework <see cref="GpioPin"/> (relay mirror contact,
    /// lock position switch, dock sense, plug detect). <see cref="Read"/> returns <c>true</c> when the
    /// sensed condition is active; the pull and the polarity stay inside the adapter.
    /// </summary>
    /// <remarks>
    /// No debouncing and no interrupts: the value is sampled when <see cref="Read"/> is called, and
    /// filtering belongs to the caller, which knows its tick period. ESP32 GPIO34 to 39 have no
    /// internal pull resistors, so a pull mode on those pins has no effect; they need external ones.
    /// Not thread-safe: owned by the control tick, like the port.
    /// </remarks>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens <paramref name="pinNumber"/> as an input with <paramref name="pullMode"/>.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">Logical GPIO number (ESP32: GPIOn is n).</param>
        /// <param name="pullMode"><see cref="PinMode.Input"/>, <see cref="PinMode.InputPullUp"/> or <see cref="PinMode.InputPullDown"/>.</param>
        /// <param name="activeLow"><c>true</c> when a low level means the condition is active (switch to ground with a pull-up).</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="pullMode"/> is not an input mode.</exception>
        /// <exception cref="InvalidOperationException">The pin is already open or reserved.</exception>
        public GpioDigitalInput(GpioController controller, int pinNumber, PinMode pullMode, bool activeLow)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            if (pullMode != PinMode.Input && pullMode != PinMode.InputPullUp && pullMode != PinMode.InputPullDown)
            {
                throw new ArgumentException("not an input pin mode", "pullMode");
            }

            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber);
            _pin.SetPinMode(pullMode);
        }

        /// <summary>Samples the pin now; <c>true</c> when the sensed condition is active.</summary>
        /// <returns>The condition after polarity is applied.</returns>
        public bool Read()
        {
            bool high = _pin.Read() == PinValue.High;
            return high != _activeLow;
        }
    }
}
