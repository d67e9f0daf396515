using System;
using System.IO;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Host.Storage
{
    /// <summary>
    /// <see cref="IBlobStore"/> over a data directory: one file per blob, named after it. A write goes to
    /// <c>name.tmp</c>, is flushed to disk, then renamed over <c>name</c> (atomic on POSIX file systems), so a crash
    /// leaves either the old or the new content, never a mix. Names are 1 to 64 characters of <c>[a-z0-9-]</c>.
    /// </summary>
    /// <remarks>Not thread-safe: one owner per name, as the port says.</remarks>
    public sealed class DirectoryBlobStore : IBlobStore
    {
        private readonly string _directory;

        /// <summary>Uses <paramref name="directory"/>, creating it when missing.</summary>
        public DirectoryBlobStore(string directory)
        {
            ArgumentNullException.ThrowIfNull(directory);
            _directory = Path.GetFullPath(directory);
            Directory.CreateDirectory(_directory);
        }

        /// <summary>The absolute path of the data directory.</summary>
        public string DirectoryPath => _directory;

        /// <inheritdoc />
        public int Read(string name, byte[] buffer)
        {
            string path = PathOf(name);
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
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
            catch (FileNotFoundException)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data, int length)
        {
            ArgumentNullException.ThrowIfNull(data);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(length, data.Length);
            string path = PathOf(name);
            string temporary = path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(data, 0, length);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = PathOf(name);
            File.Delete(path);
            File.Delete(path + ".tmp");
        }

        /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is 1 to 64 characters of [a-z0-9-].</summary>
        public static void ValidateName(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (name.Length == 0 || name.Length > 64)
            {
                throw new ArgumentException("blob name must be 1 to 64 characters: '" + name + "'", nameof(name));
            }

            foreach (char c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    throw new ArgumentException("blob name may hold only a-z, 0-9 and '-': '" + name + "'", nameof(name));
                }
            }
        }

        private string PathOf(string name)
        {
            ValidateName(name);
            return Path.Combine(_directory, name);
        }
    }
}
