using System;
using System.Collections;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Adapters
{
    /// <summary>
    /// A directory in memory with the board's rules (a rename onto an existing file is refused) and a power switch:
    /// <see cref="CutPowerAfter"/> lets k more changing calls (write, delete, move) through and makes every later
    /// call throw, so a test sees exactly what a cut at that point leaves behind. A write can also be torn.
    /// </summary>
    public sealed class MemoryBlobFiles : IBlobFiles
    {
        private readonly Hashtable _files = new Hashtable();
        private int _changesLeft = -1;
        private int _tearAtByte = -1;

        /// <summary>Thrown by every call once the power is off.</summary>
        public sealed class PowerCutException : Exception
        {
        }

        /// <summary>Every changing call, in order: "write a", "delete a", "move a b".</summary>
        public readonly ArrayList Log = new ArrayList();

        /// <summary>Lets <paramref name="changes"/> more changing calls through, then the power is off.</summary>
        public void CutPowerAfter(int changes)
        {
            _changesLeft = changes;
        }

        /// <summary>The next write keeps only its first <paramref name="bytes"/> bytes, then the power is off.</summary>
        public void TearNextWrite(int bytes)
        {
            _tearAtByte = bytes;
        }

        /// <summary>Power back on.</summary>
        public void PowerOn()
        {
            _changesLeft = -1;
            _tearAtByte = -1;
        }

        /// <summary>The file's bytes, or null.</summary>
        public byte[] Content(string name)
        {
            return (byte[])_files[name];
        }

        /// <summary>Puts a file there directly (as a crash left it).</summary>
        public void Put(string name, byte[] content)
        {
            _files[name] = content;
        }

        /// <summary>Number of files.</summary>
        public int Count
        {
            get { return _files.Count; }
        }

        public bool Exists(string name)
        {
            CheckPower();
            return _files.Contains(name);
        }

        public int ReadAll(string name, byte[] buffer)
        {
            CheckPower();
            byte[] content = (byte[])_files[name];
            if (content == null)
            {
                throw new InvalidOperationException("no such file");
            }

            if (content.Length > buffer.Length)
            {
                return -2;
            }

            Array.Copy(content, buffer, content.Length);
            return content.Length;
        }

        public void WriteAll(string name, byte[] data, int length)
        {
            Change(String.Concat("write ", name));
            if (_tearAtByte >= 0)
            {
                var torn = new byte[_tearAtByte];
                Array.Copy(data, torn, _tearAtByte);
                _files[name] = torn;
                _changesLeft = 0;
                _tearAtByte = -1;
                throw new PowerCutException();
            }

            var copy = new byte[length];
            Array.Copy(data, copy, length);
            _files[name] = copy;
        }

        public void Delete(string name)
        {
            Change(String.Concat("delete ", name));
            _files.Remove(name);
        }

        public void Move(string from, string to)
        {
            Change(String.Concat("move ", from, " ", to));
            if (_files.Contains(to) || !_files.Contains(from))
            {
                throw new InvalidOperationException("the board's rename needs an existing source and a free destination");
            }

            _files[to] = _files[from];
            _files.Remove(from);
        }

        private void Change(string what)
        {
            CheckPower();
            if (_changesLeft > 0)
            {
                _changesLeft--;
            }

            Log.Add(what);
        }

        private void CheckPower()
        {
            if (_changesLeft == 0)
            {
                throw new PowerCutException();
            }
        }
    }
}
