using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>One analog input of the board pin map (<c>{ "channel": 0, "gpio": 36 }</c>).</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class AnalogPin
    {
        /// <summary><c>channel</c>: nanoFramework logical ADC channel, ADC1 only: 0 to 7.</summary>
        public int Channel;

        /// <summary><c>gpio</c>: the GPIO behind <see cref="Channel"/>; must be that channel's own, as a check on the map.</summary>
        public int Gpio;

        /// <summary>Creates an analog pin entry.</summary>
        /// <param name="channel">Logical ADC1 channel.</param>
        /// <param name="gpio">The GPIO behind it.</param>
        /// <returns>The entry.</returns>
        public static AnalogPin Of(int channel, int gpio)
        {
            AnalogPin pin = new AnalogPin();
            pin.Channel = channel;
            pin.Gpio = gpio;
            return pin;
        }

        /// <summary>Checks the channel is on ADC1 and the GPIO is the channel's; problems are named <c>keyPrefix.channel</c> / <c>keyPrefix.gpio</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this entry, e.g. <c>adc.temperature</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            int gpio = Esp32Gpio.Adc1Gpio(Channel);
            if (gpio < 0)
            {
                errors.Fail(keyPrefix + ".channel", "must be an ADC1 channel, 0 to 7 (ADC2 cannot convert while Wi-Fi runs), is " + Channel.ToString());
            }
            else if (Gpio != gpio)
            {
                errors.Fail(keyPrefix + ".gpio", "must be " + gpio.ToString() + ", the GPIO of ADC1 channel " + Channel.ToString() + ", is " + Gpio.ToString());
            }
        }
    }
}
