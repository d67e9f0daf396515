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
        [DataRow("0 plug maybe", 1, "plug takes one of in|out")]
        [DataRow("0 relay_feedback welded", 1, "relay_feedback takes one of ok|stuck_closed|stuck_open")]
        [DataRow("0 cable_lock_sense jammed", 1, "cable_lock_sense takes one of ok|stuck_locked|stuck_unlocked")]
        [DataRow("0 position 91 11", 1, "position takes")]
        [DataRow("0 position 48.1", 1, "position takes")]
        [DataRow("0 cmd stop", 1, "cmd needs a JSON object")]
        [DataRow("0 ev drive", 1, "ev takes connect|charge|ventilation|stop|unplug")]
        [DataRow("0 ev charge now", 1, "ev takes")]
        [DataRow("0 ev max_a", 1, "ev takes")]
        [DataRow("0 ev max_a lots", 1, "ev takes")]
        [DataRow("0 ev reaction_ms -1", 1, "ev takes")]
        [DataRow("0 ev diode broken", 1, "diode ok|missing")]
        [DataRow("0 ev cp open", 1, "ev takes")]
        [DataRow("0 pp closed", 1, "pp takes '<ohms>'")]
        [DataRow("0 pp -5", 1, "pp takes '<ohms>'")]
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
    
        [TestMethod]
        public static void Reads_the_EV_and_cable_lines()
        {
            ScenarioStep[] steps = ScenarioParser.Parse(
                "0 ev connect\n" +
                "0 ev max_a 16\n" +
                "0 ev reaction_ms 250\n" +
                "0 ev ignores_limit on\n" +
                "0 ev diode ok\n" +
                "0 ev cp short\n" +
                "0 pp 680\n" +
                "0 pp open\n");
            Assert.AreEqual(8, steps.Length);
            for (int i = 0; i < steps.Length; i++)
            {
                Assert.AreEqual((int)ScenarioStepKind.Ev, (int)steps[i].Kind);
            }

            Assert.AreEqual("ev", steps[0].Target);
            Assert.AreEqual("connect", steps[0].Text);
            Assert.AreEqual("max_a", steps[1].Text);
            Assert.AreEqual(16.0, steps[1].Value);
            Assert.AreEqual(250.0, steps[2].Value);
            Assert.AreEqual("ignores_limit", steps[3].Text);
            Assert.AreEqual(1.0, steps[3].Value);
            Assert.AreEqual(0.0, steps[4].Value);
            Assert.AreEqual("cp", steps[5].Text);
            Assert.AreEqual(1.0, steps[5].Value);
            Assert.AreEqual("pp", steps[6].Target);
            Assert.AreEqual(680.0, steps[6].Value);
            Assert.AreEqual("open", steps[7].Text);
        }

        [TestMethod]
        public static void Reads_inputs_positions_and_commands()
        {
            ScenarioStep[] steps = ScenarioParser.Parse(
                "0 dock in\n" +
                "0 plug in\n" +
                "100 cmd {\"type\":\"start\",\"account\":\"ann#1\"}  # the '#' inside the JSON string is not a comment\n" +
                "200 relay_feedback stuck_closed\n" +
                "300 wheel_lock_sense stuck_locked\n" +
                "400 vehicle present\n" +
                "500 position -33.8688 151.2093\n" +
                "600 position none\n");
            Assert.AreEqual(8, steps.Length);
            Assert.AreEqual((int)ScenarioStepKind.Input, (int)steps[0].Kind);
            Assert.AreEqual("dock", steps[0].Target);
            Assert.AreEqual("in", steps[0].Text);
            Assert.AreEqual((int)ScenarioStepKind.Command, (int)steps[2].Kind);
            Assert.AreEqual("{\"type\":\"start\",\"account\":\"ann#1\"}", steps[2].Text);
            Assert.AreEqual("stuck_closed", steps[3].Text);
            Assert.AreEqual((int)ScenarioStepKind.Input, (int)steps[4].Kind);
            Assert.AreEqual("present", steps[5].Text);
            Assert.AreEqual((int)ScenarioStepKind.Position, (int)steps[6].Kind);
            Assert.AreEqual(-33.8688, steps[6].Value);
            Assert.AreEqual(151.2093, steps[6].Value2);
            Assert.AreEqual("none", steps[7].Text);
        }
    }
}
