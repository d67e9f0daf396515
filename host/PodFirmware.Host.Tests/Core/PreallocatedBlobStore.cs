using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Tests.Core
{
    /// <summary>
    /// A store for allocation tests: one blob in a buffer allocated up front, so that what a test
    /// measures is the supervisor's allocation, not the store adapter's (MemoryBlobStore copies per write).
    /// </summary>
    public sealed class PreallocatedBlobStore : IBlobStore
    {
        private readonly byte[] _data = new byte[256];
        private string _name;
        private int _length = -1;

        public int Writes { get; private set; }

        public int Deletes { get; private set; }

        public int Read(string name, byte[] buffer)
        {
            if (_length < 0 || !string.Equals(name, _name, StringComparison.Ordinal))
            {
                return -1;
            }

            if (_length > buffer.Length)
            {
                return -2;
            }

            Array.Copy(_data, buffer, _length);
            return _length;
        }

        public void Write(string name, byte[] data, int length)
        {
            _name = name;
            Array.Copy(data, _data, length);
            _length = length;
            Writes++;
        }

        public void Delete(string name)
        {
            if (string.Equals(name, _name, StringComparison.Ordinal))
            {
                _length = -1;
                Deletes++;
            }
        }
    }
}
