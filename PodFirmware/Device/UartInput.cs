using System.IO.Ports;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="ISerialInput"/> over a nanoFramework <see cref="SerialPort"/> opened 8N1 with a 1024-byte
    /// driver receive buffer (seconds of NMEA should a tick run late). Pins are routed by Program.cs first.
    /// One owner: the control tick (GNSS) or the console thread (serial console, <see cref="IConsolePort"/>).
    /// </summary>
    public sealed class UartInput : ISerialInput, IConsolePort
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baud"/>, 8N1.</summary>
        /// <param name="portName">UART name, e.g. COM2.</param>
        /// <param name="baud">Baud rate.</param>
        public UartInput(string portName, int baud)
        {
            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One);
            _port.ReadBufferSize = 1024;
            _port.Open();
        }

        /// <inheritdoc />
        public int BytesToRead { get { return _port.BytesToRead; } }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count) { return _port.Read(buffer, offset, count); }

        /// <inheritdoc />
        int IConsolePort.Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            return waiting == 0 ? 0 : _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        /// <inheritdoc />
        public void Write(string text) { _port.Write(text); }
    }
}
