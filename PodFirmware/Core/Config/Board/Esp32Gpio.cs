namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// What the ESP32 (ESP32-D0WD in an ESP32-WROOM-32 module) allows on each GPIO, and which GPIO
    /// is behind each nanoFramework ADC channel. Sources are named in this folder's README.md.
    /// </summary>
    /// <remarks>Stateless; thread-safe; allocates only the text of a reason (an unusable pin).</remarks>
    public static class Esp32Gpio
    {
        /// <summary>Highest GPIO number of the ESP32.</summary>
        public const int HighestGpio = 39;

        /// <summary>First input-only GPIO: 34 to 39 have no output driver and no internal pull resistors.</summary>
        public const int FirstInputOnlyGpio = 34;

        /// <summary>Highest nanoFramework logical ADC channel on ADC1 (0 to 7); ADC2 cannot convert while Wi-Fi runs.</summary>
        public const int HighestAdc1Channel = 7;

        /// <summary>
        /// Why <paramref name="gpio"/> cannot serve as an input (<paramref name="output"/> false) or an
        /// output (<paramref name="output"/> true), or null when it can.
        /// </summary>
        /// <param name="gpio">ESP32 GPIO number.</param>
        /// <param name="output"><c>true</c> when the pin must drive a load.</param>
        /// <returns>The reason, or null for a usable pin.</returns>
        public static string Unusable(int gpio, bool output)
        {
            if (gpio < 0 || gpio > HighestGpio || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31))
            {
                return "GPIO " + gpio.ToString() + " does not exist on the ESP32 (0 to 39 without 20, 24 and 28 to 31)";
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return "GPIO " + gpio.ToString() + " is wired to the module's SPI flash (6 to 11)";
            }

            if (output && gpio >= FirstInputOnlyGpio)
            {
                return "GPIO " + gpio.ToString() + " is input-only (34 to 39), it cannot drive an output";
            }

            return null;
        }

        /// <summary><c>true</c> when <paramref name="gpio"/> can serve as an input, or as an output when <paramref name="output"/>.</summary>
        /// <param name="gpio">ESP32 GPIO number.</param>
        /// <param name="output"><c>true</c> when the pin must drive a load.</param>
        /// <returns>Whether the pin is usable that way.</returns>
        public static bool IsUsable(int gpio, bool output)
        {
            return Unusable(gpio, output) == null;
        }

        /// <summary><c>true</c> when <paramref name="gpio"/> has internal pull-up and pull-down resistors (every usable GPIO below 34).</summary>
        /// <param name="gpio">ESP32 GPIO number, usable as an input.</param>
        /// <returns>Whether a <c>pull</c> of "up" or "down" can take effect.</returns>
        public static bool HasInternalPull(int gpio)
        {
            return gpio < FirstInputOnlyGpio;
        }

        /// <summary>
        /// The GPIO behind nanoFramework's logical ADC1 channel <paramref name="channel"/>:
        /// 0 = 36, 1 = 37, 2 = 38, 3 = 39, 4 = 32, 5 = 33, 6 = 34, 7 = 35; -1 for any other channel.
        /// </summary>
        /// <param name="channel">Logical ADC channel.</param>
        /// <returns>The GPIO number, or -1 when the channel is not on ADC1.</returns>
        public static int Adc1Gpio(int channel)
        {
            switch (channel)
            {
                case 0: return 36;
                case 1: return 37;
                case 2: return 38;
                case 3: return 39;
                case 4: return 32;
                case 5: return 33;
                case 6: return 34;
                case 7: return 35;
                default: return -1;
            }
        }
    }
}
