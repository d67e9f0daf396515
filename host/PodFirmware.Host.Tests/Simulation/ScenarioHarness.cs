using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PodFirmware.Core.Scenarios;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Simulation
{
    /// <summary>
    /// Runs a shipped scenario through <c>./pod sim</c>'s code path (<see cref="SimVerb.Run"/>) and
    /// condenses each event to "t kind detail" so a test can assert the exact sequence and virtual times.
    /// The two lock events every pod writes at boot (both locks Locked at t=0) are left out, and so are pilot events
    /// (every run has them; <see cref="PilotScenarioTests"/> reads them with <see cref="AllLines"/>).
    /// </summary>
    internal static class ScenarioHarness
    {
        internal const string DemoConfig = "nf-device-config/pods/pod-demo.json";

        internal static List<JsonElement> Run(string scenario, long untilMs, string config = DemoConfig)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int rc = SimVerb.Run(
                new FileInfo(Path.Combine(RepoPaths.Root, config)),
                new FileInfo(Path.Combine(RepoPaths.Root, "scenarios", scenario + ".txt")),
                untilMs, output, error);
            Assert.True(rc == 0, error.ToString());
            return output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        }

        /// <summary>The condensed events of a run, boot lock events left out.</summary>
        internal static string[] Lines(string scenario, long untilMs, string config = DemoConfig) =>
            Run(scenario, untilMs, config).Select(Line).Where(l => l != "0 lock wheel locked" && l != "0 lock cable locked" && !l.Contains(" pilot")).ToArray();

        /// <summary>The condensed events of a run with the pilot events, boot lock events left out.</summary>
        internal static string[] AllLines(string scenario, long untilMs, string config = DemoConfig) =>
            Run(scenario, untilMs, config).Select(Line).Where(l => l != "0 lock wheel locked" && l != "0 lock cable locked").ToArray();

        /// <summary>
        /// Runs the scenario on a <see cref="ScenarioRun"/> (what SimVerb runs) and returns the pod, for
        /// values the event JSON does not carry (the exact mWh, the stop fault).
        /// </summary>
        internal static VirtualPod Pod(string scenario, long untilMs, string config = DemoConfig)
        {
            var run = ScenarioRun.Create(
                ConfigFile.Load(Path.Combine(RepoPaths.Root, config)),
                ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", scenario + ".txt"))));
            run.RunUntil(untilMs, _ => { });
            return run.Pod;
        }

        /// <summary>A scenario run that can be advanced in steps.</summary>
        internal static ScenarioRun Create(string scenario, string config = DemoConfig) =>
            ScenarioRun.Create(
                ConfigFile.Load(Path.Combine(RepoPaths.Root, config)),
                ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", scenario + ".txt"))));

        internal static string Line(JsonElement e)
        {
            string kind = e.GetProperty("event").GetString();
            string head = e.GetProperty("uptimeMs").GetInt64() + " " + kind;
            switch (kind)
            {
                case "status": return head + " " + e.GetProperty("connector").GetString();
                case "relay": return head + (e.GetProperty("closed").GetBoolean() ? " closed" : " open");
                case "command_result":
                    string r = head + " " + e.GetProperty("id").GetString() + " " + e.GetProperty("result").GetString();
                    return e.TryGetProperty("leftS", out JsonElement left) ? r + " leftS=" + left.GetInt64() : r;
                case "session": return head + " " + e.GetProperty("session").GetString() + " " + e.GetProperty("stopReason").GetString();
                case "session_started": return head + " " + e.GetProperty("session").GetString() + " " + e.GetProperty("account").GetString();
                case "alarm":
                case "fault_cleared": return head + " " + e.GetProperty("code").GetString();
                case "warning": return head + " " + e.GetProperty("code").GetString() + (e.GetProperty("active").GetBoolean() ? " active" : " inactive");
                case "lock": return head + " " + e.GetProperty("lock").GetString() + " " + e.GetProperty("state").GetString();
                case "pilot": return head + " " + e.GetProperty("state").GetString() + " " + e.GetProperty("dutyPercent").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture) +
                    " " + e.GetProperty("offeredA").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
                case "moving": return head + (e.GetProperty("moving").GetBoolean() ? " started " : " stopped ") + e.GetProperty("reason").GetString();
                case "derate": return head + " " + e.GetProperty("step").GetString();
                case "move": return head + " " + e.GetProperty("account").GetString() + " " + e.GetProperty("reason").GetString();
                default: return head;
            }
        }
    }
}
