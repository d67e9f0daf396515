using System;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Boot
{
    /// <summary>Turns config text into the typed class: nanoFramework.Json on the board, System.Text.Json on the host.</summary>
    public interface IConfigParser
    {
        /// <summary>
        /// Parses <paramref name="json"/> into a new <paramref name="type"/>; returns null for a JSON null and throws
        /// on malformed text, an unknown key or a wrong type (the message naming what it can).
        /// </summary>
        object Parse(string json, Type type);
    }

    /// <summary>
    /// Loads the pod config at boot with the device's rules: no key given twice (<see cref="DuplicateKeys"/>), a
    /// readable file, then <see cref="PodConfig.Validate"/>. A missing or bad file never leaves the pod dead: the
    /// result is then <see cref="SafeDefaults"/> with <see cref="Problem"/> set, and the caller runs the tick with
    /// charging disabled (<c>PodController.DisableCharging</c>) and no network.
    /// </summary>
    /// <remarks>Boot and console only (allocates). Not thread-safe; one loader per load.</remarks>
    public sealed class PodConfigLoader
    {
        /// <summary>The config to run: the file's when <see cref="Problem"/> is null, else <see cref="SafeDefaults"/>.</summary>
        public PodConfig Config;

        /// <summary>Every problem found, each <c>key: reason</c>; empty when the file is usable.</summary>
        public ConfigErrors Errors = new ConfigErrors();

        /// <summary>The first problem (<c>key: reason</c>), the status's <c>configError</c>; null when the file is usable.</summary>
        public string Problem;

        /// <summary>
        /// Built-in defaults for every key the safety rules, sensors and locks need (each key's documented default),
        /// no pod id and no network. Used only with charging disabled.
        /// </summary>
        /// <returns>A fresh config.</returns>
        public static PodConfig SafeDefaults()
        {
            return new PodConfig();
        }

        /// <summary>
        /// Loads <paramref name="json"/> (null: the file is missing) with <paramref name="parser"/>; never throws.
        /// </summary>
        /// <param name="json">The file's text, or null when there is no file.</param>
        /// <param name="parser">The JSON parser of this build.</param>
        /// <returns>The loader holding the config to run and the problems.</returns>
        public static PodConfigLoader Load(string json, IConfigParser parser)
        {
            PodConfigLoader result = new PodConfigLoader();
            ConfigErrors errors = result.Errors;
            PodConfig config = null;
            if (json == null)
            {
                errors.Fail("file", "not found");
            }
            else if (DuplicateKeys.Check(json, errors) == 0)
            {
                try
                {
                    config = (PodConfig)parser.Parse(json, typeof(PodConfig));
                    if (config == null)
                    {
                        errors.Fail("file", "holds no config object");
                    }
                    else
                    {
                        ConfigErrors invalid = config.Validate();
                        for (int i = 0; i < invalid.Count; i++)
                        {
                            errors.Add(invalid[i]);
                        }
                    }
                }
                catch (Exception ex)
                {
                    // nanoFramework.Json names no key; an unknown or misspelt key lands here too
                    errors.Fail("file", "unreadable (malformed JSON or an unknown key): " + ex.Message);
                }
            }

            if (errors.Count == 0)
            {
                result.Config = config;
            }
            else
            {
                result.Config = SafeDefaults();
                result.Problem = errors[0];
            }

            return result;
        }
    }
}
