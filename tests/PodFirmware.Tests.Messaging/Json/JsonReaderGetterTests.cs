using System.Text;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Json;

namespace PodFirmware.Tests.Json
{
    [TestClass]
    public class JsonReaderGetterTests
    {
        private static JsonReader Parse(string json)
        {
            var reader = new JsonReader();
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            string error;
            Assert.IsTrue(reader.TryParse(bytes, bytes.Length, out error), json + ": " + error);
            return reader;
        }

        [TestMethod]
        public static void Reads_a_command_s_fields_by_name_and_type()
        {
            JsonReader r = Parse("{\"type\":\"set_current_limit\",\"ts\":1767225600,\"limitA\":16.5,\"dry\":false,\"note\":null}");
            string type;
            long ts;
            long limit;
            bool dry;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetString("type", out type));
            Assert.AreEqual("set_current_limit", type);
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetLong("ts", out ts));
            Assert.AreEqual(1767225600L, ts);
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetDecimal("limitA", 2, out limit));
            Assert.AreEqual(1650L, limit);
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetBool("dry", out dry));
            Assert.IsFalse(dry);
            Assert.IsTrue(r.Has("note"));
            Assert.AreEqual((int)JsonValueKind.Null, (int)r.KindOf("note"));
            Assert.AreEqual((int)JsonValueKind.Object, (int)r.RootKind);
        }

        [TestMethod]
        public static void Unescapes_strings_into_UTF16()
        {
            JsonReader r = Parse("{\"s\":\"a\\n\\t\\\"\\\\\\/\\b\\f\\r\\u00e9\\u20AC\\uffff\\u0001\"}");
            string s;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetString("s", out s));
            AssertCodeUnits(new int[] { 'a', '\n', '\t', '"', '\\', '/', '\b', '\f', '\r', 0xE9, 0x20AC, 0xFFFF, 0x01 }, s);
        }

        [TestMethod]
        public static void Decodes_raw_UTF8_of_one_to_three_bytes_up_to_U_FFFF()
        {
            // "A é € U+07FF U+E000 U+FFFD U+FFFF" as UTF-8 bytes, the last three-byte forms included.
            byte[] text = Hex.TryDecode("41C3A9E282ACDFBFEE8080EFBFBDEFBFBF");
            byte[] array = Wrap("5B22", text, "225D");
            var r = new JsonReader();
            string error;
            Assert.IsTrue(r.TryParse(array, array.Length, out error), error);
            string s;
            Assert.AreEqual((int)JsonFieldStatus.WrongType, (int)r.GetString("", out s), "the root array is not a string");
            Assert.AreEqual((int)JsonValueKind.Array, (int)r.RootKind);

            byte[] member = Wrap("7B2273223A22", text, "227D");
            Assert.IsTrue(r.TryParse(member, member.Length, out error), error);
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetString("s", out s));
            AssertCodeUnits(new int[] { 0x41, 0xE9, 0x20AC, 0x7FF, 0xE000, 0xFFFD, 0xFFFF }, s);
        }

        /// <summary><paramref name="head"/> (hex), then <paramref name="body"/>, then <paramref name="tail"/> (hex).</summary>
        private static byte[] Wrap(string head, byte[] body, string tail)
        {
            byte[] h = Hex.TryDecode(head);
            byte[] t = Hex.TryDecode(tail);
            var all = new byte[h.Length + body.Length + t.Length];
            h.CopyTo(all, 0);
            body.CopyTo(all, h.Length);
            t.CopyTo(all, h.Length + body.Length);
            return all;
        }

        /// <summary>Compares UTF-16 code units by number, so no expected string literal carries text the board would read differently.</summary>
        private static void AssertCodeUnits(int[] expected, string actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "length in UTF-16 code units");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (int)actual[i], "code unit " + i.ToString());
            }
        }

        [DataRow("5", 5L)]
        [DataRow("-5", -5L)]
        [DataRow("5.0", 5L)]
        [DataRow("5.000", 5L)]
        [DataRow("5e2", 500L)]
        [DataRow("5E+2", 500L)]
        [DataRow("500e-2", 5L)]
        [DataRow("-0", 0L)]
        [DataRow("0.0", 0L)]
        [DataRow("9223372036854775807", long.MaxValue)]
        [DataRow("-9223372036854775808", long.MinValue)]
        [DataRow("10000000000000000000e-1", 1000000000000000000L)]
        [TestMethod]
        public static void Reads_integers_exactly_including_zero_fractions(string number, long expected)
        {
            JsonReader r = Parse("{\"n\":" + number + "}");
            long value;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetLong("n", out value));
            Assert.AreEqual(expected, value);
        }

        [DataRow("5.5", (int)JsonFieldStatus.OutOfRange)]
        [DataRow("1e-1", (int)JsonFieldStatus.OutOfRange)]
        [DataRow("\"5\"", (int)JsonFieldStatus.WrongType)]
        [DataRow("true", (int)JsonFieldStatus.WrongType)]
        [DataRow("null", (int)JsonFieldStatus.WrongType)]
        [DataRow("[5]", (int)JsonFieldStatus.WrongType)]
        [TestMethod]
        public static void Refuses_a_fraction_or_another_type_where_an_integer_is_asked(string value, int expected)
        {
            JsonReader r = Parse("{\"n\":" + value + "}");
            long n;
            Assert.AreEqual(expected, (int)r.GetLong("n", out n));
            Assert.AreEqual(0L, n);
        }

        [DataRow("16.5", 2, 1650L)]
        [DataRow("16", 2, 1600L)]
        [DataRow("0.05", 2, 5L)]
        [DataRow("-0.05", 2, -5L)]
        [DataRow("16.500", 2, 1650L)]
        [DataRow("1e-2", 2, 1L)]
        [DataRow("1.5e1", 0, 15L)]
        [DataRow("0.315", 3, 315L)]
        [DataRow("0.000000000000000001", 18, 1L)]
        [DataRow("-9.223372036854775808", 18, long.MinValue)]
        [TestMethod]
        public static void Reads_decimals_as_exact_scaled_integers(string number, int decimals, long expected)
        {
            JsonReader r = Parse("{\"v\":" + number + "}");
            long scaled;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetDecimal("v", decimals, out scaled));
            Assert.AreEqual(expected, scaled);
        }

        [DataRow("16.005", 2, (int)JsonFieldStatus.TooPrecise)]
        [DataRow("0.001", 2, (int)JsonFieldStatus.TooPrecise)]
        [DataRow("9223372036854775807", 1, (int)JsonFieldStatus.OutOfRange)]
        [DataRow("9.3", 18, (int)JsonFieldStatus.OutOfRange)]
        [DataRow("1", 19, (int)JsonFieldStatus.OutOfRange)]
        [DataRow("1", -1, (int)JsonFieldStatus.OutOfRange)]
        [DataRow("\"16.5\"", 2, (int)JsonFieldStatus.WrongType)]
        [TestMethod]
        public static void Refuses_decimals_it_cannot_hold_exactly_instead_of_rounding(string number, int decimals, int expected)
        {
            JsonReader r = Parse("{\"v\":" + number + "}");
            long scaled;
            Assert.AreEqual(expected, (int)r.GetDecimal("v", decimals, out scaled));
            Assert.AreEqual(0L, scaled);
        }

        [TestMethod]
        public static void Reports_a_missing_field_and_a_wrong_type_with_the_field_name()
        {
            JsonReader r = Parse("{\"account\":42}");
            string s;
            bool b;
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetString("pod", out s));
            Assert.IsNull(s);
            Assert.AreEqual((int)JsonFieldStatus.WrongType, (int)r.GetString("account", out s));
            Assert.AreEqual((int)JsonFieldStatus.WrongType, (int)r.GetBool("account", out b));
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetBool("x", out b));
            Assert.AreEqual("field 'pod': missing", JsonReader.Describe("pod", JsonFieldStatus.Missing));
            Assert.AreEqual("field 'account': wrong type", JsonReader.Describe("account", JsonFieldStatus.WrongType));
            Assert.IsFalse(r.Has("pod"));
            Assert.AreEqual((int)JsonValueKind.None, (int)r.KindOf("pod"));
        }

        [TestMethod]
        public static void Follows_dotted_paths_through_nested_objects_only()
        {
            JsonReader r = Parse("{\"a\":{\"b\":{\"c\":7}},\"arr\":[{\"c\":1}],\"s\":\"x\"}");
            long c;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetLong("a.b.c", out c));
            Assert.AreEqual(7L, c);
            Assert.AreEqual((int)JsonValueKind.Object, (int)r.KindOf("a.b"));
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetLong("a.c", out c));
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetLong("arr.c", out c), "arrays have no named members");
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetLong("s.c", out c));
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetLong("a.b.c.d", out c));
            Assert.AreEqual((int)JsonFieldStatus.Missing, (int)r.GetLong("a.", out c));
            Assert.IsFalse(r.Has("b"), "only members of the root are reached without a path");
        }

        [TestMethod]
        public static void Lists_member_names_in_document_order()
        {
            JsonReader r = Parse("{\"cmd\":\"x\",\"sig\":\"y\",\"o\":{\"k\\u00e9\":1}}");
            Assert.AreEqual(3, r.MemberCount(""));
            Assert.AreEqual("cmd", r.MemberName("", 0));
            Assert.AreEqual("sig", r.MemberName("", 1));
            Assert.AreEqual("o", r.MemberName("", 2));
            Assert.IsNull(r.MemberName("", 3));
            Assert.IsTrue(r.MemberNameEquals("", 1, "sig"));
            Assert.IsFalse(r.MemberNameEquals("", 1, "si"));
            Assert.AreEqual(1, r.MemberCount("o"));
            Assert.AreEqual("k\u00e9", r.MemberName("o", 0));
            Assert.AreEqual(-1, r.MemberCount("cmd"));
        }

        [TestMethod]
        public static void Copies_a_string_into_a_caller_buffer_or_says_it_is_too_long()
        {
            JsonReader r = Parse("{\"sig\":\"abcdef\"}");
            var buffer = new char[6];
            int length;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)r.GetChars("sig", buffer, out length));
            Assert.AreEqual(6, length);
            Assert.AreEqual("abcdef", new string(buffer, 0, length));
            Assert.AreEqual((int)JsonFieldStatus.TooLong, (int)r.GetChars("sig", new char[5], out length));
            Assert.AreEqual(0, length);
            Assert.IsTrue(r.StringEquals("sig", "abcdef"));
            Assert.IsFalse(r.StringEquals("sig", "abcdeF"));
            Assert.IsFalse(r.StringEquals("nope", "abcdef"));
        }

        [TestMethod]
        public static void Reuses_its_buffers_for_the_next_document()
        {
            var reader = new JsonReader();
            byte[] first = Encoding.UTF8.GetBytes("{\"id\":\"first\",\"n\":1}");
            byte[] second = Encoding.UTF8.GetBytes("{\"id\":\"2nd\"}");
            string error;
            string id;
            Assert.IsTrue(reader.TryParse(first, first.Length, out error));
            Assert.IsTrue(reader.TryParse(second, second.Length, out error));
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)reader.GetString("id", out id));
            Assert.AreEqual("2nd", id);
            Assert.IsFalse(reader.Has("n"));
        }

        [TestMethod]
        public static void Parses_only_the_given_length_of_a_larger_buffer()
        {
            var reader = new JsonReader();
            byte[] bytes = Encoding.UTF8.GetBytes("{\"a\":1}garbage");
            string error;
            Assert.IsTrue(reader.TryParse(bytes, 7, out error), error);
            Assert.IsFalse(reader.TryParse(bytes, 8, out error));
            Assert.AreEqual((int)JsonError.TrailingData, (int)reader.Error);
        }
    }
}
