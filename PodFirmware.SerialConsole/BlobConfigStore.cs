using System.Text;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// The pod config file (<c>I:\pod.json</c> on the board) over <see cref="IBlobFiles"/>, read at boot and by the
    /// console, replaced by <c>config set</c>. A write goes to <c>NAME.tmp</c> first, then replaces the file; a read
    /// that finds only <c>NAME.tmp</c> (a power cut between the delete and the rename) promotes it, so a cut never
    /// leaves the pod without the old or the new file.
    /// </summary>
    /// <remarks>Boot and console thread only (allocates). Never throws: a failure reads as null or writes as false.</remarks>
    public sealed class BlobConfigStore : IConfigStore
    {
        /// <summary>Largest config file read or written, in bytes.</summary>
        public const int MaxBytes = 16384;

        private readonly IBlobFiles _files;
        private readonly string _name;
        private readonly string _temporary;

        /// <summary>Creates the store for file <paramref name="name"/> (e.g. <c>pod.json</c>) in <paramref name="files"/>.</summary>
        public BlobConfigStore(IBlobFiles files, string name)
        {
            _files = files;
            _name = name;
            _temporary = name + ".tmp";
        }

        /// <inheritdoc />
        public string Read()
        {
            try
            {
                if (!_files.Exists(_name))
                {
                    if (!_files.Exists(_temporary))
                    {
                        return null;
                    }

                    _files.Move(_temporary, _name);
                }

                byte[] buffer = new byte[MaxBytes];
                int length = _files.ReadAll(_name, buffer);
                return length < 0 ? null : new string(Encoding.UTF8.GetChars(buffer, 0, length));
            }
            catch (System.Exception)
            {
                return null;
            }
        }

        /// <inheritdoc />
        public bool Write(string text)
        {
            try
            {
                byte[] data = Encoding.UTF8.GetBytes(text);
                if (data.Length > MaxBytes)
                {
                    return false;
                }

                _files.WriteAll(_temporary, data, data.Length);
                if (_files.Exists(_name))
                {
                    _files.Delete(_name);
                }

                _files.Move(_temporary, _name);
                return true;
            }
            catch (System.Exception)
            {
                return false;
            }
        }
    }
}
