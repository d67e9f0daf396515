using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>The console loop: bytes per turn, the end of the input, a failing port, the wait for a last answer.</summary>
    [TestClass]
    public class ConsoleLoopTests
    {
        // Each Read takes the next script entry: bytes (as much as fits, the rest stays), 0 for an empty entry, -1 at the end; "!" throws.
        private sealed class ScriptPort : IConsolePort
        {
            private readonly string[] _script;
            private int _at;
            private int _offset;

            public ScriptPort(string[] script)
            {
                _script = script;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                if (_at >= _script.Length)
                {
                    return -1;
                }

                string s = _script[_at];
                if (s == "!")
                {
                    _at++;
                    throw new Exception("port");
                }

                int n = s.Length - _offset < count ? s.Length - _offset : count;
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = (byte)s[_offset + i];
                }

                _offset += n;
                if (_offset == s.Length)
                {
                    _at++;
                    _offset = 0;
                }

                return n;
            }

            public void Write(string text)
            {
            }
        }

        private sealed class Pauses : IThreadPause
        {
            public int Count;
            public int LastMs;
            public ConsoleRig Rig;

            public void Pause(int milliseconds)
            {
                Count++;
                LastMs = milliseconds;
                if (Rig != null)
                {
                    Rig.Ticks(1);
                }
            }
        }

        private static ConsoleLoop Loop(ConsoleRig rig, ScriptPort port, Pauses pauses)
        {
            return new ConsoleLoop(port, rig.Console, new LineAssembler(LineAssembler.DefaultMaxChars), pauses);
        }

        [TestMethod]
        public static void A_turn_reads_at_most_16_buffers_and_returns_the_bytes()
        {
            ConsoleRig rig = new ConsoleRig();
            ScriptPort port = new ScriptPort(new string[] { new string('\n', 2000), "", new string(' ', 62) + "x\n" });
            ConsoleLoop loop = Loop(rig, port, new Pauses());
            Assert.AreEqual(1024, loop.Turn());
            Assert.AreEqual(976, loop.Turn());
            Assert.AreEqual(0, loop.Turn());
            Assert.AreEqual(64, loop.Turn(), "bytes, then the end: the bytes count");
            Assert.AreEqual(-1, loop.Turn());
            Assert.AreEqual(0, loop.Failures);
        }

        [TestMethod]
        public static void A_turn_of_exactly_one_buffer_reads_on()
        {
            ConsoleRig rig = new ConsoleRig();
            ScriptPort port = new ScriptPort(new string[] { new string(' ', 63) + "\n", "help\n", "" });
            ConsoleLoop loop = Loop(rig, port, new Pauses());
            Assert.AreEqual(69, loop.Turn());
            Assert.Contains("this list", rig.Port.Output);
            Assert.DoesNotContains("longer", rig.Port.Output, "a line of normal length is not too long");
        }

        [TestMethod]
        public static void A_failing_port_is_counted_and_the_loop_goes_on()
        {
            ConsoleRig rig = new ConsoleRig();
            ScriptPort port = new ScriptPort(new string[] { "!", "help\n" });
            ConsoleLoop loop = Loop(rig, port, new Pauses());
            Assert.AreEqual(0, loop.Turn());
            Assert.AreEqual(1, loop.Failures);
            Assert.AreEqual(5, loop.Turn());
            Assert.AreEqual(1, loop.Failures);
        }

        [TestMethod]
        public static void Run_pauses_when_idle_and_waits_for_the_last_answer()
        {
            ConsoleRig rig = new ConsoleRig();
            ScriptPort port = new ScriptPort(new string[] { "", "reset-fault\n" });
            Pauses pauses = new Pauses();
            pauses.Rig = rig;
            Loop(rig, port, pauses).Run();
            Assert.AreEqual(2, pauses.Count, "one idle turn, one wait for the tick");
            Assert.AreEqual(ConsoleLoop.IdlePauseMs, pauses.LastMs);
            Assert.Contains("reset-fault: refused, nothing_latched", rig.Port.Output);
            Assert.IsFalse(rig.Console.Pending);
        }

        [TestMethod]
        public static void Run_gives_up_on_an_answer_after_50_pauses()
        {
            ConsoleRig rig = new ConsoleRig();
            ScriptPort port = new ScriptPort(new string[] { "reset-fault\n" });
            Pauses pauses = new Pauses();
            Loop(rig, port, pauses).Run();
            Assert.AreEqual(50, pauses.Count);
            Assert.IsTrue(rig.Console.Pending);
        }
    }
}
