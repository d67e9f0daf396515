using System;
using System.IO;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IBlobStore"/> over files on the ESP32's internal flash (<c>I:\</c>), the twin of the host's
    /// DirectoryBlobStore. A write goes to <c>name.tmp</c>; only once that is complete is the old <c>name</c> deleted and
    /// the temporary file renamed (the file system has no replacing rename). A power cut therefore leaves the old file,
    /// or a complete <c>name.tmp</c> without <c>name</c>, which <see cref="Read"/> promotes (a first write torn mid-file
    /// may be promoted too; callers checksum what they store, as the port requires). Names are [a-z0-9-].
    /// </summary>
    /// <remarks>Not thread-safe: one owner per name. Allocates a path string and a FileStream per call.</remarks>
    public sealed class FlashBlobStore : IBlobStore
    {
        private readonly string _directory;

        /// <summary>Keeps blobs in <paramref name="directory"/> (e.g. <c>I:\pod</c>), creating it when missing.</summary>
        public FlashBlobStore(string directory)
        {
            _directory = directory;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <inheritdoc />
        public int Read(string name, byte[] buffer)
        {
            string path = PathOf(name);
            string temporary = path + ".tmp";
            if (!File.Exists(path))
            {
                if (!File.Exists(temporary))
                {
                    return -1;
                }

                // The cut came between deleting the old file and the rename: the temporary file is complete.
                File.Move(temporary, path);
            }

            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long length = file.Length;
                if (length > buffer.Length)
                {
                    return -2;
                }

                int read = 0;
                while (read < length)
                {
                    int n = file.Read(buffer, read, (int)length - read);
                    if (n <= 0)
                    {
                        break;
                    }

                    read += n;
                }

                return read;
            }
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data, int length)
        {
            string path = PathOf(name);
            string temporary = path + ".tmp";
            using (FileStream file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                file.Write(data, 0, length);
                file.Flush();
            }

            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = PathOf(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            if (File.Exists(path + ".tmp"))
            {
                File.Delete(path + ".tmp");
            }
        }

        private string PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.Length > 64)
            {
                throw new ArgumentException("blob name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    throw new ArgumentException("blob name");
                }
            }

            return Path.Combine(_directory, name);
        }
    }
}
