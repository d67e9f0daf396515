using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Gnss
{
    /// <summary>
    /// Feeds what the GNSS receiver's UART has buffered (<see cref="ISerialInput"/>) to an
    /// <see cref="NmeaGnssReceiver"/>, in chunks of at most <see cref="ChunkBytes"/>, without blocking.
    /// </summary>
    /// <remarks>
    /// Call <see cref="Poll"/> from the control tick, the thread that reads the receiver. It reads only what
    /// <see cref="ISerialInput.BytesToRead"/> reported when the poll began (bytes arriving meanwhile wait for
    /// the next poll, so a chattering line cannot hold the tick), stops early when a read returns nothing,
    /// and allocates nothing. At 9600 baud a 100 ms tick sees about 96 bytes. Not thread-safe.
    /// </remarks>
    public sealed class SerialGnssFeed
    {
        /// <summary>Largest number of bytes read from the UART in one call.</summary>
        public const int ChunkBytes = 256;

        private readonly ISerialInput _input;
        private readonly NmeaGnssReceiver _receiver;
        private readonly byte[] _buffer = new byte[ChunkBytes];

        /// <summary>Feeds <paramref name="input"/> to <paramref name="receiver"/>.</summary>
        /// <param name="input">The opened UART.</param>
        /// <param name="receiver">The receiver the bytes are fed to.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public SerialGnssFeed(ISerialInput input, NmeaGnssReceiver receiver)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            if (receiver == null)
            {
                throw new ArgumentNullException("receiver");
            }

            _input = input;
            _receiver = receiver;
        }

        /// <summary>The receiver the bytes go to.</summary>
        public NmeaGnssReceiver Receiver
        {
            get { return _receiver; }
        }

        /// <summary>Feeds every byte buffered by the UART to the receiver, stamped with <paramref name="nowMs"/>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds of this poll.</param>
        /// <returns>Number of GGA/RMC sentences accepted.</returns>
        public int Poll(long nowMs)
        {
            int accepted = 0;
            int available = _input.BytesToRead;

            while (available > 0)
            {
                int read = _input.Read(_buffer, 0, available < ChunkBytes ? available : ChunkBytes);

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
