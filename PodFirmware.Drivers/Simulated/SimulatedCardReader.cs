using System;
using PodFirmware.Drivers.Card;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>
    /// Twin of the MFRC522 reader (NXP MFRC522 datasheet rev. 3.9): an ISO/IEC 14443 A card tapped on it is in the field
    /// for <see cref="DwellMs"/> and answers every poll meanwhile with its UID of 4, 7 or 10 bytes (single, double or
    /// triple size; other lengths do not exist and are refused). A tap replaces the card in the field (the reader's
    /// anticollision selects one card; the twin holds one).
    /// </summary>
    /// <remarks>Not thread-safe: tap and poll from one thread (the host's loop).</remarks>
    public sealed class SimulatedCardReader : ICardReader
    {
        /// <summary>Default time a tapped card stays in the field, ms: a tap, not a card left lying on the reader.</summary>
        public const int DefaultDwellMs = 500;

        private readonly IClock _clock;
        private readonly byte[] _uid = new byte[CardGate.MaxUidBytes];
        private int _length;
        private long _untilMs = long.MinValue;

        /// <summary>A reader with no card, on <paramref name="clock"/>.</summary>
        public SimulatedCardReader(IClock clock)
        {
            _clock = clock;
            DwellMs = DefaultDwellMs;
        }

        /// <summary>How long a tapped card stays in the field, ms.</summary>
        public int DwellMs { get; set; }

        /// <summary>Polls answered since construction.</summary>
        public int Polls { get; private set; }

        /// <summary>Taps a card with <paramref name="uid"/> (4, 7 or 10 bytes) on the reader now.</summary>
        /// <exception cref="ArgumentException">Another UID length.</exception>
        public void Tap(byte[] uid)
        {
            if (uid == null || (uid.Length != 4 && uid.Length != 7 && uid.Length != 10))
            {
                throw new ArgumentException("an ISO 14443 A UID has 4, 7 or 10 bytes", "uid");
            }

            Array.Copy(uid, _uid, uid.Length);
            _length = uid.Length;
            _untilMs = _clock.MonotonicMs + DwellMs;
        }

        /// <inheritdoc />
        public int ReadUid(byte[] uid)
        {
            Polls++;
            if (_length == 0 || _clock.MonotonicMs >= _untilMs)
            {
                return 0;
            }

            Array.Copy(_uid, uid, _length);
            return _length;
        }
    }
}
