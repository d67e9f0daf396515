using System;
using System.CommandLine;
using System.IO;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Host.Verbs
{
    /// <summary><c>./pod sim</c>: runs a scenario in virtual time and prints every event as one JSON line.</summary>
    public static class SimVerb
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var config = new Option<FileInfo>("--config") { Description = "Pod config JSON (e.g. nf-device-config/pods/pod-demo.json).", Required = true };
            var scenario = new Option<FileInfo>("--scenario") { Description = "Scenario file: '<t_ms> <target> <value>' per line.", Required = true };
            var until = new Option<long>("--until") { Description = "Last virtual time to run, in ms (0 to 604800000, a week).", Required = true };
            VerbInputs.Range(until, 0, 604800000, "virtual ms");
            var events = new Option<bool>("--events") { Description = "Print every event as a JSON line (the default and, for now, only output)." };
            var command = new Command("sim", "Run a scenario against a virtual pod in virtual time; prints events as JSON lines with the virtual time in ms as \"t\".");
            command.Options.Add(config);
            command.Options.Add(scenario);
            command.Options.Add(until);
            command.Options.Add(events);
            command.SetAction(parse => Run(parse.GetValue(config), parse.GetValue(scenario), parse.GetValue(until), Console.Out, Console.Error));
            return command;
        }

        /// <summary>Runs the simulation; returns 0, or 2 with an error naming the file and line or key.</summary>
        public static int Run(FileInfo configFile, FileInfo scenarioFile, long untilMs, TextWriter output, TextWriter error)
        {
            if (untilMs < 0)
            {
                error.WriteLine("pod sim: --until must be 0 or more ms");
                return 2;
            }

            try
            {
                var config = ConfigFile.Load(configFile.FullName);
                string text;
                try
                {
                    text = VerbInputs.ReadText(scenarioFile, "scenario");
                }
                catch (VerbInputException e)
                {
                    error.WriteLine("pod sim: " + e.Message);
                    return 2;
                }

                ScenarioStep[] steps = ScenarioParser.Parse(text);
                ScenarioRun.Create(config, steps).RunUntil(untilMs, output.WriteLine);
                return 0;
            }
            catch (ConfigFileException e)
            {
                error.WriteLine("pod sim: " + e.Message);
                return 2;
            }
            catch (ScenarioException e)
            {
                error.WriteLine("pod sim: " + scenarioFile.Name + ": " + e.Message);
                return 2;
            }
        }
    }
}
