using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>One digital output of the board pin map (<c>{ "gpio": 26, "activeLow": false }</c>).</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class OutputPin
    {
        /// <summary><c>gpio</c>: ESP32 GPIO number; output-capable (0 to 33, not the flash pins 6 to 11, not 20, 24, 28 to 31).</summary>
        public int Gpio;

        /// <summary><c>activeLow</c>: <c>true</c> when a low level energises the load. Default false (the wiring the board wants).</summary>
        public bool ActiveLow;

        /// <summary>Creates an output pin entry.</summary>
        /// <param name="gpio">ESP32 GPIO number.</param>
        /// <param name="activeLow"><c>true</c> when a low level energises the load.</param>
        /// <returns>The entry.</returns>
        public static OutputPin Of(int gpio, bool activeLow)
        {
            OutputPin pin = new OutputPin();
            pin.Gpio = gpio;
            pin.ActiveLow = activeLow;
            return pin;
        }

        /// <summary>Checks the GPIO can drive an output; the problem is named <c>keyPrefix.gpio</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this entry, e.g. <c>outputs.relayCoil</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            string problem = Esp32Gpio.Unusable(Gpio, true);
            if (problem != null)
            {
                errors.Fail(keyPrefix + ".gpio", problem);
            }
        }
    }
}
