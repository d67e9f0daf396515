using System;
using PodFirmware.Core.Safety;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// Keeps a <see cref="CommandAuthenticator"/>'s replay protection across reboots. The authenticator's memory of
    /// accepted ids and nonces lives in RAM; this class persists the newest <c>ts</c> it ever accepted and, at boot,
    /// makes that the replay horizon, so no command accepted before the reboot can be accepted again.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Record (blob <see cref="BlobName"/>, 16 bytes, little-endian, checksummed like the fault latch):
    /// <code>
    /// 0  'R' 'H'        magic
    /// 2  1              format version
    /// 3  0              reserved
    /// 4  newestTsUtcS   int64, the newest ts accepted, UTC seconds
    /// 12 crc32          uint32, CRC-32 of bytes 0 to 11
    /// </code>
    /// Written only when an accepted command is newer than the record (commands are rare, so the flash is not worn),
    /// by one atomic <see cref="IBlobStore.Write"/> (the adapters replace a blob whole or not at all).
    /// </para>
    /// <para>
    /// At boot (<see cref="Restore"/>, before any command is verified):
    /// a valid record sets the horizon to its ts; no record (a new pod, or one that never accepted a command) sets
    /// none; a record that cannot be read intact (wrong length, magic, version or checksum, or a failing store) fails
    /// safe: once the pod's UTC is known (<see cref="OnClock"/>), the horizon becomes that time plus the authenticator's
    /// window, because any command accepted before the reboot had a ts of at most its arrival time plus the window. Signed
    /// commands are then refused <c>replayed</c> for up to one window after such a boot.
    /// </para>
    /// <para>
    /// A failed write is counted in <see cref="StoreFailureCount"/> and the command still stands (it was verified);
    /// the next accepted command writes again. Until then, a reboot would forget that command's ts.
    /// </para>
    /// <para>Allocates only at construction. Not thread-safe: one owner, the messaging side.</para>
    /// </remarks>
    public sealed class ReplayHorizonStore
    {
        /// <summary>Name of the blob holding the record; owned by this class.</summary>
        public const string BlobName = "replay-horizon";

        /// <summary>Length of the record in bytes.</summary>
        public const int RecordLength = 16;

        private const byte Version = 1;

        private readonly IBlobStore _store;
        private readonly CommandAuthenticator _authenticator;

        // Twice the record, so a longer blob is seen as too long rather than cut to a valid-looking prefix.
        private readonly byte[] _record = new byte[RecordLength * 2];

        private bool _hasPersisted;
        private long _persistedUtcS;
        private bool _awaitingClock;

        /// <summary>Binds the store to the authenticator whose horizon it keeps. Call <see cref="Restore"/> at boot.</summary>
        /// <param name="store">The messaging side's flash; this class owns the blob <see cref="BlobName"/> in it.</param>
        /// <param name="authenticator">The authenticator that verifies commands.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public ReplayHorizonStore(IBlobStore store, CommandAuthenticator authenticator)
        {
            if (store == null || authenticator == null)
            {
                throw new ArgumentNullException(store == null ? "store" : "authenticator");
            }

            _store = store;
            _authenticator = authenticator;
        }

        /// <summary><c>true</c> when the last <see cref="Restore"/> found no record (nothing accepted before, or a new pod).</summary>
        public bool FoundNoRecord { get; private set; }

        /// <summary><c>true</c> when the last <see cref="Restore"/> found a record it could not read intact; the fail-safe horizon applies.</summary>
        public bool FoundCorruptRecord { get; private set; }

        /// <summary><c>true</c> while the fail-safe horizon waits for the pod's UTC (<see cref="OnClock"/>).</summary>
        public bool AwaitingClock
        {
            get { return _awaitingClock; }
        }

        /// <summary><c>true</c> when a newest accepted ts is known (restored or written).</summary>
        public bool HasNewestAccepted
        {
            get { return _hasPersisted; }
        }

        /// <summary>The newest accepted ts known, UTC seconds; meaningful when <see cref="HasNewestAccepted"/>.</summary>
        public long NewestAcceptedUtcS
        {
            get { return _persistedUtcS; }
        }

        /// <summary>Store reads and writes that threw, since construction.</summary>
        public int StoreFailureCount { get; private set; }

        /// <summary>
        /// Boot: reads the record and raises the authenticator's horizon to the newest ts accepted before the reboot, or
        /// arms the fail-safe horizon when the record is not intact (see the class remarks). Call it before the first
        /// <see cref="CommandAuthenticator.Verify"/>.
        /// </summary>
        public void Restore()
        {
            FoundNoRecord = false;
            FoundCorruptRecord = false;
            _awaitingClock = false;
            int length;
            try
            {
                length = _store.Read(BlobName, _record);
            }
            catch (Exception)
            {
                StoreFailureCount++;
                length = -2;
            }

            if (length == -1)
            {
                FoundNoRecord = true;
                return;
            }

            if (length != RecordLength || _record[0] != (byte)'R' || _record[1] != (byte)'H' || _record[2] != Version ||
                (uint)OutboxRecordFormat.ReadInt32(_record, 12) != Crc32.Compute(_record, 0, 12))
            {
                FoundCorruptRecord = true;
                _awaitingClock = true;
                return;
            }

            _persistedUtcS = OutboxRecordFormat.ReadInt64(_record, 4);
            _hasPersisted = true;
            _authenticator.SetReplayHorizon(_persistedUtcS);
        }

        /// <summary>
        /// Tells the store the pod's UTC is valid and is <paramref name="nowUtcS"/>. After a boot that found a corrupt
        /// record, the first call raises the horizon to <paramref name="nowUtcS"/> plus the authenticator's window;
        /// otherwise it does nothing. Call it before verifying each command. Allocates nothing.
        /// </summary>
        /// <param name="nowUtcS">The pod's UTC, seconds since 1970-01-01; only call with a valid clock.</param>
        public void OnClock(long nowUtcS)
        {
            if (_awaitingClock)
            {
                _authenticator.SetReplayHorizon(nowUtcS + _authenticator.WindowS);
                _awaitingClock = false;
            }
        }

        /// <summary>
        /// Records that a command with <paramref name="tsUtcS"/> was accepted: writes the record when that ts is newer than
        /// the one persisted. Allocates nothing; a store failure is counted, never thrown.
        /// </summary>
        /// <param name="tsUtcS">The accepted command's ts, UTC seconds.</param>
        public void Accepted(long tsUtcS)
        {
            if (_hasPersisted && tsUtcS <= _persistedUtcS)
            {
                return;
            }

            _record[0] = (byte)'R';
            _record[1] = (byte)'H';
            _record[2] = Version;
            _record[3] = 0;
            OutboxRecordFormat.WriteInt64(_record, 4, tsUtcS);
            OutboxRecordFormat.WriteInt32(_record, 12, (int)Crc32.Compute(_record, 0, 12));
            try
            {
                _store.Write(BlobName, _record, RecordLength);
            }
            catch (Exception)
            {
                StoreFailureCount++;
                return;
            }

            _persistedUtcS = tsUtcS;
            _hasPersisted = true;
        }
    }
}
