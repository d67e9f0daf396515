using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using PodFirmware.Core.Config;
using PodFirmware.Core.Config.Board;

namespace PodFirmware.Host.Configuration
{
    /// <summary>A pod config file that cannot be used; the message names the file and the key.</summary>
    public sealed class ConfigFileException : Exception
    {
        /// <summary>Creates the error.</summary>
        public ConfigFileException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// Loads a pod config (or a board pin map) JSON file on the host into the same <see cref="PodConfig"/> (<see cref="BoardConfig"/>) classes the
    /// device fills with nanoFramework.Json, strictly: an unknown key, a wrong type or a broken
    /// file is an error naming the key; then <see cref="PodConfig.Validate"/> (<see cref="BoardConfig.Validate"/>) runs as on the device.
    /// </summary>
    public static class ConfigFile
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            IncludeFields = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // No enum converter: the config classes hold named choices ("transducer": "hall") as strings,
            // as nanoFramework.Json on the board needs, and their Validate maps the name (letter case ignored).
        };

        /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="ConfigFileException"/> listing every problem.</summary>
        public static PodConfig Load(string path) => Parse(Read(path), path);

        /// <summary>Parses and validates config text; <paramref name="source"/> names it in errors.</summary>
        public static PodConfig Parse(string json, string source)
        {
            PodConfig config = Deserialize<PodConfig>(json, source);
            ThrowIfInvalid(WithDuplicates(json, config.Validate()), source, "config");
            return config;
        }

        /// <summary>
        /// Reads and validates a board pin map (<c>nf-device-config/boards/*.json</c>) as strictly as a pod
        /// config, then runs the same <see cref="BoardConfig.Validate"/> as the device; throws
        /// <see cref="ConfigFileException"/> listing every problem.
        /// </summary>
        public static BoardConfig LoadBoard(string path) => ParseBoard(Read(path), path);

        /// <summary>Parses and validates pin map text; <paramref name="source"/> names it in errors.</summary>
        public static BoardConfig ParseBoard(string json, string source)
        {
            BoardConfig board = Deserialize<BoardConfig>(json, source);
            ThrowIfInvalid(WithDuplicates(json, board.Validate()), source, "pin map");
            return board;
        }

        // A key given twice is an error naming it (System.Text.Json, like nanoFramework.Json, would keep the last),
        // listed before the value checks, which saw only the last value.
        private static PodFirmware.Drivers.Config.ConfigErrors WithDuplicates(string json, PodFirmware.Drivers.Config.ConfigErrors checks)
        {
            var errors = new PodFirmware.Drivers.Config.ConfigErrors();
            DuplicateKeys.Check(json, errors);
            for (int i = 0; i < checks.Count; i++)
            {
                errors.Add(checks[i]);
            }

            return errors;
        }

        private static string Read(string path)
        {
            if (Directory.Exists(path))
            {
                throw new ConfigFileException(path + ": is a directory, not a config file");
            }


            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConfigFileException(path + ": cannot read: " + e.Message);
            }
        }

        /// <summary>
        /// The strict System.Text.Json reading of <see cref="Load"/> without validation, as the portable
        /// <see cref="PodFirmware.Core.Boot.PodConfigLoader"/> wants it (it checks duplicates and validates itself).
        /// </summary>
        public sealed class Parser : PodFirmware.Core.Boot.IConfigParser
        {
            /// <inheritdoc/>
            public object Parse(string json, Type type)
            {
                try
                {
                    return JsonSerializer.Deserialize(json, type, Options);
                }
                catch (JsonException e)
                {
                    throw new ConfigFileException(Describe(e));
                }
            }
        }

        private static T Deserialize<T>(string json, string source)
            where T : class
        {
            T value;
            try
            {
                value = JsonSerializer.Deserialize<T>(json, Options);
            }
            catch (JsonException e)
            {
                throw new ConfigFileException(source + ": " + Describe(e));
            }

            if (value == null)
            {
                throw new ConfigFileException(source + ": the file holds null, not a config object");
            }

            return value;
        }

        private static void ThrowIfInvalid(PodFirmware.Drivers.Config.ConfigErrors errors, string source, string what)
        {
            if (errors.Count > 0)
            {
                throw new ConfigFileException(source + ": invalid " + what + ":\n  " + errors.ToString().TrimEnd('\n').Replace("\n", "\n  "));
            }
        }

        private static string Describe(JsonException e)
        {
            string key = KeyOf(e.Path);
            if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            {
                return key + ": unknown key";
            }

            if (key.Length > 0)
            {
                return key + ": wrong type or malformed value (line " + (e.LineNumber + 1) + ")";
            }

            return "malformed JSON at line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1);
        }

        private static string KeyOf(string jsonPath) => string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$', '.');
    }
}
