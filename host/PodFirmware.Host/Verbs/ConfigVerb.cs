using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using PodFirmware.Host.Configuration;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// <c>./pod config check FILE...</c>: validates pod configs and board pin maps with the device's own rules
    /// (<see cref="ConfigFile"/>: a key given twice, an unknown key, a wrong type, then the portable Validate of
    /// <c>PodConfig</c> or <c>BoardConfig</c>), printing every problem with its key and allowed range.
    /// </summary>
    public static class ConfigVerb
    {
        /// <summary>Builds the verb.</summary>
        public static Command Create()
        {
            var files = new Argument<string[]>("FILE") { Description = "Pod configs (nf-device-config/pods/*.json) or board pin maps (nf-device-config/boards/*.json, told apart by their 'outputs' key).", Arity = ArgumentArity.OneOrMore };
            var check = new Command("check", "Validate pod configs and board pin maps as the device would; exit 1 on any problem.");
            check.Arguments.Add(files);
            check.SetAction(parse => Check(parse.GetValue(files) ?? Array.Empty<string>(), Console.Out, Console.Error));
            var command = new Command("config", "Pod config and board pin map tools.");
            command.Subcommands.Add(check);
            return command;
        }

        /// <summary>
        /// Checks every file; prints <c>FILE: ok (pod config)</c> or every problem of it. Returns 0 when all are
        /// valid, 1 when any has a problem, 2 when no file was given.
        /// </summary>
        public static int Check(string[] files, TextWriter output, TextWriter error)
        {
            if (files.Length == 0)
            {
                error.WriteLine("pod config check: give at least one FILE");
                return 2;
            }

            int bad = 0;
            foreach (string file in files)
            {
                try
                {
                    if (IsBoardMap(file))
                    {
                        ConfigFile.LoadBoard(file);
                        output.WriteLine(file + ": ok (board pin map)");
                    }
                    else
                    {
                        ConfigFile.Load(file);
                        output.WriteLine(file + ": ok (pod config)");
                    }
                }
                catch (ConfigFileException e)
                {
                    error.WriteLine(e.Message);
                    bad++;
                }
            }

            return bad == 0 ? 0 : 1;
        }

        // A board map has an "outputs" (or "inputs", "adc") section at its root, a pod config none of them.
        private static bool IsBoardMap(string file)
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(file));
                return doc.RootElement.ValueKind == JsonValueKind.Object &&
                       (doc.RootElement.TryGetProperty("outputs", out _) || doc.RootElement.TryGetProperty("inputs", out _) || doc.RootElement.TryGetProperty("adc", out _));
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException)
            {
                return false; // the pod config loader then names what is wrong with the file
            }
        }
    }
}
