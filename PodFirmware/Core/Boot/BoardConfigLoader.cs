using System;
using PodFirmware.Core.Config;
using PodFirmware.Core.Config.Board;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Boot
{
    /// <summary>
    /// Loads a board pin map file at boot with the device's rules: no key given twice, a readable file, then
    /// <see cref="BoardConfig.Validate"/>. Unlike the pod config there is no fallback: a map with any problem may
    /// belong to another board revision, so the caller opens no pin at all.
    /// </summary>
    /// <remarks>Boot only (allocates). Stateless.</remarks>
    public static class BoardConfigLoader
    {
        /// <summary>
        /// The map in <paramref name="json"/>, or null with every problem recorded in <paramref name="errors"/>
        /// (<c>file: ...</c> for an unreadable file). Never throws.
        /// </summary>
        public static BoardConfig Load(string json, IConfigParser parser, ConfigErrors errors)
        {
            if (json == null)
            {
                errors.Fail("file", "unreadable");
                return null;
            }

            int before = errors.Count;
            DuplicateKeys.Check(json, errors);
            try
            {
                BoardConfig board = (BoardConfig)parser.Parse(json, typeof(BoardConfig));
                if (board == null)
                {
                    errors.Fail("file", "holds no pin map object");
                    return null;
                }

                ConfigErrors invalid = board.Validate();
                for (int i = 0; i < invalid.Count; i++)
                {
                    errors.Add(invalid[i]);
                }

                return errors.Count == before ? board : null;
            }
            catch (Exception ex)
            {
                errors.Fail("file", "unreadable (malformed JSON or an unknown key): " + ex.Message);
                return null;
            }
        }
    }
}
