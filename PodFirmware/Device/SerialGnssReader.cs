using System;
using System.IO.Ports;
using PodFirmware.Drivers.Gnss;

namespace PodFirmware.Device
{
    /// <summary>
    /// Device-only adapter: reads whatever the GNSS receiver's UART has buffered and feeds it to an
    /// <see cref="NmeaGnssReceiver"/>. The pins (board map <c>gnss.rxGpio</c>/<c>gnss.txGpio</c>) are
    /// routed to COM2 by Program.cs before this opens the port; 8 data bits, no parity, 1 stop bit.
    /// </summary>
    /// <remarks>
    /// Call <see cref="Poll"/> from the control tick, the same thread that reads the receiver: it
    /// never blocks (reads only <see cref="SerialPort.BytesToRead"/>) and allocates nothing. At 9600
    /// baud a 100 ms tick sees at most about 96 bytes, inside the 256-byte read buffer; the driver's
    /// own receive buffer (set to 1024 bytes) holds several seconds should a tick run late.
    /// Not thread-safe.
    /// </remarks>
    public sealed class SerialGnssReader
    {
        private readonly SerialPort _port;
        private readonly NmeaGnssReceiver _receiver;
        private readonly byte[] _buffer = new byte[256];

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baud"/>, 8N1.</summary>
        /// <param name="portName">UART name, <c>COM2</c> on the reference board.</param>
        /// <param name="baud">Baud rate (config <c>position.gnssBaud</c>), 4800 to 115,200.</param>
        /// <param name="receiver">Receiver the bytes are fed to.</param>
        /// <exception cref="ArgumentNullException"><paramref name="receiver"/> is null.</exception>
        public SerialGnssReader(string portName, int baud, NmeaGnssReceiver receiver)
        {
            if (receiver == null)
            {
                throw new ArgumentNullException("receiver");
            }

            _receiver = receiver;
            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One);
            _port.ReadBufferSize = 1024;
            _port.Open();
        }

        /// <summary>Feeds every byte buffered by the UART to the receiver, stamped with <paramref name="nowMs"/>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds of this poll.</param>
        /// <returns>Number of GGA/RMC sentences accepted.</returns>
        public int Poll(long nowMs)
        {
            int accepted = 0;
            int available = _port.BytesToRead;
            while (available > 0)
            {
                int read = _port.Read(_buffer, 0, available < _buffer.Length ? available : _buffer.Length);
                if (read <= 0)
                {
                    break;
                }

                accepted += _receiver.Feed(_buffer, 0, read, nowMs);
                available -= read;
            }

            return accepted;
        }
    }
}
