using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// <c>gnss</c>: the GNSS receiver's UART pins, routed to COM2. The baud rate is not here: it is the pod
    /// config's <c>position.gnssBaud</c>, the one source of truth (a <c>baud</c> key here is rejected as unknown).
    /// </summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class GnssPins
    {
        /// <summary><c>rxGpio</c>: ESP32 GPIO receiving from the GNSS TX line; any usable GPIO.</summary>
        public int RxGpio;

        /// <summary><c>txGpio</c>: ESP32 GPIO sending to the GNSS RX line; output-capable.</summary>
        public int TxGpio;

        /// <summary>Checks RX can be read and TX can drive; problems are named <c>keyPrefix.rxGpio</c> / <c>keyPrefix.txGpio</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this section, normally <c>gnss</c>.</param>
        /// <param name="errors">Collects the problems found.</param>
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
        }
    }
}
