using System.Collections;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config
{
    /// <summary>
    /// Finds a key given twice in one JSON object of a config file. Both JSON loaders (nanoFramework.Json on
    /// the board, System.Text.Json on the host) keep the last value silently, so a file with two <c>podId</c>
    /// keys would run as the second; every loader runs this scan first and refuses such a file.
    /// </summary>
    /// <remarks>
    /// Boot and tools only (allocates). Stateless. Never throws: malformed text is left to the JSON loader,
    /// which reports it; only well-formed objects are scanned with certainty. Names are compared as written
    /// (escapes are not decoded). A key inside an array's objects is named with the array's key and <c>[]</c>.
    /// </remarks>
    public static class DuplicateKeys
    {
        /// <summary>
        /// Records <c>KEY: given twice</c> in <paramref name="errors"/> for every key of <paramref name="json"/>
        /// that repeats a key of the same object, KEY being the dotted path (<c>mqtt.port</c>).
        /// </summary>
        /// <param name="json">The config text; null is treated as empty.</param>
        /// <param name="errors">Where each duplicate is recorded.</param>
        /// <returns>The number of duplicates found.</returns>
        public static int Check(string json, ConfigErrors errors)
        {
            if (json == null)
            {
                return 0;
            }

            // One entry per open container: the names seen (null for an array) and the path prefix of its members.
            ArrayList names = new ArrayList();
            ArrayList prefixes = new ArrayList();
            bool expectKey = false;
            string lastKey = "";
            int found = 0;
            int i = 0;
            while (i < json.Length)
            {
                char c = json[i];
                if (c == '"')
                {
                    int end = i + 1;
                    while (end < json.Length && json[end] != '"')
                    {
                        end += json[end] == '\\' ? 2 : 1;
                    }

                    int top = names.Count - 1;
                    if (expectKey && top >= 0 && names[top] != null && end <= json.Length)
                    {
                        string name = json.Substring(i + 1, (end < json.Length ? end : json.Length) - i - 1);
                        ArrayList seen = (ArrayList)names[top];
                        lastKey = (string)prefixes[top] + name;
                        if (seen.Contains(name))
                        {
                            errors.Fail(lastKey, "given twice (the loader would keep only the last)");
                            found++;
                        }
                        else
                        {
                            seen.Add(name);
                        }

                        expectKey = false;
                    }

                    i = end + 1;
                    continue;
                }

                if (c == '{' || c == '[')
                {
                    string prefix = "";
                    int top = names.Count - 1;
                    if (top >= 0)
                    {
                        prefix = names[top] == null ? (string)prefixes[top] : lastKey + (c == '[' ? "[]." : ".");
                    }

                    names.Add(c == '{' ? new ArrayList() : null);
                    prefixes.Add(prefix);
                    expectKey = c == '{';
                }
                else if ((c == '}' || c == ']') && names.Count > 0)
                {
                    names.RemoveAt(names.Count - 1);
                    prefixes.RemoveAt(prefixes.Count - 1);
                    expectKey = false;
                }
                else if (c == ',' && names.Count > 0)
                {
                    expectKey = names[names.Count - 1] != null;
                }

                i++;
            }

            return found;
        }
    }
}
