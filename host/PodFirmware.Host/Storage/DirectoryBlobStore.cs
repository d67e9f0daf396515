using System;
using System.IO;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Storage
{
    /// <summary>
    /// <see cref="IBlobStore"/> over a data directory: one file per blob, named after it. The crash-consistent
    /// write protocol is the portable <see cref="FileBlobStore"/>'s, the one the board runs on its flash
    /// (<c>name.tmp</c> written and flushed to disk, the old <c>name</c> deleted, the temporary file renamed;
    /// a complete <c>name.tmp</c> without <c>name</c> is promoted by <see cref="Read"/>). Names are 1 to 64
    /// characters of <c>[a-z0-9-]</c>.
    /// </summary>
    /// <remarks>Not thread-safe: one owner per name, as the port says.</remarks>
    public sealed class DirectoryBlobStore : IBlobStore
    {
        private readonly FileBlobStore _store;

        /// <summary>Uses <paramref name="directory"/>, creating it when missing.</summary>
        public DirectoryBlobStore(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory);
            DirectoryPath = Path.GetFullPath(directory);
            Directory.CreateDirectory(DirectoryPath);
            _store = new FileBlobStore(new DirectoryFiles(DirectoryPath));
        }

        /// <summary>The absolute path of the data directory.</summary>
        public string DirectoryPath { get; }

        /// <inheritdoc />
        public int Read(string name, byte[] buffer) => _store.Read(name, buffer);

        /// <inheritdoc />
        public void Write(string name, byte[] data, int length) => _store.Write(name, data, length);

        /// <inheritdoc />
        public void Delete(string name) => _store.Delete(name);

        /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is 1 to 64 characters of [a-z0-9-].</summary>
        public static void ValidateName(string name) => FileBlobStore.ValidateName(name);

        // The host's IBlobFiles: plain System.IO calls in one directory, each write flushed to disk.
        private sealed class DirectoryFiles : IBlobFiles
        {
            private readonly string _directory;

            public DirectoryFiles(string directory) => _directory = directory;

            public bool Exists(string name) => File.Exists(PathOf(name));

            public int ReadAll(string name, byte[] buffer)
            {
                using var file = new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read);
                if (file.Length > buffer.Length)
                {
                    return -2;
                }

                int length = (int)file.Length;
                int read = 0;
                while (read < length)
                {
                    int n = file.Read(buffer, read, length - read);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                return read;
            }

            public void WriteAll(string name, byte[] data, int length)
            {
                using var file = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
                file.Write(data, 0, length);
                file.Flush(flushToDisk: true);
            }

            public void Delete(string name) => File.Delete(PathOf(name));

            public void Move(string from, string to) => File.Move(PathOf(from), PathOf(to), overwrite: false);

            private string PathOf(string name) => Path.Combine(_directory, name);
        }
    }
}
