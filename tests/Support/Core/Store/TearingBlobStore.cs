using System;
using System.Collections;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Store
{
    /// <summary>
    /// A store whose writes are not atomic, like a raw flash page: when armed, the write to the named blob persists
    /// only its first k bytes and then throws, as a power cut mid-write would leave it; every later call throws too
    /// (the board is dead) until <see cref="PowerOn"/>, so the code under test cannot tidy up after the cut.
    /// Also lets a test flip a bit.
    /// </summary>
    public sealed class TearingBlobStore : IBlobStore
    {
        private readonly Hashtable _blobs = new Hashtable();
        private string _tearName;
        private int _tearAtByte = -1;
        private bool _off;

        public int Writes;

        /// <summary>The next write to <paramref name="name"/> keeps only <paramref name="keepBytes"/> bytes and throws.</summary>
        public void TearNextWrite(string name, int keepBytes)
        {
            _tearName = name;
            _tearAtByte = keepBytes;
        }

        /// <summary>Power comes back: the store answers again.</summary>
        public void PowerOn()
        {
            _off = false;
        }

        public bool Exists(string name)
        {
            return _blobs.Contains(name);
        }

        public int LengthOf(string name)
        {
            byte[] blob = (byte[])_blobs[name];
            return blob == null ? -1 : blob.Length;
        }

        public void FlipBit(string name, int byteIndex, int bit)
        {
            byte[] blob = (byte[])_blobs[name];
            blob[byteIndex] = (byte)(blob[byteIndex] ^ (1 << bit));
        }

        public int Read(string name, byte[] buffer)
        {
            ThrowIfOff();
            byte[] blob = (byte[])_blobs[name];
            if (blob == null)
            {
                return -1;
            }

            if (blob.Length > buffer.Length)
            {
                return -2;
            }

            Array.Copy(blob, buffer, blob.Length);
            return blob.Length;
        }

        public void Write(string name, byte[] data, int length)
        {
            ThrowIfOff();
            Writes++;
            bool tear = _tearAtByte >= 0 && name == _tearName;
            int kept = tear && _tearAtByte < length ? _tearAtByte : length;
            byte[] copy = new byte[kept];
            Array.Copy(data, copy, kept);
            _blobs[name] = copy;
            if (tear)
            {
                _tearAtByte = -1;
                _off = true;
                throw new InvalidOperationException("power cut after " + kept.ToString() + " bytes");
            }
        }

        public void Delete(string name)
        {
            ThrowIfOff();
            _blobs.Remove(name);
        }

        private void ThrowIfOff()
        {
            if (_off)
            {
                throw new InvalidOperationException("no power");
            }
        }
    }
}
