using System;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Test helper: a blob store whose operations can be made to throw, as a failing flash would.</summary>
    public sealed class FailingBlobStore : IBlobStore
    {
        private readonly MemoryBlobStore _inner = new MemoryBlobStore();

        public bool FailReads;
        public bool FailWrites;
        public bool FailDeletes;

        public int Count
        {
            get { return _inner.Count; }
        }

        public int Read(string name, byte[] buffer)
        {
            if (FailReads)
            {
                throw new InvalidOperationException("flash read failed");
            }

            return _inner.Read(name, buffer);
        }

        public void Write(string name, byte[] data, int length)
        {
            if (FailWrites)
            {
                throw new InvalidOperationException("flash write failed");
            }

            _inner.Write(name, data, length);
        }

        public void Delete(string name)
        {
            if (FailDeletes)
            {
                throw new InvalidOperationException("flash delete failed");
            }

            _inner.Delete(name);
        }
    }
}
