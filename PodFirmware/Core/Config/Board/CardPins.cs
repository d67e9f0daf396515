using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// Board map section <c>card</c>: the MFRC522 RFID reader on SPI bus 1 (routed through the GPIO matrix, so any
    /// output-capable GPIOs serve; MISO may be input-only). Optional: null on a board without a reader.
    /// </summary>
    public sealed class CardPins
    {
        /// <summary><c>csGpio</c>: chip select (the MFRC522's NSS), output.</summary>
        public int CsGpio;

        /// <summary><c>sckGpio</c>: SPI clock, output.</summary>
        public int SckGpio;

        /// <summary><c>mosiGpio</c>: data to the reader, output.</summary>
        public int MosiGpio;

        /// <summary><c>misoGpio</c>: data from the reader, input.</summary>
        public int MisoGpio;

        /// <summary><c>resetGpio</c>: the reader's NRSTPD, output; -1 when it is tied high (the driver then resets by command). Default -1.</summary>
        public int ResetGpio = -1;

        /// <summary>Checks each pin can do its job; problems are named <c>keyPrefix.csGpio</c> etc.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            Check(errors, keyPrefix + ".csGpio", CsGpio, true);
            Check(errors, keyPrefix + ".sckGpio", SckGpio, true);
            Check(errors, keyPrefix + ".mosiGpio", MosiGpio, true);
            Check(errors, keyPrefix + ".misoGpio", MisoGpio, false);
            if (ResetGpio != -1)
            {
                Check(errors, keyPrefix + ".resetGpio", ResetGpio, true);
            }
        }

        private static void Check(ConfigErrors errors, string key, int gpio, bool output)
        {
            string problem = Esp32Gpio.Unusable(gpio, output);
            if (problem != null)
            {
                errors.Fail(key, problem);
            }
        }
    }
}
