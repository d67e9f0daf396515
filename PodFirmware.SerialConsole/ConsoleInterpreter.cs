using System;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Console;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.SerialConsole
{
    /// <summary>
    /// The serial console's commands, the same on the board (UART) and the host (stdin/stdout): one line in, its answer
    /// out through <see cref="IConsolePort.Write"/>. Reads the tick's status snapshot (advisory, as the messaging side
    /// does); hands actions (a local fault reset, bench actions) to the tick through
    /// <see cref="PodController.TryRequestLocal"/> and reports their outcome from <see cref="Poll"/>, so a console
    /// command never blocks or runs inside the tick. An unknown command or bad arguments get the usage line; nothing
    /// typed throws.
    /// </summary>
    /// <remarks>Console thread only (allocates: it formats text). Every answer line ends with <see cref="NewLine"/>.</remarks>
    public sealed class ConsoleInterpreter
    {
        /// <summary>Line-end written after every answer line: CR LF for serial terminals.</summary>
        public string NewLine = "\r\n";

        private const string ConfigUsage = "usage: config show | config get KEY | config set KEY VALUE | config draft | config discard";
        private const string BenchUsage = "usage: bench relay on|off | bench lock wheel|cable lock|unlock | bench ev duty PERCENT|off|f | bench ev read|release";
        private const string LogUsage = "usage: log [N]   (N = 1 to the ring size)";

        private static readonly string[] Help =
        {
            "help                      this list",
            "status                    the status, human-readable",
            "sensors                   every channel: value, raw counts, sensor status",
            "faults                    latched and active faults, description and remedy",
            "config show               the pod config file",
            "config get KEY            one key as written in the file (e.g. mqtt.port)",
            "config set KEY VALUE      validated as at boot, saved only when valid; reboot to apply",
            "config draft|discard      unsaved edits of a broken file: show, drop",
            "reset-fault               local fault reset (physically present), logged as such",
            "log [N]                   the last N log lines (default 10)",
            "bench relay on|off        bench mode only; never with a plug, a session or a fault",
            "bench lock wheel|cable lock|unlock",
            "bench ev duty PERCENT     CP PWM at 10 to 96 %; off: +12 V, f: -12 V (state F)",
            "bench ev read|release     CP levels, state, PP; release: back to the pod",
        };

        private readonly PodController _pod;
        private readonly PodConfig _config;
        private readonly LogRing _log;
        private readonly IConsolePort _out;
        private readonly IConfigStore _store;
        private readonly IConfigParser _parser;
        private string _pendingName;
        private string _draft;
        private int _pendingDone;

        /// <summary>Creates the interpreter.</summary>
        /// <param name="pod">The running controller.</param>
        /// <param name="config">The config it runs on (for ids; the safe defaults when the file was bad).</param>
        /// <param name="log">The log ring: console actions are added to it; <c>log</c> reads it.</param>
        /// <param name="output">Where answers go.</param>
        /// <param name="store">The config file, for <c>config show|get|set</c>.</param>
        /// <param name="parser">The JSON parser the loader uses at boot, so <c>config set</c> validates the same way.</param>
        public ConsoleInterpreter(PodController pod, PodConfig config, LogRing log, IConsolePort output, IConfigStore store, IConfigParser parser)
        {
            _pod = pod;
            _config = config;
            _log = log;
            _out = output;
            _store = store;
            _parser = parser;
        }

        /// <summary>Whether an action handed to the tick has not been answered yet.</summary>
        public bool Pending
        {
            get { return _pendingName != null; }
        }

        /// <summary>Runs one command line (already trimmed; empty lines are ignored). Never throws.</summary>
        public void Execute(string line)
        {
            if (line == null || line.Length == 0)
            {
                return;
            }

            try
            {
                Run(Words(line), line);
            }
            catch (Exception ex)
            {
                // Nothing a user types may end the console; the message says what went wrong.
                Say("error: " + ex.Message);
            }
        }

        /// <summary>Answers a line that was longer than <paramref name="maxChars"/> and was discarded.</summary>
        public void TooLong(int maxChars)
        {
            Say("line longer than " + maxChars.ToString() + " characters ignored; type help");
        }

        /// <summary>Reports the outcome of the action handed to the tick, once the tick has applied it. Call often.</summary>
        public void Poll()
        {
            if (_pendingName == null || _pod.LocalDone == _pendingDone)
            {
                return;
            }

            string name = _pendingName;
            _pendingName = null;
            LocalOutcome outcome = _pod.LocalResult;
            string text;
            if (outcome == LocalOutcome.Ok)
            {
                text = name + ": done";
                if (name == "bench ev read")
                {
                    PilotLines("cp  ", "pp  ");
                }
            }
            else if (outcome == LocalOutcome.ResetRefused)
            {
                CommandResultCode code = _pod.LocalResetCode;
                text = name + ": refused, " + CommandResultNames.Of(code) + ": " + CommandResultNames.ReasonOf(code);
            }
            else
            {
                text = name + ": refused, " + Refusal(outcome);
            }

            Say(text);
            _log.Add("console: " + text);
        }

        private void Run(string[] w, string line)
        {
            string verb = w[0];
            if (verb == "help" || verb == "?")
            {
                for (int i = 0; i < Help.Length; i++)
                {
                    Say(Help[i]);
                }
            }
            else if (verb == "status" && w.Length == 1)
            {
                Status();
            }
            else if (verb == "sensors" && w.Length == 1)
            {
                Sensors();
            }
            else if (verb == "faults" && w.Length == 1)
            {
                Faults();
            }
            else if (verb == "config")
            {
                Config(w, line);
            }
            else if (verb == "reset-fault" && w.Length == 1)
            {
                Request(LocalAction.ResetFault, "reset-fault");
            }
            else if (verb == "log")
            {
                Log(w);
            }
            else if (verb == "bench")
            {
                Bench(w);
            }
            else if (verb == "status" || verb == "sensors" || verb == "faults" || verb == "reset-fault")
            {
                Say("usage: " + verb + " (no arguments)");
            }
            else
            {
                Say("unknown command '" + verb + "'; type help");
            }
        }

        private void Status()
        {
            PodStatus s = _pod.Status;
            Say("pod " + Text(_config.PodId) + "  site " + Text(_config.SiteId) + "  space " + _config.ParkingSpace.ToString() + "  uptime " + (s.UptimeMs / 1000).ToString() + " s");
            if (s.ConfigError != null)
            {
                Say("CONFIG ERROR: " + s.ConfigError + " (built-in defaults, charging disabled)");
            }

            string fault = s.LatchedFault == FaultCode.None ? "none" : FaultCatalogue.NameOf(s.LatchedFault);
            Say("connector " + ConnectorStatusNames.Of(s.Connector) + "  relay " + (s.RelayWelded ? "WELDED" : s.RelayClosed ? "closed" : "open") + "  fault " + fault + (_pod.BenchRelay ? "  (bench relay)" : "") +
                (_pod.BenchDutyPermille >= 0 ? "  (bench pilot)" : ""));
            Say("temperature " + ConsoleText.Fixed(s.TemperatureC, 1) + " C  current " + ConsoleText.Fixed(s.CurrentA, 2) + " A  voltage " + ConsoleText.Fixed(s.VoltageV, 1) + " V  allowed " + ConsoleText.Fixed(s.AllowedCurrentA, 2) + " A");
            Say("docked " + ConsoleText.YesNo(s.Docked) + "  plugged " + ConsoleText.YesNo(s.Plugged) + "  vehicle " + StatusJson.VehicleName(s.Vehicle) + "  locks wheel " + LockStateNames.Of(s.WheelLock) + " cable " + LockStateNames.Of(s.CableLock) + (s.Moving ? "  MOVING" : ""));
            Say(s.SessionActive
                ? "session " + Text(s.SessionId) + "  account " + Text(s.SessionAccount) + "  " + ConsoleText.Fixed(s.SessionEnergyMilliWh / 1000000.0, 3) + " kWh  " + (s.SessionElapsedMs / 1000).ToString() + " s"
                : "session none");
            string warnings = (s.ControllerLost ? " ControllerLost" : "") + (s.NetworkLostWhileMoving ? " NetworkLostWhileMoving" : "") + (s.StoreOverflow ? " StoreOverflow" : "");
            Say("warnings" + (warnings.Length == 0 ? " none" : warnings) + "  bench mode " + (_pod.BenchMode ? "on" : "off"));
            Say("counters " + Counted(s.CountedEnergyMilliWh, s.CountedSessions, s.CountedChargingMs) + "  today " +
                (s.TodayKnown ? Counted(s.TodayEnergyMilliWh, s.TodaySessions, s.TodayChargingMs) : "unknown (no UTC)"));
        }

        // Lifetime or today's counters: energy, sessions, charging time.
        private static string Counted(long energyMilliWh, int sessions, long chargingMs)
        {
            return ConsoleText.Fixed(energyMilliWh / 1000000.0, 3) + " kWh " + sessions.ToString() + " sessions " + (chargingMs / 1000).ToString() + " s";
        }

        private void Sensors()
        {
            PodStatus s = _pod.Status;
            Say("temperature  " + ConsoleText.Fixed(s.TemperatureC, 1) + " C  raw " + _pod.TemperatureRawCounts.ToString() + " counts  " + StatusJson.NameOf(s.TemperatureStatus));
            Say("current      " + ConsoleText.Fixed(s.CurrentA, 2) + " A RMS  raw " + Span(_pod.CurrentMinCounts, _pod.CurrentMaxCounts) + StatusJson.NameOf(s.CurrentStatus));
            Say("voltage      " + ConsoleText.Fixed(s.VoltageV, 1) + " V RMS  raw " + Span(_pod.VoltageMinCounts, _pod.VoltageMaxCounts) + StatusJson.NameOf(s.VoltageStatus));
            if (_pod.HasPilot)
            {
                PilotLines("cp           ", "pp           ");
            }
            else
            {
                Say("cp, pp       no control pilot");
            }

            Say("inputs       docked " + ConsoleText.YesNo(s.Docked) + "  plugged " + ConsoleText.YesNo(s.Plugged) + "  vehicle " + StatusJson.VehicleName(s.Vehicle));
        }

        private void Faults()
        {
            FaultCode latched = _pod.Supervisor.IsLatched ? _pod.Supervisor.LatchedCode : FaultCode.None;
            FaultCode active = _pod.Supervisor.ActiveCode;
            if (latched == FaultCode.None && active == FaultCode.None)
            {
                Say("no fault latched or active");
            }

            if (latched != FaultCode.None)
            {
                Fault("latched", latched);
            }

            if (active != FaultCode.None && active != latched)
            {
                Fault("active", active);
            }

            if (_pod.Status.SelfTestFailure != SelfTestCheck.None)
            {
                Say("self-test failed: " + SelfTestCheckNames.Of(_pod.Status.SelfTestFailure));
            }

            if (_pod.Status.ConfigError != null)
            {
                Say("config: " + _pod.Status.ConfigError);
            }

            Say("recent log:");
            Tail(5);
        }

        private void Fault(string label, FaultCode code)
        {
            FaultInfo info = FaultCatalogue.Get(code);
            Say(label + " " + info.Name + ": " + info.Description);
            Say("  remedy: " + info.Remedy);
        }

        private void Config(string[] w, string line)
        {
            string sub = w.Length > 1 ? w[1] : "";
            if (sub == "show" && w.Length == 2)
            {
                string text = _store.Read();
                Say(text == null ? "no config file: built-in defaults" : text);
            }
            else if (sub == "draft" && w.Length == 2)
            {
                Say(_draft == null ? "no unsaved edits" : _draft);
            }
            else if (sub == "discard" && w.Length == 2)
            {
                _draft = null;
                Say("unsaved edits dropped");
            }
            else if (sub == "get" && w.Length == 3)
            {
                string text = _store.Read();
                string value = text == null ? null : ConfigText.Get(text, w[2]);
                Say(value == null ? w[2] + " is not in the file (its default applies)" : w[2] + " = " + value);
            }
            else if (sub == "set" && w.Length >= 4)
            {
                // The value is the rest of the line, so a quoted string may hold spaces.
                Set(w[2], AfterWords(line, 3));
            }
            else
            {
                Say(ConfigUsage);
            }
        }

        private void Set(string key, string value)
        {
            if (key == "benchMode")
            {
                Say("refused: benchMode cannot be set from the console");
                return;
            }

            // A broken or missing file is fixed key by key: the edits pile up unsaved until the whole config is valid.
            string text = _draft != null ? _draft : _store.Read();
            bool fileBroken = _draft != null || text == null || PodConfigLoader.Load(text, _parser).Problem != null;
            string edited = ConfigText.Set(text == null ? "{}" : text, key, value);
            if (edited == null)
            {
                Say("refused: " + key + " is not a key of an object in the file");
                return;
            }

            PodConfigLoader loaded = PodConfigLoader.Load(edited, _parser);
            if (loaded.Problem != null)
            {
                _draft = fileBroken ? edited : null;
                Say(fileBroken ? "not saved yet, the config still has problems (config draft keeps the edits):" : "refused, nothing saved:");
                for (int i = 0; i < loaded.Errors.Count; i++)
                {
                    Say("  " + loaded.Errors[i]);
                }

                return;
            }

            if (!_store.Write(edited))
            {
                Say("could not write the config file; nothing changed");
                return;
            }

            _draft = null;
            Say("saved " + key + " = " + value + "; reboot to apply");
            _log.Add("console: config set " + key);
        }

        private void Request(LocalAction action, string name)
        {
            Request(action, -1, name);
        }

        private void RequestDuty(int dutyPermille, string name)
        {
            Request(LocalAction.BenchEvDuty, dutyPermille, name);
        }

        private void Request(LocalAction action, int dutyPermille, string name)
        {
            if (_pendingName != null)
            {
                Say("busy: " + _pendingName + " not answered yet");
                return;
            }

            int done = _pod.LocalDone;
            if (!(action == LocalAction.BenchEvDuty ? _pod.TryRequestBenchDuty(dutyPermille) : _pod.TryRequestLocal(action)))
            {
                Say("busy: the tick has not taken the previous action yet");
                return;
            }

            _pendingDone = done;
            _pendingName = name;
            if (action == LocalAction.ResetFault)
            {
                _log.Add("console: reset-fault requested locally");
            }
        }

        private void Log(string[] w)
        {
            int n = 10;
            if (w.Length > 2 || (w.Length == 2 && !TryCount(w[1], _log.Capacity, out n)))
            {
                Say(LogUsage);
                return;
            }

            Tail(n);
        }

        private void Tail(int n)
        {
            int total = _log.Total;
            int first = total - n < 0 ? 0 : total - n;
            if (total == 0)
            {
                Say("  (empty)");
            }

            for (int i = first; i < total; i++)
            {
                string line = _log.Line(i);
                if (line != null)
                {
                    Say("  " + i.ToString() + " " + line);
                }
            }
        }

        private void Bench(string[] w)
        {
            LocalAction action = LocalAction.None;
            if (w.Length == 3 && w[1] == "relay")
            {
                action = w[2] == "on" ? LocalAction.BenchRelayOn : w[2] == "off" ? LocalAction.BenchRelayOff : LocalAction.None;
            }
            else if (w.Length == 4 && w[1] == "lock" && (w[2] == "wheel" || w[2] == "cable") && (w[3] == "lock" || w[3] == "unlock"))
            {
                bool wheel = w[2] == "wheel";
                bool locked = w[3] == "lock";
                action = wheel ? (locked ? LocalAction.BenchWheelLock : LocalAction.BenchWheelUnlock) : (locked ? LocalAction.BenchCableLock : LocalAction.BenchCableUnlock);
            }
            else if (w.Length >= 3 && w[1] == "ev")
            {
                BenchEv(w);
                return;
            }

            if (action == LocalAction.None)
            {
                Say(BenchUsage);
                return;
            }

            if (action == LocalAction.BenchRelayOff || !Refused())
            {
                Request(action, "bench " + w[1] + " " + w[2] + (w.Length == 4 ? " " + w[3] : ""));
            }
        }

        // Refused here with the reason the tick would give (true: refused, said why); the tick checks again when it applies.
        private bool Refused()
        {
            PodStatus s = _pod.Status;
            LocalOutcome refusal = !_pod.BenchMode || s.ConfigError != null ? LocalOutcome.NotBenchMode
                : s.SessionActive ? LocalOutcome.SessionActive
                : s.Plugged ? LocalOutcome.PlugSensed
                : _pod.Supervisor.IsLatched ? LocalOutcome.FaultLatched
                : LocalOutcome.Ok;
            if (refusal != LocalOutcome.Ok)
            {
                Say("refused: " + Refusal(refusal));
            }

            return refusal != LocalOutcome.Ok;
        }

        // bench ev duty PERCENT|off|f, bench ev read, bench ev release.
        private void BenchEv(string[] w)
        {
            int duty = -1;
            LocalAction action = LocalAction.None;
            if (w.Length == 4 && w[2] == "duty")
            {
                duty = w[3] == "off" ? 1000 : w[3] == "f" ? 0 : TryPercent(w[3]);
                action = duty < 0 ? LocalAction.None : LocalAction.BenchEvDuty;
            }
            else if (w.Length == 3)
            {
                action = w[2] == "read" ? LocalAction.BenchEvRead : w[2] == "release" ? LocalAction.BenchEvRelease : LocalAction.None;
            }

            if (action == LocalAction.None)
            {
                Say(BenchUsage);
                return;
            }

            if (!_pod.HasPilot)
            {
                Say("refused: " + Refusal(LocalOutcome.NoPilot));
                return;
            }

            if (action != LocalAction.BenchEvRelease && Refused())
            {
                return;
            }

            string name = "bench ev " + w[2] + (w.Length == 4 ? " " + w[3] : "");
            if (action == LocalAction.BenchEvDuty)
            {
                RequestDuty(duty, name);
            }
            else
            {
                Request(action, name);
            }
        }

        // A duty the pod could offer, in per mille: 10 to 96 % with at most one decimal; -1 otherwise.
        private static int TryPercent(string word)
        {
            int i = 0;
            int permille = 0;
            while (i < word.Length && i < 3 && IsDigit(word[i]))
            {
                permille = (permille * 10) + (word[i] - '0');
                i++;
            }

            permille *= 10;
            if (i > 0 && i + 2 == word.Length && word[i] == '.' && IsDigit(word[i + 1]))
            {
                permille += word[i + 1] - '0';
                i += 2;
            }

            return i > 0 && i == word.Length && permille >= DutyCycle.MinPermille && permille <= DutyCycle.MaxPermille ? permille : -1;
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        // min..max of the last mains burst's raw samples.
        private static string Span(int min, int max)
        {
            return min.ToString() + ".." + max.ToString() + " counts  ";
        }

        // The CP and PP as the tick last read them (after bench ev read: this very tick).
        private void PilotLines(string cp, string pp)
        {
            int high = _pod.PilotHighCounts;
            CpState state = _pod.PilotReading;
            Say(cp + (high < 0 ? "not read yet" : "high " + ConsoleText.Fixed(_pod.PilotVolts(high), 1) + " V (" + high.ToString() + ")  low " +
                ConsoleText.Fixed(_pod.PilotVolts(_pod.PilotLowCounts), 1) + " V (" + _pod.PilotLowCounts.ToString() + ")") +
                "  state " + CpStateNames.Of(state) + "  duty " + ConsoleText.Fixed(_pod.Status.DutyPermille / 10.0, 1) + " %");
            int counts = _pod.ProximityCounts;
            double ohms = _pod.ProximityOhms(counts);
            Say(pp + (counts < 0 ? "not read (no plug, or a tethered cable)" : counts.ToString() + " counts  " + (Finite.IsFinite(ohms) ? ConsoleText.Fixed(ohms, 0) + " ohm" : "open") +
                "  cable " + PpDecoder.RatingA(ohms).ToString() + " A"));
        }

        private static string Refusal(LocalOutcome outcome)
        {
            switch (outcome)
            {
                case LocalOutcome.NotBenchMode: return "not in bench mode (config benchMode, which the console cannot set)";
                case LocalOutcome.PlugSensed: return "a plug is sensed in the connector";
                case LocalOutcome.SessionActive: return "a charging session is running";
                case LocalOutcome.FaultLatched: return "a fault is latched; reset it first";
                case LocalOutcome.NoPilot: return "this pod has no control pilot";
                case LocalOutcome.ResidualCurrentFault: return "the residual-current monitor reports a fault";
                default: return "not applied";
            }
        }

        private static bool TryCount(string word, int max, out int n)
        {
            n = 0;
            if (word.Length == 0 || word.Length > 4)
            {
                return false;
            }

            for (int i = 0; i < word.Length; i++)
            {
                char c = word[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                n = (n * 10) + (c - '0');
            }

            return n >= 1 && n <= max;
        }

        // Splits at runs of spaces; at most 8 words are kept apart, the rest stays in the last.
        private static string[] Words(string line)
        {
            string[] words = new string[8];
            int count = 0;
            int i = 0;
            while (i < line.Length && count < words.Length)
            {
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (i >= line.Length)
                {
                    break;
                }

                int end = count == words.Length - 1 ? line.Length : line.IndexOf(' ', i);
                if (end < 0)
                {
                    end = line.Length;
                }

                words[count++] = line.Substring(i, end - i);
                i = end;
            }

            string[] result = new string[count == 0 ? 1 : count];
            result[0] = "";
            for (int k = 0; k < count; k++)
            {
                result[k] = words[k];
            }

            return result;
        }

        // The line after its first `count` words, trimmed.
        private static string AfterWords(string line, int count)
        {
            int i = 0;
            for (int k = 0; k < count; k++)
            {
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }
            }

            return line.Substring(i).Trim();
        }

        private static string Text(string value)
        {
            return value == null || value.Length == 0 ? "-" : value;
        }

        private void Say(string text)
        {
            _out.Write(text + NewLine);
        }
    }
}
