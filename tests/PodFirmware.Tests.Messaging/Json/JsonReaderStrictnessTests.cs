using System.Text;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Json;

namespace PodFirmware.Tests.Json
{
    /// <summary>The malformed corpus: each input is rejected with its own error code, at its own byte offset.</summary>
    [TestClass]
    public class JsonReaderStrictnessTests
    {
        private static void AssertRejected(byte[] input, int length, int expectedError, int expectedOffset)
        {
            var reader = new JsonReader();
            string error;
            bool ok = reader.TryParse(input, length, out error);
            Assert.IsFalse(ok, "accepted");
            Assert.AreEqual(expectedError, (int)reader.Error, "error code (" + error + ")");
            Assert.AreEqual(expectedOffset, reader.ErrorOffset, "error offset (" + error + ")");
            if (expectedError != (int)JsonError.TooLarge)
            {
                Assert.AreEqual(JsonReader.Describe(reader.Error) + " at byte " + expectedOffset.ToString(), error);
            }

            Assert.IsFalse(reader.IsParsed);
            Assert.AreEqual((int)JsonValueKind.None, (int)reader.RootKind);
        }

        private static void AssertRejected(string json, int expectedError, int expectedOffset)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            AssertRejected(bytes, bytes.Length, expectedError, expectedOffset);
        }

        [DataRow("", (int)JsonError.Empty, 0)]
        [DataRow(" \r\n\t", (int)JsonError.Empty, 4)]
        [DataRow("{", (int)JsonError.Syntax, 1)]
        [DataRow("{\"cmd\"", (int)JsonError.Syntax, 6)]
        [DataRow("{\"cmd\":", (int)JsonError.Syntax, 7)]
        [DataRow("{\"cmd\":1", (int)JsonError.Syntax, 8)]
        [DataRow("[1,2", (int)JsonError.Syntax, 4)]
        [DataRow("[1,]", (int)JsonError.Syntax, 3)]
        [DataRow("{\"a\":1,}", (int)JsonError.Syntax, 7)]
        [DataRow("{\"a\" 1}", (int)JsonError.Syntax, 5)]
        [DataRow("{\"a\":1 \"b\":2}", (int)JsonError.Syntax, 7)]
        [DataRow("{a:1}", (int)JsonError.Syntax, 1)]
        [DataRow("{'a':1}", (int)JsonError.Syntax, 1)]
        [DataRow("tru", (int)JsonError.Syntax, 3)]
        [DataRow("nul", (int)JsonError.Syntax, 3)]
        [DataRow("True", (int)JsonError.Syntax, 0)]
        [DataRow("\ufeff{}", (int)JsonError.Syntax, 0)]
        [TestMethod]
        public static void Rejects_truncated_and_ill_formed_structure(string json, int error, int offset)
        {
            AssertRejected(json, error, offset);
        }

        [DataRow("\"abc", (int)JsonError.UnterminatedString, 0)]
        [DataRow("{\"a\":\"abc}", (int)JsonError.UnterminatedString, 5)]
        [DataRow("\"abc\\", (int)JsonError.UnterminatedString, 0)]
        [DataRow("\"\\u12", (int)JsonError.UnterminatedString, 0)]
        [DataRow("\"a\\x\"", (int)JsonError.InvalidEscape, 2)]
        [DataRow("\"\\'\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\u12G4\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\ud800\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\udc00\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"\\ud800\\u0041\"", (int)JsonError.InvalidEscape, 1)]
        [DataRow("\"tab\there\"", (int)JsonError.ControlCharacter, 4)]
        [TestMethod]
        public static void Rejects_unterminated_strings_bad_escapes_and_raw_control_characters(string json, int error, int offset)
        {
            AssertRejected(json, error, offset);
        }

        [DataRow("226E756C0022", 4)]
        [DataRow("7B2261223A2200227D", 6)]
        [DataRow("221F22", 1)]
        [TestMethod]
        public static void Rejects_a_raw_NUL_byte_as_a_control_character(string hex, int offset)
        {
            // Built from bytes: a string literal holding U+0000 would end there on the board.
            byte[] bytes = Hex.TryDecode(hex);
            AssertRejected(bytes, bytes.Length, (int)JsonError.ControlCharacter, offset);
        }

        [DataRow("22F09F988022", 1)]
        [DataRow("22F090808022", 1)]
        [DataRow("22F48FBFBF22", 1)]
        [DataRow("2241F09F988022", 2)]
        [DataRow("7B22F09F9880223A317D", 2)]
        [DataRow("225C75303030302022", 1)]
        [DataRow("7B2261223A22785C7530303030227D", 7)]
        [DataRow("225C75643833645C75646530302022", 1)]
        [DataRow("225C75444246465C75444646462022", 1)]
        [TestMethod]
        public static void Rejects_U0000_and_characters_beyond_the_BMP_as_unsupported(string hex, int offset)
        {
            // U+1F600, U+10000 and U+10FFFF raw (also in a member name), the \u0000 escape, and the escape pairs
            // \ud83d\ude00 and \uDBFF\uDFFF: well-formed JSON the firmware does not carry (docs/mqtt.md, Text encoding).
            byte[] bytes = Hex.TryDecode(hex);
            AssertRejected(bytes, bytes.Length, (int)JsonError.UnsupportedCharacter, offset);
        }

        [TestMethod]
        public static void The_highest_carried_character_U_FFFF_is_accepted_raw_and_escaped()
        {
            var reader = new JsonReader();
            string error;
            byte[] raw = Hex.TryDecode("22EFBFBF22");
            Assert.IsTrue(reader.TryParse(raw, raw.Length, out error), error);
            byte[] escaped = Hex.TryDecode("225C754646464622");
            Assert.IsTrue(reader.TryParse(escaped, escaped.Length, out error), error);
            byte[] low = Hex.TryDecode("225C753030303122");
            Assert.IsTrue(reader.TryParse(low, low.Length, out error), "\\u0001 is carried: " + error);
        }

        [DataRow("NaN", (int)JsonError.Syntax, 0)]
        [DataRow("Infinity", (int)JsonError.Syntax, 0)]
        [DataRow("-Infinity", (int)JsonError.InvalidNumber, 0)]
        [DataRow("{\"t\":NaN}", (int)JsonError.Syntax, 5)]
        [DataRow("01", (int)JsonError.InvalidNumber, 0)]
        [DataRow("-01", (int)JsonError.InvalidNumber, 0)]
        [DataRow("[00]", (int)JsonError.InvalidNumber, 1)]
        [DataRow("1.", (int)JsonError.InvalidNumber, 0)]
        [DataRow("1.e5", (int)JsonError.InvalidNumber, 0)]
        [DataRow(".5", (int)JsonError.Syntax, 0)]
        [DataRow("-", (int)JsonError.InvalidNumber, 0)]
        [DataRow("1e", (int)JsonError.InvalidNumber, 0)]
        [DataRow("1e+", (int)JsonError.InvalidNumber, 0)]
        [DataRow("+1", (int)JsonError.Syntax, 0)]
        [DataRow("0x10", (int)JsonError.TrailingData, 1)]
        [DataRow("9223372036854775808", (int)JsonError.NumberOutOfRange, 0)]
        [DataRow("-9223372036854775809", (int)JsonError.NumberOutOfRange, 0)]
        [DataRow("1e19", (int)JsonError.NumberOutOfRange, 0)]
        [DataRow("12345678901234567891", (int)JsonError.NumberOutOfRange, 0)]
        [DataRow("0.0000000000000000001", (int)JsonError.NumberOutOfRange, 0)]
        [DataRow("{\"ts\":1e999999999}", (int)JsonError.NumberOutOfRange, 6)]
        [TestMethod]
        public static void Rejects_NaN_leading_zeros_and_numbers_out_of_range(string json, int error, int offset)
        {
            AssertRejected(json, error, offset);
        }

        [DataRow("9223372036854775807")]
        [DataRow("-9223372036854775808")]
        [DataRow("1e18")]
        [DataRow("0.000000000000000001")]
        [DataRow("0e999999")]
        [DataRow("-0")]
        [DataRow("1234567890123456789")]
        [DataRow("1.5E+3")]
        [DataRow("[[[[1]]]]")]
        [DataRow(" {\"a\" : [ 1 , true , false, null, \"\" ] , \"b\":{}} \r\n")]
        [TestMethod]
        public static void Accepts_the_edges_of_the_grammar_and_the_caps(string json)
        {
            var reader = new JsonReader();
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            string error;
            Assert.IsTrue(reader.TryParse(bytes, bytes.Length, out error), json + ": " + error);
            Assert.IsNull(error);
            Assert.AreEqual((int)JsonError.None, (int)reader.Error);
        }

        [DataRow("{\"a\":1,\"a\":2}", 7)]
        [DataRow("{\"a\":1,\"\\u0061\":2}", 7)]
        [DataRow("{\"x\":{\"k\":1,\"b\":2,\"k\":3}}", 18)]
        [TestMethod]
        public static void Rejects_a_member_name_repeated_in_one_object_even_when_escaped_differently(string json, int offset)
        {
            AssertRejected(json, (int)JsonError.DuplicateKey, offset);
        }

        [TestMethod]
        public static void Allows_the_same_member_name_in_different_objects()
        {
            var reader = new JsonReader();
            byte[] bytes = Encoding.UTF8.GetBytes("{\"a\":{\"a\":1},\"b\":{\"a\":2}}");
            string error;
            Assert.IsTrue(reader.TryParse(bytes, bytes.Length, out error), error);
        }

        [DataRow("{} x", 3)]
        [DataRow("{}{}", 2)]
        [DataRow("1 2", 2)]
        [DataRow("\"a\"\"b\"", 3)]
        [TestMethod]
        public static void Rejects_trailing_data_after_the_root_value(string json, int offset)
        {
            AssertRejected(json, (int)JsonError.TrailingData, offset);
        }

        [DataRow("[[[[[1]]]]]", 4)]
        [DataRow("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", 20)]
        [DataRow("[{\"a\":[{}]}]", -1)]
        [TestMethod]
        public static void Rejects_nesting_deeper_than_four(string json, int offset)
        {
            if (offset < 0)
            {
                var reader = new JsonReader();
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                string error;
                Assert.IsTrue(reader.TryParse(bytes, bytes.Length, out error), "depth 4 is allowed: " + error);
                return;
            }

            AssertRejected(json, (int)JsonError.TooDeep, offset);
        }

        [DataRow("22C08022", 1)]
        [DataRow("22C1BF22", 1)]
        [DataRow("22E0808022", 1)]
        [DataRow("22F080808022", 1)]
        [DataRow("22EDA08022", 1)]
        [DataRow("22F490808022", 1)]
        [DataRow("22F580808022", 1)]
        [DataRow("22FF22", 1)]
        [DataRow("228022", 1)]
        [DataRow("2241E28222", 2)]
        [DataRow("22E282", 1)]
        [DataRow("7B22C3223A317D", 2)]
        [TestMethod]
        public static void Rejects_ill_formed_UTF8_overlongs_surrogates_and_truncated_sequences(string hex, int offset)
        {
            byte[] bytes = Hex.TryDecode(hex);
            AssertRejected(bytes, bytes.Length, (int)JsonError.InvalidUtf8, offset);
        }

        [TestMethod]
        public static void Rejects_2049_bytes_and_accepts_2048()
        {
            var reader = new JsonReader();
            byte[] bytes = new byte[2049];
            bytes[0] = (byte)'"';
            for (int i = 1; i < bytes.Length; i++)
            {
                bytes[i] = (byte)'a';
            }

            bytes[2047] = (byte)'"';
            string error;
            Assert.IsTrue(reader.TryParse(bytes, 2048, out error), "2048 bytes: " + error);
            string value;
            Assert.AreEqual((int)JsonFieldStatus.Ok, (int)reader.GetString("", out value));
            Assert.AreEqual(2046, value.Length);

            AssertRejected(bytes, 2049, (int)JsonError.TooLarge, 2048);
            Assert.IsFalse(reader.TryParse(bytes, 2049, out error));
            Assert.AreEqual("input of 2049 bytes exceeds the 2048-byte limit", error);
        }

        [TestMethod]
        public static void Rejects_more_values_than_the_token_cap()
        {
            var reader = new JsonReader(64, 4, 4);
            byte[] bytes = Encoding.UTF8.GetBytes("[1,2,3,4]");
            string error;
            Assert.IsFalse(reader.TryParse(bytes, bytes.Length, out error));
            Assert.AreEqual((int)JsonError.TooManyTokens, (int)reader.Error, error);
            Assert.AreEqual(7, reader.ErrorOffset);

            bytes = Encoding.UTF8.GetBytes("[1,2,3]");
            Assert.IsTrue(reader.TryParse(bytes, bytes.Length, out error), "four tokens fit: " + error);
        }

        [TestMethod]
        public static void Rejects_a_length_outside_the_buffer_without_throwing()
        {
            var reader = new JsonReader();
            string error;
            Assert.IsFalse(reader.TryParse(new byte[4], 5, out error));
            Assert.IsFalse(reader.TryParse(new byte[4], -1, out error));
            Assert.IsFalse(reader.TryParse(null, 0, out error));
            Assert.AreEqual((int)JsonError.Empty, (int)reader.Error);
        }

        [TestMethod]
        public static void A_failed_parse_forgets_the_previous_document()
        {
            var reader = new JsonReader();
            byte[] good = Encoding.UTF8.GetBytes("{\"a\":1}");
            byte[] bad = Encoding.UTF8.GetBytes("{\"a\":1");
            string error;
            Assert.IsTrue(reader.TryParse(good, good.Length, out error));
            Assert.IsTrue(reader.Has("a"));
            Assert.IsFalse(reader.TryParse(bad, bad.Length, out error));
            Assert.IsFalse(reader.Has("a"));
            long value;
            Assert.AreEqual((int)JsonFieldStatus.NotParsed, (int)reader.GetLong("a", out value));
        }
    }
}
