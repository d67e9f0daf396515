using System;
using System.Collections;

namespace PodFirmware.Core.Scenarios
{
    /// <summary>
    /// Reads scenario text: one step per line, <c>&lt;t_ms&gt; &lt;target&gt; &lt;value&gt;</c>; <c>#</c> starts a comment;
    /// times never go back. Each target accepts a known set of values; anything else is an error
    /// naming the line, so a typo can never silently run a different scenario.
    /// </summary>
    /// <remarks>Runs at start-up of a simulation, not in the tick: it allocates. Not thread-safe.</remarks>
    public static class ScenarioParser
    {
        private static readonly char[] LineBreak = { '\n' };

        // Targets that take an engineering number, with the unit their name carries.
        private static readonly string[] ValueTargets = { "temp_c", "current_a", "voltage_v" };

        // Targets that take one word, and the words each accepts.
        // Add a target here only together with the simulator code that applies it.
        private static readonly string[] WordTargets = { "temp_sensor", "current_sensor", "voltage_sensor" };
        private static readonly string[][] WordValues =
        {
            new string[] { "ok", "open", "short", "stuck" },
            new string[] { "ok", "open", "short", "stuck" },
            new string[] { "ok", "open", "short", "stuck" },
        };

        /// <summary>
        /// Parses <paramref name="text"/> into steps in file order. Throws <see cref="ScenarioException"/>
        /// naming the first bad line.
        /// </summary>
        public static ScenarioStep[] Parse(string text)
        {
            var steps = new ArrayList();
            string[] lines = text.Split(LineBreak);
            long lastTimeMs = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = StripComment(lines[i]).Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                ScenarioStep step = ParseLine(line, i + 1);
                if (step.TimeMs < lastTimeMs)
                {
                    throw new ScenarioException(i + 1, "time " + step.TimeMs.ToString() + " ms goes back (previous step was at " + lastTimeMs.ToString() + " ms)");
                }

                lastTimeMs = step.TimeMs;
                steps.Add(step);
            }

            return (ScenarioStep[])steps.ToArray(typeof(ScenarioStep));
        }

        private static string StripComment(string line)
        {
            int hash = line.IndexOf('#');
            return hash < 0 ? line : line.Substring(0, hash);
        }

        private static ScenarioStep ParseLine(string line, int lineNumber)
        {
            int first = line.IndexOf(' ');
            if (first < 0)
            {
                throw new ScenarioException(lineNumber, "expected '<t_ms> <target> <value>'");
            }

            string timeText = line.Substring(0, first);
            string rest = line.Substring(first + 1).Trim();
            long timeMs;
            if (!long.TryParse(timeText, out timeMs) || timeMs < 0)
            {
                throw new ScenarioException(lineNumber, "time '" + timeText + "' is not a whole number of milliseconds >= 0");
            }

            var step = new ScenarioStep();
            step.TimeMs = timeMs;
            step.LineNumber = lineNumber;

            int second = rest.IndexOf(' ');
            if (second < 0)
            {
                throw new ScenarioException(lineNumber, "'" + rest + "' needs a value");
            }

            step.Target = rest.Substring(0, second);
            string value = rest.Substring(second + 1).Trim();

            if (IndexOf(ValueTargets, step.Target) >= 0)
            {
                double number;
                if (!double.TryParse(value, out number) || !(number > -1e9 && number < 1e9))
                {
                    throw new ScenarioException(lineNumber, step.Target + " needs a number, got '" + value + "'");
                }

                step.Kind = ScenarioStepKind.Value;
                step.Value = number;
                return step;
            }

            int word = IndexOf(WordTargets, step.Target);
            if (word >= 0)
            {
                if (IndexOf(WordValues[word], value) < 0)
                {
                    throw new ScenarioException(lineNumber, step.Target + " takes one of " + Join(WordValues[word]) + ", got '" + value + "'");
                }

                step.Kind = ScenarioStepKind.SensorState;
                step.Text = value;
                return step;
            }

            throw new ScenarioException(lineNumber, "unknown target '" + step.Target + "' (known: " + Join(ValueTargets) + ", " + Join(WordTargets) + ")");
        }

        private static int IndexOf(string[] items, string item)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == item)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Join(string[] items)
        {
            string text = "";
            for (int i = 0; i < items.Length; i++)
            {
                text = i == 0 ? items[i] : text + "|" + items[i];
            }

            return text;
        }
    }
}
