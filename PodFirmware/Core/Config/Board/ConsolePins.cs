using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// <c>console</c>: the serial console's UART pins, routed to COM3 (COM1 is the USB port nanoFramework's debugger
    /// owns), and its baud rate; 8N1. Optional: a map without it has no serial console.
    /// </summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class ConsolePins
    {
        /// <summary>Default <see cref="Baud"/>.</summary>
        public const int DefaultBaud = 115200;

        /// <summary><c>rxGpio</c>: ESP32 GPIO receiving from the technician's TX line; any usable GPIO.</summary>
        public int RxGpio;

        /// <summary><c>txGpio</c>: ESP32 GPIO sending to the technician's RX line; output-capable.</summary>
        public int TxGpio;

        /// <summary><c>baud</c>: bits per second, 9600 to 921600. Default 115200.</summary>
        public int Baud = DefaultBaud;

        /// <summary>Checks the pins as <see cref="GnssPins"/> does and the baud rate; problems are named under <paramref name="keyPrefix"/>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            string problem = Esp32Gpio.Unusable(RxGpio, false);
            if (problem != null)
            {
                errors.Fail(keyPrefix + ".rxGpio", problem);
            }

            problem = Esp32Gpio.Unusable(TxGpio, true);
            if (problem != null)
            {
                errors.Fail(keyPrefix + ".txGpio", problem);
            }

            errors.Range(keyPrefix + ".baud", Baud, 9600, 921600, "");
        }
    }
}
