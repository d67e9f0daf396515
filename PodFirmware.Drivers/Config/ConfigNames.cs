namespace PodFirmware.Drivers.Config
{
    /// <summary>
    /// Config keys whose value is one of a few names (<c>"hall"</c>, <c>"steinhartHart"</c>, ...). The config
    /// classes hold such a key as a string, because nanoFramework.Json cannot read an enum field; the
    /// validation maps the name to its position in the list of accepted names, and the runtime reads the
    /// parsed value. Names match ignoring ASCII letter case (<c>"Hall"</c> and <c>"HALL"</c> are <c>"hall"</c>),
    /// but are otherwise exact: no numbers, no surrounding spaces.
    /// </summary>
    /// <remarks>Stateless; thread-safe. <see cref="IndexOf"/> allocates nothing; <see cref="Check"/> allocates only on a bad name (boot time).</remarks>
    public static class ConfigNames
    {
        /// <summary>The index of <paramref name="value"/> in <paramref name="names"/>, ignoring ASCII letter case; -1 when it is none of them or null.</summary>
        /// <param name="value">The configured value, may be null.</param>
        /// <param name="names">The accepted names, in the order of the values they stand for.</param>
        /// <returns>0-based index of the matching name, or -1.</returns>
        public static int IndexOf(string value, string[] names)
        {
            if (value == null)
            {
                return -1;
            }

            for (int i = 0; i < names.Length; i++)
            {
                if (EqualsIgnoringCase(value, names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Checks that <paramref name="value"/> is one of <paramref name="names"/>; if not, records under
        /// <paramref name="key"/> an error that lists the accepted names and shows the value found.
        /// </summary>
        /// <param name="key">Dotted key path, e.g. <c>sensors.current.transducer</c>.</param>
        /// <param name="value">The configured value, may be null.</param>
        /// <param name="names">The accepted names.</param>
        /// <param name="errors">Collects the problem.</param>
        /// <returns>The index of the name, or -1 when it was reported as unknown.</returns>
        public static int Check(string key, string value, string[] names, ConfigErrors errors)
        {
            int index = IndexOf(value, names);
            if (index < 0)
            {
                errors.Fail(key, "must be one of " + List(names) + " (letter case ignored), is " + (value == null ? "null" : "\"" + value + "\""));
            }

            return index;
        }

        /// <summary>The names quoted and comma-separated, e.g. <c>"beta", "steinhartHart"</c>.</summary>
        /// <param name="names">The accepted names.</param>
        /// <returns>The list as text (allocates).</returns>
        public static string List(string[] names)
        {
            string text = "";
            for (int i = 0; i < names.Length; i++)
            {
                text = text + (i == 0 ? "\"" : ", \"") + names[i] + "\"";
            }

            return text;
        }

        /// <summary><c>true</c> when <paramref name="a"/> and <paramref name="b"/> differ at most in the letter case of A-Z / a-z.</summary>
        /// <param name="a">First string, not null.</param>
        /// <param name="b">Second string, not null.</param>
        /// <returns>Whether they match.</returns>
        public static bool EqualsIgnoringCase(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (Lower(a[i]) != Lower(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }
    }
}
