using System.Device.Gpio;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IPinLine"/> over one nanoFramework <see cref="GpioPin"/>, opened in <c>mode</c>. Polarity
    /// lives in the portable ActiveLevelOutput / ActiveLevelInput. Control tick only.
    /// </summary>
    public sealed class GpioLine : IPinLine
    {
        private readonly GpioPin _pin;

        /// <summary>Opens GPIO <paramref name="pinNumber"/> and sets <paramref name="mode"/>.</summary>
        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pinNumber">ESP32 GPIO number.</param>
        /// <param name="mode">Output, Input, InputPullUp or InputPullDown. Entering Output drives the pin low.</param>
        public GpioLine(GpioController controller, int pinNumber, PinMode mode)
        {
            _pin = controller.OpenPin(pinNumber);
            _pin.SetPinMode(mode);
        }

        /// <summary>Drives the pin high or low.</summary>
        /// <param name="high"><c>true</c> for high.</param>
        public void WriteLevel(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>Samples the pin; <c>true</c> when high.</summary>
        /// <returns>The level.</returns>
        public bool ReadLevel()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
