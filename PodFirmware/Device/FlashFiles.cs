using System.IO;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IBlobFiles"/> over a directory on the internal flash (<c>I:\pod</c>). The crash-consistent
    /// protocol is the portable FileBlobStore's. One owner (the store).
    /// </summary>
    public sealed class FlashFiles : IBlobFiles
    {
        private readonly string _directory;

        /// <summary>Uses <paramref name="directory"/>, creating it when missing.</summary>
        /// <param name="directory">Absolute directory, e.g. <c>I:\pod</c>.</param>
        public FlashFiles(string directory)
        {
            _directory = directory;

            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return File.Exists(Path.Combine(_directory, name));
        }

        /// <inheritdoc />
        public int ReadAll(string name, byte[] buffer)
        {
            using (FileStream file = new FileStream(Path.Combine(_directory, name), FileMode.Open, FileAccess.Read))
            {
                if (file.Length > buffer.Length)
                {
                    return -2;
                }

                int length = (int)file.Length;
                int read = 0;

                while (read < length)
                {
                    int n = file.Read(buffer, read, length - read);

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
        public void WriteAll(string name, byte[] data, int length)
        {
            using (FileStream file = new FileStream(Path.Combine(_directory, name), FileMode.Create, FileAccess.Write))
            {
                file.Write(data, 0, length);
                file.Flush();
            }
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            string path = Path.Combine(_directory, name);

            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        /// <inheritdoc />
        public void Move(string from, string to)
        {
            File.Move(Path.Combine(_directory, from), Path.Combine(_directory, to));
        }
    }
}
