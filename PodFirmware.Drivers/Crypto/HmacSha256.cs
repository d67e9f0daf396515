using System;

namespace PodFirmware.Drivers.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) of part of an array into a caller's buffer, allocating nothing
    /// after construction. The runtime's <c>HMACSHA256.HashData</c> takes a whole array and returns a new one, so
    /// verifying a command of any length through it allocated an exact copy of the command and the 32-byte result.
    /// </summary>
    /// <remarks>
    /// Gives the same bytes as <c>HMACSHA256.HashData(key, data[0..length])</c> (host tests compare them and check the
    /// RFC 4231 vectors). Keys of 1 to 64 bytes (the command key is 32 to 64; a longer key would be hashed first,
    /// which this class does not do). Working memory: about 450 bytes, allocated here.
    /// Not thread-safe: one owner (the command authenticator).
    /// </remarks>
    public sealed class HmacSha256
    {
        /// <summary>Bytes of the result.</summary>
        public const int HashBytes = 32;

        private const int BlockBytes = 64;

        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _state = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockBytes];
        private readonly byte[] _pad = new byte[BlockBytes];
        private readonly byte[] _inner = new byte[HashBytes];
        private int _blockCount;
        private long _totalBytes;

        /// <summary>
        /// Writes HMAC-SHA256 under <paramref name="key"/> of the first <paramref name="length"/> bytes of
        /// <paramref name="data"/> into <paramref name="output"/> from index 0. Allocates nothing.
        /// </summary>
        /// <param name="key">1 to 64 bytes, used whole.</param>
        /// <param name="data">The message in its first <paramref name="length"/> bytes.</param>
        /// <param name="length">Message bytes, 0 to <c>data.Length</c>.</param>
        /// <param name="output">Receives the <see cref="HashBytes"/> result; at least that long.</param>
        /// <exception cref="ArgumentException">When the key, the length or the output is outside those bounds.</exception>
        public void Compute(byte[] key, byte[] data, int length, byte[] output)
        {
            if (key == null || key.Length < 1 || key.Length > BlockBytes)
            {
                throw new ArgumentException("key must be 1 to 64 bytes", "key");
            }

            if (data == null || length < 0 || length > data.Length)
            {
                throw new ArgumentException("length is outside data", "length");
            }

            if (output == null || output.Length < HashBytes)
            {
                throw new ArgumentException("output needs 32 bytes", "output");
            }

            // Inner hash: H((key ^ ipad) || data).
            FillPad(key, 0x36);
            Start();
            Add(_pad, BlockBytes);
            Add(data, length);
            Finish(_inner);

            // Outer hash: H((key ^ opad) || inner).
            FillPad(key, 0x5c);
            Start();
            Add(_pad, BlockBytes);
            Add(_inner, HashBytes);
            Finish(output);
        }

        private void FillPad(byte[] key, int pad)
        {
            for (int i = 0; i < BlockBytes; i++)
            {
                _pad[i] = (byte)((i < key.Length ? key[i] : 0) ^ pad);
            }
        }

        private void Start()
        {
            _state[0] = 0x6a09e667;
            _state[1] = 0xbb67ae85;
            _state[2] = 0x3c6ef372;
            _state[3] = 0xa54ff53a;
            _state[4] = 0x510e527f;
            _state[5] = 0x9b05688c;
            _state[6] = 0x1f83d9ab;
            _state[7] = 0x5be0cd19;
            _blockCount = 0;
            _totalBytes = 0;
        }

        private void Add(byte[] data, int length)
        {
            _totalBytes += length;
            for (int i = 0; i < length; i++)
            {
                _block[_blockCount++] = data[i];
                if (_blockCount == BlockBytes)
                {
                    Compress();
                    _blockCount = 0;
                }
            }
        }

        private void Finish(byte[] output)
        {
            long bits = _totalBytes * 8;
            _block[_blockCount++] = 0x80;
            if (_blockCount > BlockBytes - 8)
            {
                while (_blockCount < BlockBytes)
                {
                    _block[_blockCount++] = 0;
                }

                Compress();
                _blockCount = 0;
            }

            while (_blockCount < BlockBytes - 8)
            {
                _block[_blockCount++] = 0;
            }

            for (int i = 7; i >= 0; i--)
            {
                _block[_blockCount++] = (byte)(bits >> (8 * i));
            }

            Compress();
            for (int i = 0; i < 8; i++)
            {
                uint v = _state[i];
                output[4 * i] = (byte)(v >> 24);
                output[(4 * i) + 1] = (byte)(v >> 16);
                output[(4 * i) + 2] = (byte)(v >> 8);
                output[(4 * i) + 3] = (byte)v;
            }
        }

        private void Compress()
        {
            uint[] w = _w;
            for (int i = 0; i < 16; i++)
            {
                int o = 4 * i;
                w[i] = ((uint)_block[o] << 24) | ((uint)_block[o + 1] << 16) | ((uint)_block[o + 2] << 8) | _block[o + 3];
            }

            for (int i = 16; i < 64; i++)
            {
                uint x = w[i - 15];
                uint y = w[i - 2];
                uint s0 = Rotr(x, 7) ^ Rotr(x, 18) ^ (x >> 3);
                uint s1 = Rotr(y, 17) ^ Rotr(y, 19) ^ (y >> 10);
                w[i] = unchecked(w[i - 16] + s0 + w[i - 7] + s1);
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int i = 0; i < 64; i++)
            {
                uint t1 = unchecked(h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]);
                uint t2 = unchecked((Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c)));
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            _state[0] = unchecked(_state[0] + a);
            _state[1] = unchecked(_state[1] + b);
            _state[2] = unchecked(_state[2] + c);
            _state[3] = unchecked(_state[3] + d);
            _state[4] = unchecked(_state[4] + e);
            _state[5] = unchecked(_state[5] + f);
            _state[6] = unchecked(_state[6] + g);
            _state[7] = unchecked(_state[7] + h);
        }

        private static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }
    }
}
