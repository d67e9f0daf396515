using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Text;
using PodFirmware.SerialConsole;

namespace PodFirmware.Host.PodConsole
{
    /// <summary>
    /// The console's port on the host: bytes from a stream (stdin for <c>./pod run --console</c>, a socket client of
    /// <see cref="ConsoleServer"/>), answers to a text
    /// writer (stdout). A reader thread drains the stream, so <see cref="Read"/> waits at most
    /// <see cref="ReadTimeoutMs"/>, as the board's UART read does, and the console keeps polling for the tick's answers.
    /// </summary>
    public sealed class StreamConsolePort : IConsolePort
    {
        /// <summary>Longest wait of <see cref="Read"/> for input, in ms.</summary>
        public const int ReadTimeoutMs = 20;

        private readonly BlockingCollection<byte[]> _chunks = new BlockingCollection<byte[]>();
        private readonly TextWriter _output;
        private byte[] _chunk;
        private int _at;

        /// <summary>Creates the port and starts its reader thread (a background thread; it ends with the stream).</summary>
        public StreamConsolePort(Stream input, TextWriter output)
        {
            _output = output;
            new Thread(() =>
            {
                var buffer = new byte[256];
                int read;
                try
                {
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        _chunks.Add(buffer.AsSpan(0, read).ToArray());
                    }
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    // A socket client that went away ends the input like a closed stdin.
                }

                _chunks.CompleteAdding();
            }) { IsBackground = true, Name = "console-stdin" }.Start();
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (_chunk == null || _at == _chunk.Length)
            {
                if (_chunks.IsCompleted)
                {
                    return -1;
                }

                if (!_chunks.TryTake(out _chunk, ReadTimeoutMs))
                {
                    _chunk = null;
                    return 0;
                }

                _at = 0;
            }

            int n = Math.Min(count, _chunk.Length - _at);
            Array.Copy(_chunk, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        /// <inheritdoc/>
        public void Write(string text)
        {
            lock (_output)
            {
                _output.Write(text);
                _output.Flush();
            }
        }
    }

    /// <summary>The pod config file on the host, for <c>config show|get|set</c>.</summary>
    public sealed class FileConfigStore : IConfigStore
    {
        private readonly string _path;

        /// <summary>Creates the store over <paramref name="path"/>.</summary>
        public FileConfigStore(string path)
        {
            _path = path;
        }

        /// <inheritdoc/>
        public string Read()
        {
            try
            {
                return File.Exists(_path) ? File.ReadAllText(_path) : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <inheritdoc/>
        public bool Write(string text)
        {
            try
            {
                string temp = _path + ".tmp";
                File.WriteAllText(temp, text, new UTF8Encoding(false));
                File.Move(temp, _path, true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (System.UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
