using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Console;
using PodFirmware.SerialConsole;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>The console's line assembler, log ring, number text and config text editor.</summary>
    [TestClass]
    public class ConsolePartsTests
    {
        private static string FeedAll(LineAssembler lines, string text)
        {
            string result = "";
            for (int i = 0; i < text.Length; i++)
            {
                LineResult r = lines.Feed((byte)text[i]);
                if (r == LineResult.Line)
                {
                    result = result + "[" + lines.TakeLine() + "]";
                }
                else if (r == LineResult.TooLong)
                {
                    result = result + "<too long>";
                }
            }

            return result;
        }

        [TestMethod]
        public static void Lines_end_at_cr_lf_or_both_and_are_trimmed()
        {
            Assert.AreEqual("[a][b][c][]", FeedAll(new LineAssembler(10), "a\r\nb\nc\r\r\n"));
            Assert.AreEqual("[x y]", FeedAll(new LineAssembler(10), "  x y  \n"));
        }

        [TestMethod]
        public static void Backspace_removes_and_control_bytes_are_dropped()
        {
            Assert.AreEqual("[stat]", FeedAll(new LineAssembler(10), "stax\bt\u0001\n"));
            Assert.AreEqual("[ab]", FeedAll(new LineAssembler(10), "abc\u007f\n"));
        }

        [TestMethod]
        public static void A_line_longer_than_the_buffer_is_reported_once_and_dropped()
        {
            var lines = new LineAssembler(4);
            Assert.AreEqual("[abcd]<too long>[ok]", FeedAll(lines, "abcd\nabcde\nok\n"));
        }

        [TestMethod]
        public static void A_byte_above_ascii_becomes_a_question_mark()
        {
            var lines = new LineAssembler(4);
            lines.Feed(0xC3);
            lines.Feed(0xA9);
            Assert.AreEqual(LineResult.Line, lines.Feed(10));
            Assert.AreEqual("??", lines.TakeLine());
        }

        [TestMethod]
        public static void The_log_ring_keeps_the_last_lines_and_cuts_long_ones()
        {
            var log = new LogRing(3);
            Assert.IsNull(log.Line(0));
            for (int i = 0; i < 5; i++)
            {
                log.Add("line " + i.ToString());
            }

            log.Add(null);
            Assert.AreEqual(5, log.Total);
            Assert.IsNull(log.Line(1));
            Assert.AreEqual("line 2", log.Line(2));
            Assert.AreEqual("line 4", log.Line(4));
            Assert.IsNull(log.Line(5));
            log.Add(new string('a', 400));
            Assert.AreEqual(LogRing.MaxLineChars, log.Line(5).Length);
            Assert.IsTrue(log.Line(5).EndsWith("..."));
        }

        [TestMethod]
        [DataRow(1.25, 1, "1.3")]
        [DataRow(-1.25, 1, "-1.3")]
        [DataRow(0.004, 2, "0.00")]
        [DataRow(-0.004, 2, "0.00")]
        [DataRow(230.0, 1, "230.0")]
        [DataRow(15.999, 2, "16.00")]
        [DataRow(7.0, 0, "7")]
        [DataRow(1.0005, 3, "1.001")]
        public static void Numbers_are_written_with_fixed_decimals(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, ConsoleText.Fixed(value, decimals));
        }

        [TestMethod]
        public static void A_number_that_is_not_finite_is_not_available()
        {
            Assert.AreEqual("n/a", ConsoleText.Fixed(double.NaN, 1));
            Assert.AreEqual("n/a", ConsoleText.Fixed(double.PositiveInfinity, 1));
            Assert.AreEqual("n/a", ConsoleText.Fixed(1e13, 1));
        }

        [TestMethod]
        public static void Config_text_reads_a_value_by_its_dotted_key()
        {
            string json = "{ \"a\": 1, \"b\": { \"c\": \"x,}\", \"d\": [1, {\"e\": 2}] }, \"f\": true }";
            Assert.AreEqual("1", ConfigText.Get(json, "a"));
            Assert.AreEqual("\"x,}\"", ConfigText.Get(json, "b.c"));
            Assert.AreEqual("[1, {\"e\": 2}]", ConfigText.Get(json, "b.d"));
            Assert.AreEqual("true", ConfigText.Get(json, "f"));
            Assert.IsNull(ConfigText.Get(json, "b.x"));
            Assert.IsNull(ConfigText.Get(json, "a.b"));
            Assert.IsNull(ConfigText.Get("[1]", "a"));
            Assert.IsNull(ConfigText.Get("{\"a\":", "a"));
        }

        [TestMethod]
        public static void Config_text_replaces_a_value_and_keeps_the_rest()
        {
            string json = "{ \"a\": 1, \"b\": { \"c\": \"x\" } }";
            Assert.AreEqual("{ \"a\": 25, \"b\": { \"c\": \"x\" } }", ConfigText.Set(json, "a", "25"));
            Assert.AreEqual("{ \"a\": 1, \"b\": { \"c\": \"new \\\"q\\\"\" } }", ConfigText.Set(json, "b.c", "new \"q\""));
            Assert.AreEqual("{ \"a\": 1, \"b\": { \"c\": \"q\" } }", ConfigText.Set(json, "b.c", "\"q\""));
            Assert.AreEqual("{ \"a\": false, \"b\": { \"c\": \"x\" } }", ConfigText.Set(json, "a", "false"));
        }

        [TestMethod]
        public static void Config_text_adds_a_missing_key_with_the_objects_around_it()
        {
            Assert.AreEqual("{ \"x\": 2, \"a\": 1 }", ConfigText.Set("{ \"a\": 1 }", "x", "2"));
            Assert.AreEqual("{ \"a\": { \"y\": 3, \"b\": 1 } }", ConfigText.Set("{ \"a\": { \"b\": 1 } }", "a.y", "3"));
            Assert.AreEqual("{ \"m\": { \"n\": -4 } }", ConfigText.Set("{}", "m.n", "-4"));
            Assert.IsNull(ConfigText.Set("{ \"a\": 1 }", "a.b", "2"));
            Assert.IsNull(ConfigText.Set("[]", "a", "2"));
        }
    }
}
