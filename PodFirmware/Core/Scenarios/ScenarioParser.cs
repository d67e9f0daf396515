using System;
using System.Collections;
using PodFirmware.Drivers.Numerics;

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
        private static readonly string[] ValueTargets = { "temp_c", "current_a", "voltage_v", "smoke_ppm" };

        // Targets that take one word, and the words each accepts.
        // Add a target here only together with the simulator code that applies it.
        private static readonly string[] WordTargets =
        {
            "temp_sensor", "current_sensor", "voltage_sensor", "plug", "dock", "vehicle", "relay_feedback", "wheel_lock_sense", "cable_lock_sense",
            "controller", "rcd",
            "hazard_detector",
        };

        // The first three are sensor wiring states; the rest are inputs and actuator faults.
        private const int SensorWordTargets = 3;

        private static readonly string[][] WordValues =
        {
            new string[] { "ok", "open", "short", "stuck" },
            new string[] { "ok", "open", "short", "stuck" },
            new string[] { "ok", "open", "short", "stuck" },
            new string[] { "in", "out" },
            new string[] { "in", "out" },
            new string[] { "present", "absent" },
            new string[] { "ok", "stuck_closed", "stuck_open" },
            new string[] { "ok", "stuck_locked", "stuck_unlocked" },
            new string[] { "ok", "stuck_locked", "stuck_unlocked" },
            new string[] { "up", "down" },
            new string[] { "ok", "fault", "test_fails" },
            new string[] { "ok", "open", "short", "test_fails" },
        };

        private const string EvTarget = "ev";
        private const string PpTarget = "pp";

        // ev words that take nothing more.
        private static readonly string[] EvWords = { "connect", "charge", "ventilation", "stop", "unplug" };

        // ev settings that take a number.
        private static readonly string[] EvNumbers = { "max_a", "reaction_ms", "battery_wh" };

        // ev settings that take one of two words: the first is the healthy one (Value 0), the second the other (Value 1).
        private static readonly string[] EvSwitches = { "ignores_limit", "diode", "cp" };

        private static readonly string[][] EvSwitchWords =
        {
            new string[] { "off", "on" },
            new string[] { "ok", "missing" },
            new string[] { "ok", "short" },
        };

        private const string PositionTarget = "position";

        private const string CardTarget = "card";
        private const string CommandTarget = "cmd";

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

        // A '#' starts a comment unless it sits inside a JSON string of a cmd line.
        private static string StripComment(string line)
        {
            bool inString = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (inString && c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = !inString;
                }
                else if (c == '#' && !inString)
                {
                    return line.Substring(0, i);
                }
            }

            return line;
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
                if (!double.TryParse(value, out number) || !Finite.IsFinite(number) || !Finite.Above(number, -1e9) || !Finite.Below(number, 1e9))
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

                step.Kind = word < SensorWordTargets ? ScenarioStepKind.SensorState : ScenarioStepKind.Input;
                step.Text = value;
                return step;
            }

            if (step.Target == EvTarget)
            {
                return ParseEv(step, value, lineNumber);
            }

            if (step.Target == PpTarget)
            {
                step.Kind = ScenarioStepKind.Ev;
                double ohms;
                if (value == "open")
                {
                    step.Text = value;
                    return step;
                }

                if (!double.TryParse(value, out ohms) || !Finite.Within(ohms, 0, 1e6))
                {
                    throw new ScenarioException(lineNumber, "pp takes '<ohms>' (0..1000000) or 'open', got '" + value + "'");
                }

                step.Value = ohms;
                return step;
            }

            if (step.Target == PositionTarget)
            {
                return ParsePosition(step, value, lineNumber);
            }

            if (step.Target == CommandTarget)
            {
                if (value.Length < 2 || value[0] != '{' || value[value.Length - 1] != '}')
                {
                    throw new ScenarioException(lineNumber, "cmd needs a JSON object, e.g. {\"type\":\"stop\"}, got '" + value + "'");
                }

                step.Kind = ScenarioStepKind.Command;
                step.Text = value;
                return step;
            }

            if (step.Target == CardTarget)
            {
                // A card tapped on the reader: its UID, 4, 7 or 10 bytes in hex.
                bool hex = value.Length == 8 || value.Length == 14 || value.Length == 20;
                for (int i = 0; i < value.Length && hex; i++)
                {
                    char c = value[i];
                    hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                }

                if (!hex)
                {
                    throw new ScenarioException(lineNumber, "card takes a UID of 4, 7 or 10 bytes in hex, got '" + value + "'");
                }

                step.Kind = ScenarioStepKind.Input;
                step.Text = value;
                return step;
            }

            throw new ScenarioException(lineNumber, "unknown target '" + step.Target + "' (known: " + Join(ValueTargets) + ", " + Join(WordTargets) +
                ", " + EvTarget + ", " + PpTarget + ", " + PositionTarget + ", " + CommandTarget + ", " + CardTarget + ")");
        }

        // ev <word>, ev <setting> <number>, ev <switch> <word>: Text is the word or setting, Value its number (0/1 for a switch).
        private static ScenarioStep ParseEv(ScenarioStep step, string value, int lineNumber)
        {
            step.Kind = ScenarioStepKind.Ev;
            int space = value.IndexOf(' ');
            string word = space < 0 ? value : value.Substring(0, space);
            string arg = space < 0 ? "" : value.Substring(space + 1).Trim();
            step.Text = word;
            if (IndexOf(EvWords, word) >= 0 && arg.Length == 0)
            {
                return step;
            }

            double number;
            if (IndexOf(EvNumbers, word) >= 0 && double.TryParse(arg, out number) && Finite.Within(number, 0, 600000))
            {
                step.Value = number;
                return step;
            }

            int sw = IndexOf(EvSwitches, word);
            if (sw >= 0 && IndexOf(EvSwitchWords[sw], arg) >= 0)
            {
                step.Value = IndexOf(EvSwitchWords[sw], arg);
                return step;
            }

            throw new ScenarioException(lineNumber, "ev takes " + Join(EvWords) + ", max_a <A>, reaction_ms <ms>, battery_wh <Wh>, ignores_limit on|off, diode ok|missing or cp ok|short, got '" + value + "'");
        }

        private static ScenarioStep ParsePosition(ScenarioStep step, string value, int lineNumber)
        {
            step.Kind = ScenarioStepKind.Position;
            if (value == "none")
            {
                step.Text = value;
                return step;
            }

            int space = value.IndexOf(' ');
            double latitudeDeg;
            double longitudeDeg;
            if (space < 0 || !double.TryParse(value.Substring(0, space), out latitudeDeg) ||
                !double.TryParse(value.Substring(space + 1).Trim(), out longitudeDeg) ||
                !Finite.Within(latitudeDeg, -90, 90) || !Finite.Within(longitudeDeg, -180, 180))
            {
                throw new ScenarioException(lineNumber, "position takes '<lat_deg> <lon_deg>' (-90..90, -180..180) or 'none', got '" + value + "'");
            }

            step.Value = latitudeDeg;
            step.Value2 = longitudeDeg;
            return step;
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
