using System;
using System.Text;
using PodFirmware.Core.Safety;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// The pod's command keys, each named by a key id (the envelope's <c>kid</c>): the current key, and during a
    /// rotation the previous one until <see cref="PreviousUntilUtcS"/>. A signed <c>rotate_key</c> replaces the current
    /// key (<see cref="Rotate"/>); the ring is kept on flash so a reboot does not bring an old key back
    /// (docs/mqtt-signing.md, "Key rotation").
    /// </summary>
    /// <remarks>
    /// <para>
    /// Record (blob <see cref="BlobName"/>, <see cref="RecordLength"/> bytes, little-endian):
    /// <code>
    /// 0   'C' 'K' 1 0     magic, format version, reserved
    /// 4   baseCrc         uint32, CRC-32 of the configured key (commands.keyHex) the ring grew from
    /// 8   previousUntil   int64, UTC seconds the previous key stays valid to (inclusive)
    /// 16  current slot    id length (1..16), 16 id bytes (ASCII), key length (32..64), 64 key bytes
    /// 98  previous slot   the same; id length 0 when there is none
    /// 180 crc32           uint32, CRC-32 of bytes 0 to 179
    /// </code>
    /// Written whole by one atomic <see cref="IBlobStore.Write"/> before a rotation takes effect. At boot
    /// (<see cref="Restore"/>) a valid record grown from the configured key replaces it; a record grown from another key
    /// (the pod was given a new <c>commands.keyHex</c>) is ignored, as is one that cannot be read intact
    /// (<see cref="FoundCorruptRecord"/>): the configured key then applies.
    /// </para>
    /// <para>Allocates at construction and on a rotation. Not thread-safe: one owner, the messaging side.</para>
    /// </remarks>
    public sealed class CommandKeys
    {
        /// <summary>Name of the blob holding the key ring; owned by this class.</summary>
        public const string BlobName = "command-keys";

        /// <summary>Length of the record in bytes.</summary>
        public const int RecordLength = 184;

        /// <summary>Most characters in a key id.</summary>
        public const int MaxKeyIdChars = 16;

        /// <summary>Default key id of the configured key, <c>commands.keyId</c>.</summary>
        public const string DefaultKeyId = "k1";

        /// <summary>Default time the previous key stays valid after a rotation, s (one day), <c>commands.keyGraceS</c>.</summary>
        public const int DefaultGraceS = 86400;

        /// <summary>The public demo key of <c>nf-device-config/pods/pod-demo.json</c>; a production build refuses it.</summary>
        public const string DemoKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        private static readonly byte[] DemoKey = Hex.TryDecode(DemoKeyHex);

        private readonly IBlobStore _store;
        private readonly int _graceS;
        private readonly uint _base;
        private readonly byte[] _record = new byte[RecordLength * 2];
        private string _currentId;
        private byte[] _current;
        private string _previousId;
        private byte[] _previous;
        private long _previousUntilUtcS;
        private bool _corrupt;
        private int _failures;

        /// <summary>Starts the ring with the configured key as the current one and no previous key.</summary>
        /// <param name="keyId">The configured key's id, 1 to 16 printable ASCII characters without spaces.</param>
        /// <param name="key">The configured key, 32 to 64 bytes; copied.</param>
        /// <param name="graceS">How long the previous key stays valid after a rotation, s, 0 to 2592000.</param>
        /// <param name="store">The flash the ring is kept in; null keeps it in RAM only (tests, <c>./pod sign</c>).</param>
        /// <exception cref="ArgumentException">A key or id outside its rules.</exception>
        public CommandKeys(string keyId, byte[] key, int graceS, IBlobStore store)
        {
            CommandSigner.CheckKey(key);
            if (!IsKeyId(keyId))
            {
                throw new ArgumentException("the key id must be 1 to 16 printable ASCII characters without spaces", "keyId");
            }

            _currentId = keyId;
            _current = Copy(key, 0, key.Length);
            _graceS = graceS;
            _store = store;
            _base = Crc32.Compute(key, 0, key.Length);
        }

        /// <summary>Set on a production build (boot only): a command whose key is the public demo key is refused <c>demo_key</c>. Plain field.</summary>
        public bool RefuseDemoKey;

        /// <summary>The id of the current key: the one an envelope without <c>kid</c> is checked with and the only one that may rotate.</summary>
        public string CurrentId
        {
            get { return _currentId; }
        }

        /// <summary>The id of the previous key; null when there is none.</summary>
        public string PreviousId
        {
            get { return _previousId; }
        }

        /// <summary>The previous key is valid while the pod's UTC is at or before this, UTC seconds.</summary>
        public long PreviousUntilUtcS
        {
            get { return _previousUntilUtcS; }
        }

        /// <summary><c>true</c> when the last <see cref="Restore"/> found a record it could not read intact (the configured key applies).</summary>
        public bool FoundCorruptRecord
        {
            get { return _corrupt; }
        }

        /// <summary>Store reads and writes that threw, since construction.</summary>
        public int StoreFailureCount
        {
            get { return _failures; }
        }

        /// <summary>
        /// The key named <paramref name="keyId"/> at <paramref name="nowUtcS"/> (null names the current key): the current
        /// key, or the previous one until its grace ends; null when none is valid. Allocates nothing.
        /// </summary>
        public byte[] Find(string keyId, long nowUtcS)
        {
            if (keyId == null || keyId == _currentId)
            {
                return _current;
            }

            return keyId == _previousId && nowUtcS <= _previousUntilUtcS ? _previous : null;
        }

        /// <summary><c>true</c> when <paramref name="key"/> is the public demo key (<see cref="DemoKeyHex"/>).</summary>
        public static bool IsDemoKey(byte[] key)
        {
            return CommandAuthenticator.FixedTimeEquals(key, DemoKey);
        }

        /// <summary>
        /// Boot: replaces the configured key with the ring kept on flash when that ring grew from the configured key
        /// (see the class remarks). Call it before the first verification.
        /// </summary>
        public void Restore()
        {
            _corrupt = false;
            int length = -1;
            try
            {
                if (_store != null)
                {
                    length = _store.Read(BlobName, _record);
                }
            }
            catch (Exception)
            {
                _failures++;
                length = -2;
            }

            // Only this class writes the record, whole and valid: an intact checksum means intact fields.
            byte[] r = _record;
            if (length == -1)
            {
                return;
            }

            if (length != RecordLength || r[0] != (byte)'C' || r[1] != (byte)'K' || r[2] != 1 ||
                (uint)OutboxRecordFormat.ReadInt32(r, 180) != Crc32.Compute(r, 0, 180))
            {
                _corrupt = true;
                return;
            }

            if ((uint)OutboxRecordFormat.ReadInt32(r, 4) == _base)
            {
                _currentId = ReadId(16);
                _current = Copy(r, 34, r[33]);
                _previousId = r[98] == 0 ? null : ReadId(98);
                _previous = Copy(r, 116, r[115]);
                _previousUntilUtcS = OutboxRecordFormat.ReadInt64(r, 8);
            }
        }

        /// <summary>
        /// Applies a verified <c>rotate_key</c>: the key it carries (wrapped, see <see cref="Wrap"/>) becomes the current
        /// key under its id, and the current key the previous one, valid for the grace time from <paramref name="nowUtcS"/>.
        /// The ring is written to flash first; nothing changes when that fails.
        /// </summary>
        /// <param name="command">The verified command (type <see cref="CommandType.RotateKey"/>).</param>
        /// <param name="signedWithId">The id of the key that verified it (<see cref="CommandAuthenticator.LastKeyId"/>).</param>
        /// <param name="nowUtcS">The pod's UTC, seconds.</param>
        /// <returns><see cref="CommandResultCode.Ok"/>; <see cref="CommandResultCode.KeyRejected"/> when it was not signed
        /// with the current key, the id is one the ring holds, or the key is the demo key;
        /// <see cref="CommandResultCode.KeyStoreFailed"/> when the ring could not be written.</returns>
        public CommandResultCode Rotate(Command command, string signedWithId, long nowUtcS)
        {
            string id = command.NewKeyId;
            byte[] key = Wrap(_current, command.Nonce, Hex.TryDecode(command.WrappedKey));
            if (signedWithId != _currentId || id == _currentId || id == _previousId || IsDemoKey(key))
            {
                return CommandResultCode.KeyRejected;
            }

            byte[] r = _record;
            Array.Clear(r, 0, r.Length);
            r[0] = (byte)'C';
            r[1] = (byte)'K';
            r[2] = 1;
            OutboxRecordFormat.WriteInt32(r, 4, (int)_base);
            OutboxRecordFormat.WriteInt64(r, 8, nowUtcS + _graceS);
            WriteSlot(16, id, key);
            WriteSlot(98, _currentId, _current);
            OutboxRecordFormat.WriteInt32(r, 180, (int)Crc32.Compute(r, 0, 180));
            try
            {
                if (_store != null)
                {
                    _store.Write(BlobName, r, RecordLength);
                }
            }
            catch (Exception)
            {
                _failures++;
                return CommandResultCode.KeyStoreFailed;
            }

            _previousId = _currentId;
            _previous = _current;
            _previousUntilUtcS = nowUtcS + _graceS;
            _currentId = id;
            _current = key;
            return CommandResultCode.Ok;
        }

        /// <summary>
        /// Wraps (or unwraps: the same operation) a new key for <c>rotate_key</c>: <paramref name="data"/> XOR the stream
        /// HMAC-SHA256(<paramref name="signingKey"/>, "pod-key-wrap:" + nonce + ":0") followed by the same with ":1".
        /// The command's nonce is single-use, so no stream is used twice under one key.
        /// </summary>
        /// <param name="signingKey">The key that signs the <c>rotate_key</c> command (the pod's current key).</param>
        /// <param name="nonce">The command's nonce.</param>
        /// <param name="data">The new key, or the wrapped one; at most 64 bytes.</param>
        /// <returns>A new array of <paramref name="data"/>'s length.</returns>
        public static byte[] Wrap(byte[] signingKey, string nonce, byte[] data)
        {
            var result = new byte[data.Length];
            for (int block = 0; block * CommandSigner.SignatureBytes < data.Length; block++)
            {
                byte[] bytes = Encoding.UTF8.GetBytes("pod-key-wrap:" + nonce + ":" + block.ToString());
                byte[] stream = CommandSigner.ComputeSignature(signingKey, bytes, bytes.Length);
                for (int i = 0; i < stream.Length && (block * stream.Length) + i < data.Length; i++)
                {
                    int at = (block * stream.Length) + i;
                    result[at] = (byte)(data[at] ^ stream[i]);
                }
            }

            return result;
        }

        /// <summary><c>true</c> when <paramref name="text"/> is a key id: 1 to 16 printable ASCII characters without spaces.</summary>
        public static bool IsKeyId(string text)
        {
            return text != null && CommandAuthenticator.IsPrintableAscii(text, 1, MaxKeyIdChars);
        }

        private string ReadId(int at)
        {
            var chars = new char[_record[at]];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)_record[at + 1 + i];
            }

            return new string(chars);
        }

        private void WriteSlot(int at, string id, byte[] key)
        {
            _record[at] = (byte)id.Length;
            for (int i = 0; i < id.Length; i++)
            {
                _record[at + 1 + i] = (byte)id[i];
            }

            _record[at + 17] = (byte)key.Length;
            Array.Copy(key, 0, _record, at + 18, key.Length);
        }

        private static byte[] Copy(byte[] source, int offset, int length)
        {
            if (length == 0)
            {
                return null;
            }

            var copy = new byte[length];
            Array.Copy(source, offset, copy, 0, length);
            return copy;
        }
    }
}
