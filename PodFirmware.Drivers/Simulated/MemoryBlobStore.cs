using System;
using System.Collections;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Simulated
{
    /// <summary>An <see cref="IBlobStore"/> in RAM, for tests and the simulator; survives a simulated reboot if the same instance is reused.</summary>
    public sealed class MemoryBlobStore : IBlobStore
    {
        private readonly Hashtable _blobs = new Hashtable();

        /// <inheritdoc />
        public int Read(string name, byte[] buffer)
        {
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

        /// <inheritdoc />
        public void Write(string name, byte[] data, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(data, copy, length);
            _blobs[name] = copy;
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            _blobs.Remove(name);
        }

        /// <summary>Number of blobs held.</summary>
        public int Count
        {
            get { return _blobs.Count; }
        }
    }
}
