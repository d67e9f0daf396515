using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Config
{
    /// <summary>A key given twice in one object is named by its dotted path; the same name in two objects is not a duplicate.</summary>
    [TestClass]
    public class DuplicateKeysTests
    {
        [TestMethod]
        [DataRow("{\"podId\":\"a\",\"podId\":\"b\"}", "podId: given twice")]
        [DataRow("{\"mqtt\":{\"port\":1,\"host\":\"h\",\"port\":2}}", "mqtt.port: given twice")]
        [DataRow("{\"safety\":{\"thermal\":{\"limitC\":70,\"limitC\":90}}}", "safety.thermal.limitC: given twice")]
        [DataRow("{\"a\":[{\"k\":1,\"k\":2}]}", "a[].k: given twice")]
        [DataRow("{ \"x\" : \"p,q\\\"\" , \"x\" : 1 }", "x: given twice")]
        public static void A_key_given_twice_is_named_by_its_path(string json, string expected)
        {
            var errors = new ConfigErrors();
            Assert.AreEqual(1, DuplicateKeys.Check(json, errors));
            Assert.Contains(expected, errors.ToString());
        }

        [TestMethod]
        [DataRow("{\"mqtt\":{\"port\":1},\"heartbeat\":{\"port\":2},\"port\":3}")]
        [DataRow("{\"a\":[{\"k\":1},{\"k\":2}],\"k\":\"k\"}")]
        [DataRow("{\"a\":\"a\",\"b\":[\"a\",\"a\"]}")]
        [DataRow("")]
        [DataRow("{\"a\":")]
        [DataRow("}]{\"a")]
        public static void Distinct_keys_and_broken_text_report_nothing(string json)
        {
            var errors = new ConfigErrors();
            Assert.AreEqual(0, DuplicateKeys.Check(json, errors));
            Assert.AreEqual(0, errors.Count);
        }

        [TestMethod]
        public static void Every_duplicate_is_reported()
        {
            var errors = new ConfigErrors();
            Assert.AreEqual(3, DuplicateKeys.Check("{\"a\":1,\"a\":2,\"b\":{\"c\":1,\"c\":2},\"a\":3}", errors));
            Assert.AreEqual("a: given twice (the loader would keep only the last)\nb.c: given twice (the loader would keep only the last)\na: given twice (the loader would keep only the last)\n", errors.ToString());
        }
    }
}
