namespace PodFirmware.Core.Config
{
    /// <summary>
    /// Reads and edits one value of a config file's JSON text by its dotted key (<c>mqtt.port</c>), keeping the rest
    /// of the text as written. The console's <c>config get</c> and <c>config set</c> use it; the edited text is then
    /// loaded with the loader's own rules before anything is saved.
    /// </summary>
    /// <remarks>Console only (allocates). Stateless. Never throws; malformed text is simply not found.</remarks>
    public static class ConfigText
    {
        /// <summary>The value of <paramref name="key"/> as written in <paramref name="json"/>, or null when absent.</summary>
        public static string Get(string json, string key)
        {
            int start;
            int end;
            return Find(json, key, out start, out end) ? json.Substring(start, end - start) : null;
        }

        /// <summary>
        /// <paramref name="json"/> with <paramref name="key"/> set to <paramref name="value"/> (a JSON literal: number,
        /// true, false, null, a quoted string, an object or an array; any other word is taken as a string and quoted).
        /// A key not in the text is added to its innermost existing object, with the missing objects around it.
        /// Returns null when the root is not an object or a key on the path is not an object.
        /// </summary>
        public static string Set(string json, string key, string value)
        {
            if (json == null || key == null || key.Length == 0 || value == null)
            {
                return null;
            }

            string literal = Literal(value);
            int start;
            int end;
            if (Find(json, key, out start, out end))
            {
                return json.Substring(0, start) + literal + json.Substring(end);
            }

            // Walk down to the innermost object that exists, then insert the rest of the path there.
            int obj = SkipSpace(json, 0);
            if (obj >= json.Length || json[obj] != '{')
            {
                return null;
            }

            int segmentStart = 0;
            while (true)
            {
                int dot = key.IndexOf('.', segmentStart);
                string name = dot < 0 ? key.Substring(segmentStart) : key.Substring(segmentStart, dot - segmentStart);
                int valueStart = Member(json, obj, name);
                if (valueStart < 0 || dot < 0)
                {
                    string rest = key.Substring(segmentStart);
                    return Insert(json, obj, rest, literal);
                }

                if (json[valueStart] != '{')
                {
                    return null;
                }

                obj = valueStart;
                segmentStart = dot + 1;
            }
        }

        private static string Insert(string json, int obj, string path, string literal)
        {
            string member = "";
            string closers = "";
            int segmentStart = 0;
            while (true)
            {
                int dot = path.IndexOf('.', segmentStart);
                if (dot < 0)
                {
                    member = member + "\"" + path.Substring(segmentStart) + "\": " + literal + closers;
                    break;
                }

                member = member + "\"" + path.Substring(segmentStart, dot - segmentStart) + "\": { ";
                closers = closers + " }";
                segmentStart = dot + 1;
            }

            int next = SkipSpace(json, obj + 1);
            bool empty = next < json.Length && json[next] == '}';
            return json.Substring(0, obj + 1) + " " + member + (empty ? " " : ",") + json.Substring(obj + 1);
        }

        private static string Literal(string value)
        {
            if (value == "true" || value == "false" || value == "null" || IsNumber(value) ||
                (value.Length > 0 && (value[0] == '"' || value[0] == '{' || value[0] == '[')))
            {
                return value;
            }

            string text = "\"";
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string one = new string(c, 1);
                text = c == '"' || c == '\\' ? text + "\\" + one : text + one;
            }

            return text + "\"";
        }

        private static bool IsNumber(string value)
        {
            int digits = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                }
                else if (!(c == '-' && i == 0) && c != '.' && c != 'e' && c != 'E' && c != '+')
                {
                    return false;
                }
            }

            return digits > 0;
        }

        private static bool Find(string json, string key, out int start, out int end)
        {
            start = -1;
            end = -1;
            if (json == null || key == null || key.Length == 0)
            {
                return false;
            }

            int at = SkipSpace(json, 0);
            int segmentStart = 0;
            while (true)
            {
                if (at >= json.Length || json[at] != '{')
                {
                    return false;
                }

                int dot = key.IndexOf('.', segmentStart);
                string name = dot < 0 ? key.Substring(segmentStart) : key.Substring(segmentStart, dot - segmentStart);
                at = Member(json, at, name);
                if (at < 0)
                {
                    return false;
                }

                if (dot < 0)
                {
                    start = at;
                    end = SkipValue(json, at);
                    return end > start;
                }

                segmentStart = dot + 1;
            }
        }

        // The start of the value of member `name` of the object opening at `obj`, or -1.
        private static int Member(string json, int obj, string name)
        {
            int i = SkipSpace(json, obj + 1);
            while (i < json.Length && json[i] == '"')
            {
                int nameEnd = SkipValue(json, i);
                if (nameEnd < 0)
                {
                    return -1;
                }

                bool match = nameEnd - i - 2 == name.Length && json.Substring(i + 1, name.Length) == name;
                i = SkipSpace(json, nameEnd);
                if (i >= json.Length || json[i] != ':')
                {
                    return -1;
                }

                i = SkipSpace(json, i + 1);
                if (match)
                {
                    return i < json.Length ? i : -1;
                }

                i = SkipValue(json, i);
                if (i < 0)
                {
                    return -1;
                }

                i = SkipSpace(json, i);
                if (i >= json.Length || json[i] != ',')
                {
                    return -1;
                }

                i = SkipSpace(json, i + 1);
            }

            return -1;
        }

        // The index just after the value starting at `i`, or -1 when the text ends first.
        private static int SkipValue(string json, int i)
        {
            if (i < 0 || i >= json.Length)
            {
                return -1;
            }

            char c = json[i];
            if (c == '"')
            {
                for (int j = i + 1; j < json.Length; j++)
                {
                    if (json[j] == '\\')
                    {
                        j++;
                    }
                    else if (json[j] == '"')
                    {
                        return j + 1;
                    }
                }

                return -1;
            }

            if (c == '{' || c == '[')
            {
                int depth = 0;
                for (int j = i; j < json.Length; j++)
                {
                    char d = json[j];
                    if (d == '"')
                    {
                        j = SkipValue(json, j);
                        if (j < 0)
                        {
                            return -1;
                        }

                        j--;
                    }
                    else if (d == '{' || d == '[')
                    {
                        depth++;
                    }
                    else if (d == '}' || d == ']')
                    {
                        depth--;
                        if (depth == 0)
                        {
                            return j + 1;
                        }
                    }
                }

                return -1;
            }

            int k = i;
            while (k < json.Length && json[k] != ',' && json[k] != '}' && json[k] != ']' && json[k] != ' ' && json[k] != '\n' && json[k] != '\r' && json[k] != '\t')
            {
                k++;
            }

            return k > i ? k : -1;
        }

        private static int SkipSpace(string json, int i)
        {
            while (i < json.Length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t'))
            {
                i++;
            }

            return i;
        }
    }
}
