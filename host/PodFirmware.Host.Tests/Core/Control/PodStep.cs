using System.Globalization;

namespace PodFirmware.Host.Tests.Core.Control
{
    /// <summary>What one step of a random pod history does.</summary>
    public enum PodStepKind
    {
        /// <summary>One 100 ms control tick.</summary>
        Tick,

        /// <summary>A = 2..30 ticks in a row (lets relays settle and locks travel).</summary>
        Ticks,

        /// <summary>A = 1..700 s of 100 ms ticks with nothing else, to cross move, reservation and heartbeat timeouts.</summary>
        Jump,

        /// <summary>Plug in (A even; A is 0..2, so in is likelier) or out.</summary>
        Plug,

        /// <summary>Dock in (A even; A is 0..2, so in is likelier) or out.</summary>
        Dock,

        /// <summary>Vehicle present (A even) or absent.</summary>
        Vehicle,

        /// <summary>Relay mirror contact state, <see cref="PodStep.RelayStates"/>[A].</summary>
        RelayFeedback,

        /// <summary>Wheel lock sense state, <see cref="PodStep.LockStates"/>[A].</summary>
        WheelLockSense,

        /// <summary>Cable lock sense state, <see cref="PodStep.LockStates"/>[A].</summary>
        CableLockSense,

        /// <summary>Connector temperature <see cref="PodStep.TemperaturesC"/>[A].</summary>
        Temperature,

        /// <summary>EV current demand <see cref="PodStep.CurrentsA"/>[A].</summary>
        Current,

        /// <summary>Mains voltage <see cref="PodStep.VoltagesV"/>[A].</summary>
        Voltage,

        /// <summary>Sensor <see cref="PodStep.Sensors"/>[A] goes to <see cref="PodStep.SensorStates"/>[B].</summary>
        SensorFault,

        /// <summary>Site controller up (A even) or down.</summary>
        Controller,

        /// <summary>GNSS fix <see cref="PodStep.Positions"/>[A].</summary>
        Position,

        /// <summary>start for <see cref="PodStep.StartAccounts"/>[A]; B is a bit set of optional limits.</summary>
        Start,

        /// <summary>stop.</summary>
        Stop,

        /// <summary>reserve for <see cref="PodStep.StartAccounts"/>[A]; B = durationS, 0 for the default.</summary>
        Reserve,

        /// <summary>cancel_reservation.</summary>
        CancelReservation,

        /// <summary>unlock by <see cref="PodStep.UnlockAccounts"/>[A] (the first two may move the pod).</summary>
        Unlock,

        /// <summary>lock.</summary>
        Lock,

        /// <summary>set_current_limit to A / 100 A (0..40 A).</summary>
        SetCurrentLimit,

        /// <summary>reset_fault.</summary>
        ResetFault,

        /// <summary>get_status.</summary>
        GetStatus,

        /// <summary>check_space.</summary>
        CheckSpace,

        /// <summary>A technician repairs everything: 25 °C, 230 V, every sensor, the relay mirror and both lock senses ok, position inside the fence.</summary>
        Heal,

        /// <summary>A forged command: tamper <see cref="PodStep.Tampers"/>[A] applied to <see cref="PodStep.ForgedCommands"/>[B % 5], flipping byte B.</summary>
        Forged,

        /// <summary>The simulated EV or its cable: scenario line <see cref="PodStep.EvActions"/>[A] (the first turns the implicit EV into a scripted one).</summary>
        Ev,

        /// <summary>The residual-current monitor goes to <see cref="PodStep.RcdStates"/>[A], answering its test after <see cref="PodStep.RcdResponsesMs"/>[B].</summary>
        Rcd,
    }

    /// <summary>One step of a random pod history; printed in counterexamples in a scenario-like form.</summary>
    public sealed class PodStep
    {
        /// <summary>Accounts for start and reserve.</summary>
        public static readonly string[] StartAccounts = { "driver-1", "driver-2", "tech-ana" };

        /// <summary>Accounts asking to unlock; the first two are in <c>locks.moveAccounts</c>.</summary>
        public static readonly string[] UnlockAccounts = { "tech-ana", "tech-ben", "driver-1", "mallory" };

        /// <summary>Accounts with move permission in the property's config.</summary>
        public static readonly string[] MoveAccounts = { "tech-ana", "tech-ben" };

        /// <summary>Relay mirror states; ok is likelier so faults also go away.</summary>
        public static readonly string[] RelayStates = { "ok", "ok", "ok", "stuck_closed", "stuck_open" };

        /// <summary>Lock sense states; ok is likelier so faults also go away.</summary>
        public static readonly string[] LockStates = { "ok", "ok", "ok", "stuck_locked", "stuck_unlocked" };

        /// <summary>Connector temperatures, °C: normal (likelier, so a trip can be reset), near and over the 70 °C limit, over the 160 °C ceiling.</summary>
        public static readonly double[] TemperaturesC = { 25, 25, 25, 45, 69, 72, 90, 165 };

        /// <summary>EV current demands, A: within, over the allowed current, over the 40 A absolute maximum and the ceiling.</summary>
        public static readonly double[] CurrentsA = { 0, 6, 16, 30, 34, 40, 45, 60 };

        /// <summary>Mains voltages, V: normal (likelier), under 207 V and over 253 V.</summary>
        public static readonly double[] VoltagesV = { 230, 230, 230, 220, 250, 205, 256, 280 };

        /// <summary>Sensor names as in the scenario language.</summary>
        public static readonly string[] Sensors = { "temp_sensor", "current_sensor", "voltage_sensor" };

        /// <summary>Sensor states; ok is likelier so faults also go away.</summary>
        public static readonly string[] SensorStates = { "ok", "ok", "ok", "open", "short", "stuck" };

        /// <summary>GNSS fixes: inside the fence, 1 km outside, no fix.</summary>
        public static readonly string[] Positions = { "inside", "outside", "none" };

        /// <summary>EV and cable actions in the scenario language; the healthy ones are listed more than once so EVs also charge.</summary>
        public static readonly string[] EvActions =
        {
            "ev connect", "ev connect", "ev connect", "ev connect", "ev connect", "ev connect",
            "ev charge", "ev charge", "ev charge", "ev charge", "ev charge", "ev charge", "ev charge", "ev charge", "ev charge", "ev charge",
            "ev ventilation", "ev stop", "ev unplug",
            "ev diode missing", "ev diode ok", "ev diode ok", "ev diode ok", "ev cp short", "ev cp ok", "ev cp ok", "ev cp ok",
            "ev ignores_limit on", "ev ignores_limit off", "ev reaction_ms 0", "ev reaction_ms 4000", "ev max_a 16",
            "pp open", "pp 680", "pp 220", "pp 220", "pp 220",
        };

        /// <summary>Residual-current monitor states as in the scenario language; ok is likelier so faults also go away.</summary>
        public static readonly string[] RcdStates = { "ok", "ok", "ok", "ok", "ok", "ok", "fault", "test_fails" };

        /// <summary>How long the monitor takes to answer its test input, ms: at once, within a tick, over several ticks.</summary>
        public static readonly int[] RcdResponsesMs = { 0, 50, 250 };

        /// <summary>How a forged command is made.</summary>
        public static readonly string[] Tampers = { "flip_cmd_byte", "flip_sig_byte", "wrong_key", "wrong_pod", "expired", "replay_accepted" };

        /// <summary>What a forged command asks for: the dangerous ones.</summary>
        public static readonly string[] ForgedCommands =
        {
            "{\"type\":\"unlock\",\"account\":\"tech-ana\"}",
            "{\"type\":\"start\",\"account\":\"driver-1\"}",
            "{\"type\":\"reset_fault\"}",
            "{\"type\":\"stop\"}",
            "{\"type\":\"set_current_limit\",\"limitA\":40}",
        };

        /// <summary>A step of <paramref name="kind"/> with parameters <paramref name="a"/> and <paramref name="b"/>.</summary>
        public PodStep(PodStepKind kind, int a, int b)
        {
            Kind = kind;
            A = a;
            B = b;
        }

        /// <summary>What the step does.</summary>
        public PodStepKind Kind { get; }

        /// <summary>First parameter (meaning per <see cref="PodStepKind"/>).</summary>
        public int A { get; }

        /// <summary>Second parameter (meaning per <see cref="PodStepKind"/>).</summary>
        public int B { get; }

        /// <summary>The command JSON this step sends (without pod, id, ts, nonce), or null when it sends none.</summary>
        public string CommandJson()
        {
            switch (Kind)
            {
                case PodStepKind.Start:
                {
                    string json = "{\"type\":\"start\",\"account\":\"" + StartAccounts[A] + "\"";
                    if ((B & 1) != 0)
                    {
                        json += ",\"limitA\":" + Number((B >> 4) % 4001 / 100.0);
                    }

                    if ((B & 2) != 0)
                    {
                        json += ",\"maxEnergyKwh\":0.05";
                    }

                    if ((B & 4) != 0)
                    {
                        json += ",\"maxDurationS\":60";
                    }

                    if ((B & 8) != 0)
                    {
                        json += ",\"tariffPerKwh\":0.3,\"maxAmount\":0.01";
                    }

                    return json + "}";
                }

                case PodStepKind.Stop: return "{\"type\":\"stop\"}";
                case PodStepKind.Reserve:
                    return "{\"type\":\"reserve\",\"account\":\"" + StartAccounts[A] + "\"" + (B > 0 ? ",\"durationS\":" + Number(B) : "") + "}";
                case PodStepKind.CancelReservation: return "{\"type\":\"cancel_reservation\"}";
                case PodStepKind.Unlock: return "{\"type\":\"unlock\",\"account\":\"" + UnlockAccounts[A] + "\"}";
                case PodStepKind.Lock: return "{\"type\":\"lock\"}";
                case PodStepKind.SetCurrentLimit: return "{\"type\":\"set_current_limit\",\"limitA\":" + Number(A / 100.0) + "}";
                case PodStepKind.ResetFault: return "{\"type\":\"reset_fault\"}";
                case PodStepKind.GetStatus: return "{\"type\":\"get_status\"}";
                case PodStepKind.CheckSpace: return "{\"type\":\"check_space\"}";
                case PodStepKind.Forged: return ForgedCommands[B % ForgedCommands.Length];
                default: return null;
            }
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            switch (Kind)
            {
                case PodStepKind.Tick: return "tick";
                case PodStepKind.Ticks: return "ticks " + A;
                case PodStepKind.Jump: return "jump " + A + " s";
                case PodStepKind.Plug: return "plug " + (A % 2 == 0 ? "in" : "out");
                case PodStepKind.Dock: return "dock " + (A % 2 == 0 ? "in" : "out");
                case PodStepKind.Vehicle: return "vehicle " + (A % 2 == 0 ? "present" : "absent");
                case PodStepKind.RelayFeedback: return "relay_feedback " + RelayStates[A];
                case PodStepKind.WheelLockSense: return "wheel_lock_sense " + LockStates[A];
                case PodStepKind.CableLockSense: return "cable_lock_sense " + LockStates[A];
                case PodStepKind.Temperature: return "temp_c " + Number(TemperaturesC[A]);
                case PodStepKind.Current: return "current_a " + Number(CurrentsA[A]);
                case PodStepKind.Voltage: return "voltage_v " + Number(VoltagesV[A]);
                case PodStepKind.SensorFault: return Sensors[A] + " " + SensorStates[B];
                case PodStepKind.Controller: return "controller " + (A % 2 == 0 ? "up" : "down");
                case PodStepKind.Position: return "position " + Positions[A];
                case PodStepKind.Heal: return "heal (25 C, 230 V, sensors, relay, locks and RCD ok, inside the fence)";
                case PodStepKind.Forged: return "forged " + Tampers[A] + " at " + B + " " + CommandJson();
                case PodStepKind.Ev: return EvActions[A];
                case PodStepKind.Rcd: return "rcd " + RcdStates[A] + " (answers its test after " + RcdResponsesMs[B] + " ms)";
                default: return "cmd " + CommandJson();
            }
        }

        private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
