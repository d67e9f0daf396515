using PodFirmware.Drivers.Ports;

namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// The console thread's loop: bytes from the port are cut into lines (<see cref="LineAssembler"/>), each line runs
    /// in the <see cref="ConsoleInterpreter"/>, and the outcome of an action handed to the tick is reported when the
    /// tick has applied it. Runs on its own thread (never the tick's), so a slow terminal or a long answer never delays
    /// the relay.
    /// </summary>
    /// <remarks>Console thread only. An exception in a turn is counted and the loop carries on.</remarks>
    public sealed class ConsoleLoop
    {
        /// <summary>Pause between turns when nothing arrived, in ms.</summary>
        public const int IdlePauseMs = 20;

        private readonly IConsolePort _port;
        private readonly ConsoleInterpreter _interpreter;
        private readonly LineAssembler _lines;
        private readonly IThreadPause _pause;
        private readonly byte[] _buffer = new byte[64];
        private int _failures;

        /// <summary>Creates the loop.</summary>
        public ConsoleLoop(IConsolePort port, ConsoleInterpreter interpreter, LineAssembler lines, IThreadPause pause)
        {
            _port = port;
            _interpreter = interpreter;
            _lines = lines;
            _pause = pause;
        }

        /// <summary>Turns that threw (a failing port); the loop went on after each.</summary>
        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>Runs turns until the port's stream ends (host stdin closed; never on the UART).</summary>
        public void Run()
        {
            while (true)
            {
                int read = Turn();
                if (read < 0)
                {
                    // The input ended: the answer to a last action still comes, then the loop ends.
                    for (int i = 0; i < 50 && _interpreter.Pending; i++)
                    {
                        _pause.Pause(IdlePauseMs);
                        _interpreter.Poll();
                    }

                    return;
                }

                if (read == 0)
                {
                    _pause.Pause(IdlePauseMs);
                }
            }
        }

        /// <summary>One turn: reads what the port has (up to 16 buffers), runs every completed line, polls for the tick's
        /// answer. Returns the bytes read, 0 for none, -1 when the stream has ended and nothing was read.</summary>
        public int Turn()
        {
            int total = 0;
            try
            {
                for (int chunk = 0; chunk < 16; chunk++)
                {
                    int read = _port.Read(_buffer, 0, _buffer.Length);
                    if (read < 0)
                    {
                        total = total == 0 ? -1 : total;
                        break;
                    }

                    Feed(read);
                    total += read;
                    if (read < _buffer.Length)
                    {
                        break;
                    }
                }

                _interpreter.Poll();
            }
            catch (System.Exception)
            {
                _failures++;
            }

            return total;
        }

        private void Feed(int count)
        {
            for (int i = 0; i < count; i++)
            {
                LineResult result = _lines.Feed(_buffer[i]);
                if (result == LineResult.Line)
                {
                    _interpreter.Execute(_lines.TakeLine());
                }
                else if (result == LineResult.TooLong)
                {
                    _interpreter.TooLong(_lines.MaxChars);
                }
            }
        }
    }
}
