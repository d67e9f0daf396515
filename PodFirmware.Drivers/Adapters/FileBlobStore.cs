using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Adapters
{
    /// <summary>
    /// <see cref="IBlobStore"/> over a directory of files (<see cref="IBlobFiles"/>), crash-consistent on a
    /// file system without a replacing rename (the ESP32's internal flash). Used on the board over
    /// <c>I:\pod</c> and on the host over a data directory, so both run the same protocol.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Write: the data goes to <c>name.tmp</c>, flushed; only then is the old <c>name</c> deleted and the
    /// temporary file renamed to <c>name</c>. A power cut therefore leaves the old <c>name</c> (cut while
    /// writing the temporary file: <see cref="Read"/> ignores a <c>name.tmp</c> beside a <c>name</c>), or a
    /// complete <c>name.tmp</c> without <c>name</c> (cut between the delete and the rename), which
    /// <see cref="Read"/> promotes to <c>name</c>. A cut during the very first write of a name may leave a
    /// torn <c>name.tmp</c> alone, which is promoted too: callers checksum what they store, as the port requires.
    /// </para>
    /// <para>
    /// Names are 1 to <see cref="MaxNameLength"/> characters of <c>[a-z0-9-]</c>; anything else throws
    /// <see cref="ArgumentException"/> before a file is touched (no paths, no <c>.tmp</c> names).
    /// Not thread-safe: one owner per name. Allocates the temporary name per call.
    /// </para>
    /// </remarks>
    public sealed class FileBlobStore : IBlobStore
    {
        /// <summary>Longest accepted blob name, in characters.</summary>
        public const int MaxNameLength = 64;

        /// <summary>Suffix of the temporary file a write goes to first.</summary>
        public const string TemporarySuffix = ".tmp";

        private readonly IBlobFiles _files;

        /// <summary>Keeps blobs as files in <paramref name="files"/>.</summary>
        /// <param name="files">The directory the blobs live in.</param>
        /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
        public FileBlobStore(IBlobFiles files)
        {
            if (files == null)
            {
                throw new ArgumentNullException("files");
            }

            _files = files;
        }

        /// <inheritdoc />
        public int Read(string name, byte[] buffer)
        {
            ValidateName(name);

            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (!_files.Exists(name))
            {
                string temporary = String.Concat(name, TemporarySuffix);

                if (!_files.Exists(temporary))
                {
                    return -1;
                }

                // The cut came between deleting the old file and the rename: the temporary file is complete.
                _files.Move(temporary, name);
            }

            return _files.ReadAll(name, buffer);
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data, int length)
        {
            ValidateName(name);

            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (length < 0 || length > data.Length)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            string temporary = String.Concat(name, TemporarySuffix);
            _files.WriteAll(temporary, data, length);
            _files.Delete(name);
            _files.Move(temporary, name);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            ValidateName(name);
            _files.Delete(name);
            _files.Delete(String.Concat(name, TemporarySuffix));
        }

        /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is 1 to <see cref="MaxNameLength"/> characters of [a-z0-9-].</summary>
        /// <param name="name">The blob name to check.</param>
        /// <exception cref="ArgumentException">The name is null, empty, too long or holds another character.</exception>
        public static void ValidateName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength)
            {
                throw new ArgumentException("blob name must be 1 to 64 characters", "name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];

                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    throw new ArgumentException(String.Concat("blob name may hold only a-z, 0-9 and '-': '", name, "'"), "name");
                }
            }
        }
    }
}
