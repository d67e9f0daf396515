using System.Text;
using nanoFramework.TestFramework;
using PodFirmware.Json;

namespace PodFirmware.Tests.Json
{
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public static void Writes_a_status_document_compactly_in_call_order()
        {
            var w = new JsonWriter(256);
            w.BeginObject();
            w.String("pod", "P-017");
            w.Fixed("tempC", 705, 1);
            w.Decimal("currentA", 15.996, 2);
            w.Int("uptimeMs", 123456789012L);
            w.Bool("relay", true);
            w.Bool("locked", false);
            w.Null("fault");
            w.BeginArray("ntcC");
            w.Fixed(705, 1);
            w.Decimal(21.04, 1);
            w.EndArray();
            w.BeginObject("limits");
            w.Int("maxA", 32);
            w.EndObject();
            w.BeginArray("alarms");
            w.EndArray();
            w.EndObject();

            JsonAssert.Text("{\"pod\":\"P-017\",\"tempC\":70.5,\"currentA\":16.00,\"uptimeMs\":123456789012,\"relay\":true,\"locked\":false," +
                "\"fault\":null,\"ntcC\":[70.5,21.0],\"limits\":{\"maxA\":32},\"alarms\":[]}", w);
            Assert.IsTrue(w.IsComplete);
            Assert.IsFalse(w.Overflowed);
            Assert.IsFalse(w.HasUsageError);
        }

        [TestMethod]
        public static void Writes_arrays_of_every_kind_and_nested_containers()
        {
            var w = new JsonWriter(128);
            w.BeginArray();
            w.Int(-1);
            w.String("x");
            w.String(null);
            w.Bool(true);
            w.Null();
            w.BeginObject();
            w.EndObject();
            w.BeginArray();
            w.BeginArray();
            w.EndArray();
            w.EndArray();
            w.EndArray();

            JsonAssert.Text("[-1,\"x\",null,true,null,{},[[]]]", w);
            Assert.IsTrue(w.IsComplete);
        }

        [DataRow(0L, "0")]
        [DataRow(7L, "7")]
        [DataRow(-1L, "-1")]
        [DataRow(1000000L, "1000000")]
        [DataRow(long.MaxValue, "9223372036854775807")]
        [DataRow(long.MinValue, "-9223372036854775808")]
        [TestMethod]
        public static void Writes_integers_exactly(long value, string expected)
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.Int("n", value);
            w.EndObject();
            JsonAssert.Text("{\"n\":" + expected + "}", w);
        }

        [DataRow(705L, 1, "70.5")]
        [DataRow(-5L, 2, "-0.05")]
        [DataRow(700L, 1, "70.0")]
        [DataRow(42L, 0, "42")]
        [DataRow(0L, 2, "0.00")]
        [DataRow(-1L, 1, "-0.1")]
        [DataRow(-100L, 2, "-1.00")]
        [DataRow(123456L, 3, "123.456")]
        [DataRow(long.MaxValue, 18, "9.223372036854775807")]
        [DataRow(long.MinValue, 18, "-9.223372036854775808")]
        [DataRow(long.MinValue, 0, "-9223372036854775808")]
        [DataRow(1L, 18, "0.000000000000000001")]
        [TestMethod]
        public static void Writes_fixed_point_numbers_with_exactly_the_given_decimals(long scaled, int decimals, string expected)
        {
            var w = new JsonWriter(64);
            w.Fixed(scaled, decimals);
            JsonAssert.Text(expected, w);
            Assert.IsTrue(w.IsComplete);
        }

        [DataRow(70.45, 1, "70.5")]
        [DataRow(21.04, 1, "21.0")]
        [DataRow(21.05, 1, "21.1")]
        [DataRow(-21.05, 1, "-21.1")]
        [DataRow(2.5, 0, "3")]
        [DataRow(-2.5, 0, "-3")]
        [DataRow(-0.005, 2, "-0.01")]
        [DataRow(-0.004, 2, "0.00")]
        [DataRow(-0.04, 1, "0.0")]
        [DataRow(0.0, 1, "0.0")]
        [DataRow(15.996, 2, "16.00")]
        [DataRow(31.999, 2, "32.00")]
        [DataRow(230.4, 0, "230")]
        [TestMethod]
        public static void Rounds_decimals_half_away_from_zero(double value, int decimals, string expected)
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.Decimal("v", value, decimals);
            w.EndObject();
            JsonAssert.Text("{\"v\":" + expected + "}", w);
        }

        [DataRow(double.NaN)]
        [DataRow(double.PositiveInfinity)]
        [DataRow(double.NegativeInfinity)]
        [DataRow(1e17)]
        [DataRow(-1e17)]
        [TestMethod]
        public static void Writes_null_for_a_decimal_that_JSON_or_a_long_cannot_hold(double value)
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.Decimal("tempC", value, 2);
            w.EndObject();
            JsonAssert.Text("{\"tempC\":null}", w);
            Assert.IsTrue(w.IsComplete);
        }

        [TestMethod]
        public static void Escapes_quote_backslash_and_control_characters_only()
        {
            var w = new JsonWriter(128);
            w.String("q\"b\\s/ \n\t\r\u0001\u001f\u007f~");
            JsonAssert.Text("\"q\\\"b\\\\s/ \\u000a\\u0009\\u000d\\u0001\\u001f\u007f~\"", w);
        }

        [TestMethod]
        public static void Escapes_member_names_like_values()
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.Int("a\"\n", 1);
            w.EndObject();
            JsonAssert.Text("{\"a\\\"\\u000a\":1}", w);
        }

        [TestMethod]
        public static void Encodes_two_and_three_byte_characters_as_UTF8()
        {
            var w = new JsonWriter(64);
            w.String("\u00e9\u20ac\u07ff\u0800\uffff");
            JsonAssert.Bytes(new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xEF, 0xBF, 0xBF, 0x22 }, w);
        }

        [TestMethod]
        public static void Writes_each_surrogate_of_a_pair_as_one_replacement_character()
        {
            // U+1F600 and U+10FFFF from their UTF-8 bytes: .NET sees two surrogate pairs, the board's indexer the high
            // surrogates twice; one U+FFFD per code unit gives the same 14 bytes on both.
            var w = new JsonWriter(64);
            w.String(Encoding.UTF8.GetString(new byte[] { 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF }, 0, 8));
            JsonAssert.Bytes(new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0x22 }, w);
        }

        [TestMethod]
        public static void Writes_a_surrogate_pair_built_from_code_units_as_two_replacement_characters()
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.String("s", Chars(0x41, 0xD83D, 0xDE00, 0x42));
            w.EndObject();
            JsonAssert.Bytes(new byte[] { 0x7B, 0x22, 0x73, 0x22, 0x3A, 0x22, 0x41, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0x42, 0x22, 0x7D }, w);
        }

        [TestMethod]
        public static void Writes_a_lone_surrogate_as_the_replacement_character()
        {
            var w = new JsonWriter(64);
            w.String(Chars(0xD83D, 0x41, 0xDE00));
            JsonAssert.Bytes(new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0x41, 0xEF, 0xBF, 0xBD, 0x22 }, w);
        }

        [TestMethod]
        public static void Ends_a_string_at_U0000_as_the_board_does()
        {
            // The board's string already ends at U+0000; the writer stops there too, so both write "a" and go on.
            var w = new JsonWriter(64);
            w.BeginObject();
            w.String("s", Chars(0x61, 0x00, 0x62));
            w.StringWithNumber("id", Chars(0x70, 0x00, 0x71), 7);
            w.EndObject();
            JsonAssert.Text("{\"s\":\"a\",\"id\":\"p7\"}", w);
        }

        /// <summary>A string from UTF-16 code units, so no source literal holds text the board would read differently.</summary>
        private static string Chars(params int[] units)
        {
            var chars = new char[units.Length];
            for (int i = 0; i < units.Length; i++)
            {
                chars[i] = (char)units[i];
            }

            return new string(chars);
        }

        [TestMethod]
        public static void A_document_of_exactly_the_capacity_fits()
        {
            var w = new JsonWriter(9);
            w.BeginObject();
            w.Int("a", 123);
            w.EndObject();
            JsonAssert.Text("{\"a\":123}", w);
            Assert.AreEqual(9, w.Capacity);
            Assert.IsFalse(w.Overflowed);
            Assert.IsTrue(w.IsComplete);
        }

        [TestMethod]
        public static void A_call_that_does_not_fit_writes_nothing_and_sets_Overflowed()
        {
            var w = new JsonWriter(8);
            w.BeginObject();
            w.Int("a", 1);
            w.String("b", "too long");
            Assert.IsTrue(w.Overflowed);
            Assert.IsFalse(w.IsComplete);
            JsonAssert.Text("{\"a\":1", w);
        }

        [TestMethod]
        public static void A_number_whose_digits_do_not_fit_is_rolled_back_whole()
        {
            var w = new JsonWriter(8);
            w.BeginArray();
            w.Int(1);
            w.Int(123456);
            Assert.IsTrue(w.Overflowed);
            JsonAssert.Text("[1", w);
        }

        [TestMethod]
        public static void Every_call_after_an_overflow_is_ignored_even_if_it_would_fit()
        {
            var w = new JsonWriter(8);
            w.BeginArray();
            w.String("abcdefgh");
            w.Int(1);
            w.EndArray();
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(1, w.Depth, "the ignored EndArray did not close the array");
            JsonAssert.Text("[", w);
        }

        [TestMethod]
        public static void A_closing_bracket_that_does_not_fit_sets_Overflowed()
        {
            var w = new JsonWriter(2);
            w.BeginArray();
            w.Int(1);
            w.EndArray();
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(1, w.Depth);
            JsonAssert.Text("[1", w);
        }

        [TestMethod]
        public static void Reset_clears_the_flags_and_reuses_the_same_buffer()
        {
            var w = new JsonWriter(8);
            byte[] buffer = w.Buffer;
            w.BeginArray();
            w.String("does not fit");
            Assert.IsTrue(w.Overflowed);

            w.Reset();
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(0, w.Length);
            w.BeginArray();
            w.Int(5);
            w.EndArray();
            JsonAssert.Text("[5]", w);
            Assert.IsTrue(w.IsComplete);
            Assert.AreSame(buffer, w.Buffer);
        }

        [TestMethod]
        public static void A_named_value_inside_an_array_is_a_usage_error_and_writes_nothing()
        {
            var w = new JsonWriter(32);
            w.BeginArray();
            w.Int("a", 1);
            Assert.IsTrue(w.HasUsageError);
            Assert.IsFalse(w.IsComplete);
            JsonAssert.Text("[", w);
        }

        [TestMethod]
        public static void An_unnamed_value_inside_an_object_is_a_usage_error()
        {
            var w = new JsonWriter(32);
            w.BeginObject();
            w.Int(1);
            Assert.IsTrue(w.HasUsageError);
            JsonAssert.Text("{", w);
        }

        [TestMethod]
        public static void A_named_value_at_the_root_is_a_usage_error()
        {
            var w = new JsonWriter(32);
            w.Int("a", 1);
            Assert.IsTrue(w.HasUsageError);
            Assert.AreEqual(0, w.Length);
        }

        [TestMethod]
        public static void Closing_the_wrong_kind_of_container_is_a_usage_error()
        {
            var w = new JsonWriter(32);
            w.BeginObject();
            w.EndArray();
            Assert.IsTrue(w.HasUsageError);
            Assert.AreEqual(1, w.Depth);
        }

        [TestMethod]
        public static void Closing_at_the_root_is_a_usage_error()
        {
            var w = new JsonWriter(32);
            w.EndObject();
            Assert.IsTrue(w.HasUsageError);
        }

        [TestMethod]
        public static void A_second_root_value_is_a_usage_error()
        {
            var w = new JsonWriter(32);
            w.Int(1);
            Assert.IsTrue(w.IsComplete);
            w.Int(2);
            Assert.IsTrue(w.HasUsageError);
            Assert.IsFalse(w.IsComplete);
            JsonAssert.Text("1", w);
        }

        [TestMethod]
        public static void Nesting_deeper_than_the_limit_is_a_usage_error()
        {
            var w = new JsonWriter(32, 2);
            w.BeginArray();
            w.BeginArray();
            Assert.IsFalse(w.HasUsageError);
            w.BeginArray();
            Assert.IsTrue(w.HasUsageError);
            Assert.AreEqual(2, w.Depth);
            JsonAssert.Text("[[", w);
        }

        [DataRow(-1)]
        [DataRow(19)]
        [TestMethod]
        public static void Decimals_outside_0_to_18_are_a_usage_error(int decimals)
        {
            var w = new JsonWriter(32);
            w.BeginArray();
            w.Fixed(1, decimals);
            Assert.IsTrue(w.HasUsageError);
            JsonAssert.Text("[", w);
        }

        [TestMethod]
        public static void An_open_document_is_not_complete()
        {
            var w = new JsonWriter(32);
            Assert.IsFalse(w.IsComplete, "empty");
            w.BeginObject();
            Assert.IsFalse(w.IsComplete, "open");
            w.EndObject();
            Assert.IsTrue(w.IsComplete, "closed");
        }

        [TestMethod]
        public static void Refuses_a_buffer_of_zero_bytes()
        {
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new JsonWriter(0));
        }
    }
}
