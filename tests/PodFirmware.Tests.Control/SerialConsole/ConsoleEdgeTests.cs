using System;
using System.Collections;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>The console parts at their edges: line ends and bytes, number text, the config file store.</summary>
    [TestClass]
    public class ConsoleEdgeTests
    {
        private static string Feed(LineAssembler lines, byte[] bytes)
        {
            string result = "";
            for (int i = 0; i < bytes.Length; i++)
            {
                LineResult r = lines.Feed(bytes[i]);
                if (r == LineResult.Line)
                {
                    result = result + "[" + lines.TakeLine() + "]";
                }
                else if (r == LineResult.TooLong)
                {
                    result = result + "<long>";
                }
            }

            return result;
        }

        private static string Feed(LineAssembler lines, string text)
        {
            return Feed(lines, System.Text.Encoding.UTF8.GetBytes(text));
        }

        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(-5, 1)]
        [DataRow(1, 1)]
        [DataRow(120, 120)]
        public static void A_line_holds_at_least_one_character(int maxChars, int held)
        {
            Assert.AreEqual(held, new LineAssembler(maxChars).MaxChars);
        }

        [TestMethod]
        public static void Lf_then_cr_are_two_line_ends_and_a_character_forgets_the_cr()
        {
            Assert.AreEqual("[a][][b]", Feed(new LineAssembler(8), "a\n\rb\n"));
            Assert.AreEqual("[a][b]", Feed(new LineAssembler(8), "a\rb\n"));
            Assert.AreEqual("[a][]", Feed(new LineAssembler(8), "a\r\b\n"));
            Assert.AreEqual("[][]", Feed(new LineAssembler(8), "\r\r\n"));
        }

        [TestMethod]
        public static void Backspace_on_an_empty_line_does_nothing()
        {
            Assert.AreEqual("[ab]", Feed(new LineAssembler(8), "\b\u007fab\n"));
        }

        [TestMethod]
        public static void Control_bytes_below_space_are_dropped_and_space_kept()
        {
            Assert.AreEqual("[a b]", Feed(new LineAssembler(8), new byte[] { 0, (byte)'a', 31, 32, (byte)'b', 9, 10 }));
        }

        [TestMethod]
        public static void Bytes_from_128_read_as_question_marks()
        {
            Assert.AreEqual("[~?]", Feed(new LineAssembler(8), new byte[] { 126, 128, 10 }));
            Assert.AreEqual("[??]", Feed(new LineAssembler(8), new byte[] { 255, 129, 13 }));
        }

        [TestMethod]
        public static void A_long_line_ended_by_cr_lf_is_reported_once()
        {
            LineAssembler lines = new LineAssembler(2);
            Assert.AreEqual("<long>[ok]", Feed(lines, "abc\b\r\nok\r\n"));
            Assert.AreEqual("[ab]", Feed(lines, "ab\n"));
        }

        [TestMethod]
        public static void Spaces_only_give_an_empty_line()
        {
            Assert.AreEqual("[][a]", Feed(new LineAssembler(8), "   \n a\n"));
            Assert.AreEqual("[][]", Feed(new LineAssembler(2), "  \n  \n"), "a full line of spaces");
        }

        [TestMethod]
        [DataRow(1.5, 6, "1.500000")]
        [DataRow(1.5, 7, "n/a")]
        [DataRow(1.5, -1, "n/a")]
        [DataRow(0.5, 0, "1")]
        [DataRow(-0.5, 0, "-1")]
        [DataRow(-7.0, 0, "-7")]
        [DataRow(-0.4, 0, "0")]
        [DataRow(1.05, 2, "1.05")]
        [DataRow(1000000000000.0, 0, "1000000000000")]
        [DataRow(-1000000000000.0, 1, "-1000000000000.0")]
        [DataRow(1000000000001.0, 0, "n/a")]
        [DataRow(-1000000000001.0, 0, "n/a")]
        [DataRow(12.345678, 6, "12.345678")]
        [DataRow(0.000001, 6, "0.000001")]
        public static void Numbers_at_the_edges(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, ConsoleText.Fixed(value, decimals));
        }

        [TestMethod]
        public static void Infinities_are_not_available_and_yes_no_reads_as_words()
        {
            Assert.AreEqual("n/a", ConsoleText.Fixed(double.NegativeInfinity, 0));
            Assert.AreEqual("yes", ConsoleText.YesNo(true));
            Assert.AreEqual("no", ConsoleText.YesNo(false));
        }

        private sealed class Files : IBlobFiles
        {
            public readonly Hashtable Data = new Hashtable();
            public bool FailRead;

            public bool Exists(string name)
            {
                return Data.Contains(name);
            }

            public int ReadAll(string name, byte[] buffer)
            {
                if (FailRead)
                {
                    throw new Exception("io");
                }

                byte[] data = (byte[])Data[name];
                Array.Copy(data, buffer, data.Length);
                return data.Length;
            }

            public void WriteAll(string name, byte[] data, int length)
            {
                byte[] copy = new byte[length];
                Array.Copy(data, copy, length);
                Data[name] = copy;
            }

            public void Delete(string name)
            {
                Data.Remove(name);
            }

            // As a flash file system: a rename onto an existing file fails.
            public void Move(string from, string to)
            {
                if (Data.Contains(to) || !Data.Contains(from))
                {
                    throw new Exception("move");
                }

                Data[to] = Data[from];
                Data.Remove(from);
            }
        }

        [TestMethod]
        public static void A_write_replaces_an_existing_file_and_a_full_size_one_fits()
        {
            Files files = new Files();
            BlobConfigStore store = new BlobConfigStore(files, "pod.json");
            Assert.IsTrue(store.Write("{}"));
            Assert.IsTrue(store.Write(new string('x', BlobConfigStore.MaxBytes)));
            Assert.AreEqual(BlobConfigStore.MaxBytes, store.Read().Length);
            Assert.IsFalse(files.Exists("pod.json.tmp"));
        }

        [TestMethod]
        public static void An_empty_file_reads_as_empty_text_and_a_failing_one_as_null()
        {
            Files files = new Files();
            BlobConfigStore store = new BlobConfigStore(files, "pod.json");
            Assert.IsTrue(store.Write(""));
            Assert.AreEqual("", store.Read());
            files.FailRead = true;
            Assert.IsNull(store.Read());
            Assert.IsFalse(store.Write(null));
        }

        [TestMethod]
        public static void The_file_is_read_before_a_leftover_temporary_one()
        {
            Files files = new Files();
            BlobConfigStore store = new BlobConfigStore(files, "pod.json");
            files.WriteAll("pod.json", new byte[] { (byte)'1' }, 1);
            files.WriteAll("pod.json.tmp", new byte[] { (byte)'2' }, 1);
            Assert.AreEqual("1", store.Read());
            Assert.IsTrue(files.Exists("pod.json.tmp"));
        }
    }
}
