using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using PodFirmware.Core.Config;

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
    /// Loads a pod config JSON file on the host into the same <see cref="PodConfig"/> classes the
    /// device fills with nanoFramework.Json, strictly: an unknown key, a wrong type or a broken
    /// file is an error naming the key; then <see cref="PodConfig.Validate"/> runs as on the device.
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
        public static PodConfig Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw new ConfigFileException(path + ": cannot read: " + e.Message);
            }

            return Parse(text, path);
        }

        /// <summary>Parses and validates config text; <paramref name="source"/> names it in errors.</summary>
        public static PodConfig Parse(string json, string source)
        {
            PodConfig config;
            try
            {
                config = JsonSerializer.Deserialize<PodConfig>(json, Options);
            }
            catch (JsonException e)
            {
                throw new ConfigFileException(source + ": " + Describe(e));
            }

            if (config == null)
            {
                throw new ConfigFileException(source + ": the file holds null, not a config object");
            }

            var errors = config.Validate();
            if (errors.Count > 0)
            {
                throw new ConfigFileException(source + ": invalid config:\n  " + errors.ToString().TrimEnd('\n').Replace("\n", "\n  "));
            }

            return config;
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
