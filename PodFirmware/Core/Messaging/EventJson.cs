using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Safety;
using PodFirmware.Core.Session;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes one <see cref="PodEvent"/> as a JSON object: <see cref="Write"/> for the event stream (the simulator's
    /// output and <c>pods/{podId}/events</c>), <see cref="WriteAlarm"/> for the alarm topics. Field names carry their
    /// units (<c>valueC</c>, <c>limitA</c>); temperatures are written to 0.1 °C, currents to 0.01 A, voltages to 0.1 V,
    /// all formatted from integers.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class EventJson
    {
        /// <summary>
        /// Writes <paramref name="e"/> as a complete object into <paramref name="w"/> (after Reset by the caller):
        /// <c>{"t":utcS,"uptimeMs":ms,"event":kind,"pod":id,"space":n,...}</c> with the fields its kind has (docs/mqtt.md, events topic).
        /// </summary>
        /// <param name="w">Writer, after Reset by the caller.</param>
        /// <param name="e">The event.</param>
        /// <param name="podId">This pod's id.</param>
        /// <param name="utcS">UTC of the event, s since 1970-01-01; 0 or less when the pod had no valid UTC (then <c>"t":null</c>).</param>
        public static void Write(JsonWriter w, PodEvent e, string podId, long utcS)
        {
            w.BeginObject();
            if (utcS > 0)
            {
                w.Int("t", utcS);
            }
            else
            {
                w.Null("t");
            }

            w.Int("uptimeMs", e.TimeMs);
            w.String("event", EventKindNames.Of(e.Kind));
            w.String("pod", podId);
            w.Int("space", e.SpaceNumber);
            switch (e.Kind)
            {
                case EventKind.Relay:
                    w.Bool("closed", e.Arg != 0);
                    break;
                case EventKind.Warning:
                    w.Bool("active", e.Arg != 0);
                    break;
                case EventKind.Status:
                    w.String("connector", ConnectorStatusNames.Of((ConnectorStatus)e.Arg));
                    break;
                case EventKind.Lock:
                    w.String("lock", e.Text);
                    w.String("state", LockStateNames.Of((LockState)e.Arg));
                    break;
                case EventKind.CommandResult:
                    w.String("id", e.Text);
                    w.Bool("ok", e.Arg == (int)CommandResultCode.Ok);
                    w.String("result", CommandResultNames.Of((CommandResultCode)e.Arg));
                    if (e.Arg == (int)CommandResultCode.ReservedForOther)
                    {
                        w.Int("leftS", (long)e.Value);
                    }

                    break;
                case EventKind.Session:
                    w.String("session", e.Record.SessionId);
                    w.String("account", e.Record.Account);
                    w.Fixed("energyKwh", (e.Record.EnergyMilliWh + 500) / 1000, 3);
                    w.String("stopReason", StopReasonNames.Of(e.Record.StopReason));
                    break;
                case EventKind.Moving:
                    w.Bool("moving", e.Arg != 0);
                    w.String("reason", e.Text);
                    w.String("account", e.Record.Account);
                    if (e.Arg == 0)
                    {
                        w.Decimal("distanceM", e.Value, 1);
                    }

                    break;
                case EventKind.MoveRecord:
                    w.String("account", e.Record.Account);
                    w.String("reason", e.Text);
                    w.Decimal("distanceM", e.Value, 1);
                    w.Int("durationS", (e.Record.StopMs - e.Record.StartMs) / 1000);
                    break;
                case EventKind.Derate:
                    w.String("step", DerateStepNames.Of((DerateStep)e.Arg));
                    break;
                case EventKind.SessionStarted:
                    w.String("session", e.Record.SessionId);
                    w.String("account", e.Record.Account);
                    break;
                case EventKind.Pilot:
                    w.String("state", CpStateNames.Of((CpState)e.Arg));
                    w.Fixed("dutyPercent", (long)e.Value, 1);
                    w.Fixed("offeredA", (long)((e.Limit * 10.0) + 0.5), 1);
                    break;
                case EventKind.CardRefused:
                    w.String("reason", e.Text);
                    break;
            }

            WriteCode(w, e.Code);
            if (e.Kind == EventKind.Warning)
            {
                WriteCauseAndRemedy(w, e.Code);
            }

            WriteMeasurement(w, e.Unit, e.Value, e.Limit);
            w.EndObject();
        }

        /// <summary><c>true</c> for the kinds published on the alarm topics: alarm, fire_risk, all_clear and fault_cleared.</summary>
        public static bool IsAlarmTopicKind(EventKind kind)
        {
            return kind == EventKind.Alarm || kind == EventKind.FireRisk || kind == EventKind.AllClear || kind == EventKind.FaultCleared;
        }

        /// <summary>
        /// The alarm <c>level</c> of <paramref name="kind"/>: <c>alarm</c>, <c>fire_risk</c>, or <c>cleared</c> for both
        /// all_clear (cooled down and quiet) and fault_cleared (an authorised reset); <c>event</c> tells those two apart;
        /// <c>warning</c> for a warning delivered like an alarm (NetworkLostWhileMoving). Null for other kinds.
        /// </summary>
        public static string LevelOf(EventKind kind)
        {
            switch (kind)
            {
                case EventKind.Alarm: return "alarm";
                case EventKind.FireRisk: return "fire_risk";
                case EventKind.AllClear: return "cleared";
                case EventKind.FaultCleared: return "cleared";
                case EventKind.Warning: return "warning";
                default: return null;
            }
        }

        /// <summary>
        /// Writes the alarm payload of <c>pods/{podId}/alarm</c> and <c>site/{siteId}/alarm</c> (docs/mqtt.md):
        /// <c>{"id":"{podId}-{seq}","seq":n,"pod","site","space","event","level","code","ocpp","cause","remedy",value/limit with units,"t","uptimeMs","restored"}</c>
        /// (<c>"active"</c> after <c>level</c> for a warning; <c>cause</c> and <c>remedy</c> are the fault catalogue's description and remedy).
        /// </summary>
        /// <param name="w">Writer, after Reset by the caller.</param>
        /// <param name="e">An event of a kind for which <see cref="IsAlarmTopicKind"/> is true, or a warning.</param>
        /// <param name="podId">This pod's id.</param>
        /// <param name="idPrefix"><paramref name="podId"/> followed by "-", built once at boot.</param>
        /// <param name="siteId">This pod's site id.</param>
        /// <param name="seq">The alarm's sequence number, unique per pod (assigned by the sender); the id is the prefix plus it.</param>
        /// <param name="utcMs">UTC of the event, ms since 1970-01-01; 0 or less when the pod had no valid UTC (then <c>"t":null</c>).</param>
        public static void WriteAlarm(JsonWriter w, PodEvent e, string podId, string idPrefix, string siteId, long seq, long utcMs)
        {
            w.BeginObject();
            w.StringWithNumber("id", idPrefix, seq);
            w.Int("seq", seq);
            w.String("pod", podId);
            w.String("site", siteId);
            w.Int("space", e.SpaceNumber);
            w.String("event", EventKindNames.Of(e.Kind));
            w.String("level", LevelOf(e.Kind));
            if (e.Kind == EventKind.Warning)
            {
                w.Bool("active", e.Arg != 0);
            }

            WriteCode(w, e.Code);
            WriteCauseAndRemedy(w, e.Code);
            WriteMeasurement(w, e.Unit, e.Value, e.Limit);
            if (utcMs > 0)
            {
                w.UtcIso("t", utcMs);
            }
            else
            {
                w.Null("t");
            }

            w.Int("uptimeMs", e.TimeMs);
            w.Bool("restored", e.Restored);
            w.EndObject();
        }

        // The catalogue's own words, so whoever hears the announcement knows what happened and what to do.
        private static void WriteCauseAndRemedy(JsonWriter w, FaultCode code)
        {
            FaultInfo fault = FaultCatalogue.Get(code);
            if (code != FaultCode.None && fault != null)
            {
                w.String("cause", fault.Description);
                w.String("remedy", fault.Remedy);
            }
        }

        private static void WriteCode(JsonWriter w, FaultCode code)
        {
            if (code != FaultCode.None)
            {
                FaultInfo fault = FaultCatalogue.Get(code);
                if (fault == null)
                {
                    w.String("code", FaultCatalogue.UnknownName);
                    return;
                }

                w.String("code", fault.Name);
                if (fault.OcppErrorCode != null && fault.OcppErrorCode.Length > 0)
                {
                    w.String("ocpp", fault.OcppErrorCode);
                }
            }
        }

        private static void WriteMeasurement(JsonWriter w, ValueUnit unit, double value, double limit)
        {
            switch (unit)
            {
                case ValueUnit.Celsius:
                    w.Decimal("valueC", value, 1);
                    w.Decimal("limitC", limit, 1);
                    break;
                case ValueUnit.Ampere:
                    w.Decimal("valueA", value, 2);
                    w.Decimal("limitA", limit, 2);
                    break;
                case ValueUnit.Volt:
                    w.Decimal("valueV", value, 1);
                    w.Decimal("limitV", limit, 1);
                    break;
            }
        }
    }
}
