using nanoFramework.TestFramework;
using PodFirmware.Core.Scenarios;

namespace PodFirmware.Tests.Core.Scenarios
{
    [TestClass]
    public class ScenarioParserTests
    {
        [TestMethod]
        public static void Reads_values_and_sensor_states_in_file_order_skipping_comments()
        {
            ScenarioStep[] steps = ScenarioParser.Parse(
                "# a comment line\n" +
                "0 temp_c 25.5   # trailing comment\n" +
                "\n" +
                "1000 current_a 16\n" +
                "1000 temp_sensor open\r\n");
            Assert.AreEqual(3, steps.Length);
            Assert.AreEqual(0L, steps[0].TimeMs);
            Assert.AreEqual("temp_c", steps[0].Target);
            Assert.AreEqual(25.5, steps[0].Value);
            Assert.AreEqual(2, steps[0].LineNumber);
            Assert.AreEqual((int)ScenarioStepKind.Value, (int)steps[1].Kind);
            Assert.AreEqual(16.0, steps[1].Value);
            Assert.AreEqual((int)ScenarioStepKind.SensorState, (int)steps[2].Kind);
            Assert.AreEqual("open", steps[2].Text);
            Assert.AreEqual(5, steps[2].LineNumber);
        }

        [DataRow("0 tmp_c 25", 1, "unknown target 'tmp_c'")]
        [DataRow("x temp_c 25", 1, "time 'x'")]
        [DataRow("-5 temp_c 25", 1, "time '-5'")]
        [DataRow("0 temp_c warm", 1, "temp_c needs a number")]
        [DataRow("0 temp_sensor broken", 1, "temp_sensor takes one of ok|open|short|stuck")]
        [DataRow("0 temp_c", 1, "needs a value")]
        [DataRow("500 temp_c 20\n100 temp_c 30", 2, "goes back")]
        [TestMethod]
        public static void Rejects_a_bad_line_naming_it(string text, int lineNumber, string reason)
        {
            try
            {
                ScenarioParser.Parse(text);
            }
            catch (ScenarioException e)
            {
                Assert.AreEqual(lineNumber, e.LineNumber);
                Assert.Contains("scenario line " + lineNumber.ToString() + ": ", e.Message);
                Assert.Contains(reason, e.Message);
                return;
            }

            Assert.IsTrue(false, "no error for: " + text);
        }
    }
}
