using nanoFramework.TestFramework;
using PodFirmware.Json;

namespace PodFirmware.Tests.Json
{
    [TestClass]
    public class JsonWriterTimeTests
    {
        private static JsonWriter WriteTime(long utcMs)
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.UtcIso("t", utcMs);
            w.EndObject();
            Assert.IsTrue(w.IsComplete, "document complete");
            return w;
        }

        [DataRow(0L, "1970-01-01T00:00:00.000Z")]
        [DataRow(1795269787250L, "2026-11-21T14:03:07.250Z")]
        [DataRow(1709251199999L, "2024-02-29T23:59:59.999Z")]
        [DataRow(951825600000L, "2000-02-29T12:00:00.000Z")]
        [DataRow(4107542400001L, "2100-03-01T00:00:00.001Z")]
        [DataRow(94694399000L, "1972-12-31T23:59:59.000Z")]
        [DataRow(1767225600000L, "2026-01-01T00:00:00.000Z")]
        [DataRow(253402300799999L, "9999-12-31T23:59:59.999Z")]
        [TestMethod]
        public static void Writes_UTC_milliseconds_as_ISO_8601_with_milliseconds_and_Z(long utcMs, string expected)
        {
            JsonAssert.Text("{\"t\":\"" + expected + "\"}", WriteTime(utcMs));
        }

        [DataRow(-1L)]
        [DataRow(253402300800000L)]
        [TestMethod]
        public static void Writes_null_for_a_time_outside_year_1970_to_9999(long utcMs)
        {
            JsonAssert.Text("{\"t\":null}", WriteTime(utcMs));
        }

        [TestMethod]
        public static void Writes_every_day_of_a_leap_year_in_calendar_order()
        {
            // 2024 is a leap year: 366 days, Feb 29 included, Mar 1 follows.
            var w = new JsonWriter(32);
            long jan1 = 1704067200000L;
            int daysInFeb = 0;
            string previous = "";
            for (int day = 0; day < 366; day++)
            {
                w.Reset();
                w.UtcIso(jan1 + day * 86400000L);
                string text = w.ToString();
                Assert.AreEqual(26, text.Length, text);
                Assert.IsTrue(string.Compare(text, previous) > 0, text + " after " + previous);
                if (text.Substring(1, 8) == "2024-02-")
                {
                    daysInFeb++;
                }

                previous = text;
            }

            Assert.AreEqual(29, daysInFeb, "days in February 2024");
            Assert.AreEqual("\"2024-12-31T00:00:00.000Z\"", previous);
        }

        [DataRow("pod-017-", 42L, "pod-017-42")]
        [DataRow("P-", 0L, "P-0")]
        [DataRow("", 9223372036854775807L, "9223372036854775807")]
        [DataRow("a\"b-", -5L, "a\\\"b--5")]
        [TestMethod]
        public static void Writes_a_prefix_and_a_number_as_one_string(string prefix, long number, string expectedEscaped)
        {
            var w = new JsonWriter(64);
            w.BeginObject();
            w.StringWithNumber("id", prefix, number);
            w.EndObject();
            JsonAssert.Text("{\"id\":\"" + expectedEscaped + "\"}", w);
        }

        [TestMethod]
        public static void A_time_that_does_not_fit_leaves_the_document_unchanged_and_flags_overflow()
        {
            var w = new JsonWriter(20);
            w.BeginObject();
            w.UtcIso("t", 0);
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual("{", w.ToString());
        }
    }
}
