using System;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Safety;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Writes the retained status document of <c>pods/{podId}/status</c> (docs/mqtt.md): identity, connector
    /// status, relay, latched fault, failed self-test check, warnings, dock, plug, vehicle, locks, move, session,
    /// reservation, allowed current, measurements with units in their names, sensor health and the store.
    /// </summary>
    /// <remarks>Allocates nothing; not thread-safe (one writer per caller).</remarks>
    public static class StatusJson
    {
        /// <summary>Firmware version reported in status.</summary>
        public const string FirmwareVersion = "0.1.0";

        // Positions go out with 7 decimals (about 1 cm), written from integers so device and host agree byte for byte.
        private const int PositionDecimals = 7;
        private const double PositionScale = 10000000.0;

        private static readonly string[] SensorStatusNames = { "ok", "open", "short", "stuck", "not_finite" };

        /// <summary>Writes <paramref name="status"/> as one object into <paramref name="w"/> (after Reset by the caller).</summary>
        public static void Write(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.BeginObject();
            WriteMembers(w, status, config);
            w.EndObject();
        }

        /// <summary>
        /// Writes the members of the status document into the object open in <paramref name="w"/>, so that a command
        /// result (get_status) can embed the same document as <c>"status":{...}</c>.
        /// </summary>
        public static void WriteMembers(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.String("pod", config.PodId);
            w.String("site", config.SiteId);
            w.Int("space", config.ParkingSpace);
            w.String("fw", FirmwareVersion);
            w.String("commandKey", status.CommandKeyId);
            w.Int("uptimeS", status.UptimeMs / 1000);
            WriteUtcS(w, status.UtcS);
            w.String("connector", ConnectorStatusNames.Of(status.Connector));
            w.String("relay", status.RelayWelded ? "welded" : status.RelayClosed ? "closed" : "open");
            if (status.LatchedFault == FaultCode.None)
            {
                w.Null("fault");
            }
            else
            {
                w.String("fault", FaultCatalogue.NameOf(status.LatchedFault));
            }

            if (status.SelfTestFailure == SelfTestCheck.None)
            {
                w.Null("selfTestFailed");
            }
            else
            {
                w.String("selfTestFailed", SelfTestCheckNames.Of(status.SelfTestFailure));
            }

            if (status.ConfigError != null)
            {
                w.String("configError", status.ConfigError);
            }

            WriteWarnings(w, status);
            w.Bool("docked", status.Docked);
            w.Bool("plugged", status.Plugged);
            w.String("vehicle", VehicleName(status.Vehicle));
            w.BeginObject("locks");
            w.String("wheel", LockStateNames.Of(status.WheelLock));
            w.String("cable", LockStateNames.Of(status.CableLock));
            w.EndObject();
            if (status.Moving)
            {
                w.BeginObject("moving");
                w.Int("timeLeftS", (status.MoveTimeLeftMs + 999) / 1000);
                WritePosition(w, status);
                w.EndObject();
            }
            else
            {
                w.Null("moving");
            }

            WriteSession(w, status);
            if (status.ReservationAccount == null)
            {
                w.Null("reservation");
            }
            else
            {
                w.BeginObject("reservation");
                w.String("account", status.ReservationAccount);
                w.Int("leftS", status.ReservationLeftS);
                w.EndObject();
            }

            w.Decimal("allowedCurrentA", status.AllowedCurrentA, 2);
            w.BeginObject("pilot");
            WritePilot(w, status);
            w.Int("cableA", status.CableRatingA);
            w.EndObject();
            if (Finite.IsFinite(status.SiteShareA))
            {
                w.Decimal("siteShareA", status.SiteShareA, 1);
            }
            w.String("derate", DerateStepNames.Of(status.Derate));
            w.String("rcd", RcdStateNames.Of(status.Rcd));
            w.String("hazard", HazardDetector.NameOf(status.Hazard));
            w.Decimal("tempC", status.TemperatureC, 1);
            w.Decimal("currentA", status.CurrentA, 2);
            w.Decimal("voltageV", status.VoltageV, 1);
            w.Decimal("powerW", status.PowerW, 0);
            w.Decimal("powerFactor", status.PowerFactor, 2);
            w.BeginObject("sensors");
            w.String("temperature", NameOf(status.TemperatureStatus));
            w.String("current", NameOf(status.CurrentStatus));
            w.String("voltage", NameOf(status.VoltageStatus));
            w.EndObject();
            w.BeginObject("store");
            w.Int("pending", status.StorePending);
            w.Bool("overflow", status.StoreOverflow);
            w.Int("damaged", status.StoreDamaged);
            w.EndObject();
            WriteCounters(w, status);
        }

        // The lifetime counters on flash and today's (UTC day) share; today is null while the pod has no UTC.
        private static void WriteCounters(JsonWriter w, PodStatus status)
        {
            w.BeginObject("counters");
            w.Fixed("energyKwh", (status.CountedEnergyMilliWh + 500) / 1000, 3);
            w.Int("sessions", status.CountedSessions);
            w.Int("chargingS", status.CountedChargingMs / 1000);
            if (status.TodayKnown)
            {
                w.BeginObject("today");
                w.Fixed("energyKwh", (status.TodayEnergyMilliWh + 500) / 1000, 3);
                w.Int("sessions", status.TodaySessions);
                w.Int("chargingS", status.TodayChargingMs / 1000);
                w.EndObject();
            }
            else
            {
                w.Null("today");
            }

            w.EndObject();
        }

        private static void WriteWarnings(JsonWriter w, PodStatus status)
        {
            w.BeginArray("warnings");
            if (status.ControllerLost)
            {
                w.String(FaultCatalogue.NameOf(FaultCode.ControllerLost));
            }

            if (status.NetworkLostWhileMoving)
            {
                w.String(FaultCatalogue.NameOf(FaultCode.NetworkLostWhileMoving));
            }

            if (status.StoreOverflow)
            {
                w.String(FaultCatalogue.NameOf(FaultCode.StoreOverflow));
            }

            if (status.StoreDamaged > 0)
            {
                w.String(FaultCatalogue.NameOf(FaultCode.StoreRecordDamaged));
            }

            w.EndArray();
        }

        private static void WritePosition(JsonWriter w, PodStatus status)
        {
            if (!status.HasPosition)
            {
                w.Null("position");
                return;
            }

            w.BeginObject("position");
            w.Fixed("latDeg", (long)Math.Round(status.LatitudeDeg * PositionScale), PositionDecimals);
            w.Fixed("lonDeg", (long)Math.Round(status.LongitudeDeg * PositionScale), PositionDecimals);
            w.EndObject();
        }

        private static void WriteSession(JsonWriter w, PodStatus status)
        {
            if (!status.SessionActive)
            {
                w.Null("session");
                return;
            }

            w.BeginObject("session");
            w.String("id", status.SessionId);
            w.String("account", status.SessionAccount);
            if (status.SessionCard != null)
            {
                w.String("card", status.SessionCard);
            }
            w.Fixed("energyKwh", (status.SessionEnergyMilliWh + 500) / 1000, 3);
            w.Int("elapsedS", status.SessionElapsedMs / 1000);
            if (status.SessionProgressPercent < 0)
            {
                w.Null("progressPercent");
            }
            else
            {
                w.Int("progressPercent", status.SessionProgressPercent);
            }

            if (status.SessionRemainingS < 0)
            {
                w.Null("remainingS");
            }
            else
            {
                w.Int("remainingS", status.SessionRemainingS);
            }

            w.EndObject();
        }

        /// <summary>The wire name of a vehicle presence: <c>present</c>, <c>absent</c> or <c>unknown</c> (no sensor).</summary>
        public static string VehicleName(VehiclePresence vehicle)
        {
            return vehicle == VehiclePresence.Present ? "present" : vehicle == VehiclePresence.Absent ? "absent" : "unknown";
        }

        /// <summary>
        /// Writes the telemetry document of <c>pods/{podId}/telemetry</c>: uptime, relay and the
        /// three measurements with units in their names; while the pod moves, its <c>position</c> too.
        /// </summary>
        public static void WriteTelemetry(JsonWriter w, PodStatus status, PodConfig config)
        {
            w.BeginObject();
            w.String("pod", config.PodId);
            w.Int("uptimeS", status.UptimeMs / 1000);
            w.Bool("relayClosed", status.RelayClosed);
            w.Decimal("tempC", status.TemperatureC, 1);
            w.Decimal("currentA", status.CurrentA, 2);
            w.Decimal("voltageV", status.VoltageV, 1);
            WritePilot(w, status);
            w.Decimal("powerW", status.PowerW, 0);
            w.Decimal("powerFactor", status.PowerFactor, 2);
            w.String("derate", DerateStepNames.Of(status.Derate));
            w.String("rcd", RcdStateNames.Of(status.Rcd));
            WriteUtcS(w, status.UtcS);
            if (status.SessionActive)
            {
                WriteProcess(w, status, config);
            }

            if (status.Moving)
            {
                // Where the pod is while it moves, at the charging pace (MessagingPump), so the back end can follow it.
                WritePosition(w, status);
            }

            if (status.IntakeShed > 0 || status.IntakeDropped > 0 || status.IntakeLost > 0)
            {
                // Only once a flood has left a trace, so an ordinary document stays as it was.
                w.BeginObject("intake");
                w.Int("shed", status.IntakeShed);
                w.Int("dropped", status.IntakeDropped);
                w.Int("lost", status.IntakeLost);
                w.EndObject();
            }

            w.EndObject();
        }

        // Live process data of the running session: T, energy, Mc, Mp, N = Mc / Mp and both remaining-time estimates.
        private static void WriteProcess(JsonWriter w, PodStatus status, PodConfig config)
        {
            long mc = status.SessionAmountScaled;
            long mp = status.SessionPrepaidScaled;
            w.BeginObject("session");
            w.Int("elapsedS", status.SessionElapsedMs / 1000);
            w.Fixed("energyKwh", (status.SessionEnergyMilliWh + 500) / 1000, 3);
            w.Fixed("amount", mc, SessionRecord.AmountDecimals);
            NullOr(w, "prepaid", mp, SessionRecord.AmountDecimals);
            NullOr(w, "progress", mp > 0 ? mc * 1000 / mp : -1, 3);
            NullOr(w, "remainingS", status.SessionRemainingS, 0);
            NullOr(w, "remainingSeedS", SeedRemaining.Seconds(mc, mp, status.SessionElapsedMs, config.Session.RemainingB, config.Session.RemainingTfS), 0);
            w.EndObject();
        }

        private static void NullOr(JsonWriter w, string name, long value, int decimals)
        {
            if (value < 0)
            {
                w.Null(name);
            }
            else
            {
                w.Fixed(name, value, decimals);
            }
        }

        // "t": UTC seconds, or null while the pod has no valid UTC.
        private static void WriteUtcS(JsonWriter w, long utcS)
        {
            if (utcS > 0)
            {
                w.Int("t", utcS);
            }
            else
            {
                w.Null("t");
            }
        }

        // The control pilot: state, duty (100 % while the PWM is stopped, 0 in state F) and the current it offers.
        private static void WritePilot(JsonWriter w, PodStatus status)
        {
            w.String("cp", CpStateNames.Of(status.PilotState));
            w.Fixed("dutyPercent", status.DutyPermille, 1);
            w.Decimal("offeredA", status.OfferedCurrentA, 1);
        }

        /// <summary>The lower-case name of a sensor status as it appears in payloads.</summary>
        public static string NameOf(SensorStatus status)
        {
            int i = (int)status;
            return i >= 0 && i < SensorStatusNames.Length ? SensorStatusNames[i] : "unknown";
        }
    }
}
