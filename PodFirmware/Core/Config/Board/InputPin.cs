using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>One digital input of the board pin map (<c>{ "gpio": 32, "activeLow": true, "pull": "up" }</c>).</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class InputPin
    {
        /// <summary>The <see cref="Pull"/> value that enables the internal pull-up.</summary>
        public const string PullUp = "up";

        /// <summary>The <see cref="Pull"/> value that enables the internal pull-down.</summary>
        public const string PullDown = "down";

        /// <summary>The <see cref="Pull"/> value for no internal pull (an external resistor, or GPIO 34 to 39).</summary>
        public const string PullNone = "none";

        /// <summary><c>gpio</c>: ESP32 GPIO number; 0 to 39, not the flash pins 6 to 11, not 20, 24, 28 to 31.</summary>
        public int Gpio;

        /// <summary><c>activeLow</c>: <c>true</c> when a low level means the condition is active (a contact to ground).</summary>
        public bool ActiveLow;

        /// <summary><c>pull</c>: internal pull resistor, exactly <c>"up"</c>, <c>"down"</c> or <c>"none"</c>; required (no default). GPIO 34 to 39 have none, so only <c>"none"</c> there.</summary>
        public string Pull;

        /// <summary>Creates an input pin entry.</summary>
        /// <param name="gpio">ESP32 GPIO number.</param>
        /// <param name="activeLow"><c>true</c> when a low level means active.</param>
        /// <param name="pull">"up", "down" or "none".</param>
        /// <returns>The entry.</returns>
        public static InputPin Of(int gpio, bool activeLow, string pull)
        {
            InputPin pin = new InputPin();
            pin.Gpio = gpio;
            pin.ActiveLow = activeLow;
            pin.Pull = pull;
            return pin;
        }

        /// <summary>Checks the GPIO can be read and the pull is known and available on it; problems are named <c>keyPrefix.gpio</c> / <c>keyPrefix.pull</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this entry, e.g. <c>inputs.dockSense</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            string problem = Esp32Gpio.Unusable(Gpio, false);
            if (problem != null)
            {
                errors.Fail(keyPrefix + ".gpio", problem);
            }

            if (Pull != PullUp && Pull != PullDown && Pull != PullNone)
            {
                errors.Fail(keyPrefix + ".pull", "must be \"up\", \"down\" or \"none\", is " + (Pull == null ? "null" : "\"" + Pull + "\""));
            }
            else if (problem == null && Pull != PullNone && !Esp32Gpio.HasInternalPull(Gpio))
            {
                errors.Fail(keyPrefix + ".pull", "must be \"none\" on GPIO " + Gpio.ToString() + ": GPIO 34 to 39 have no internal pull resistors (fit an external one)");
            }
        }
    }
}
