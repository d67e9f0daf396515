using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Safety;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Json;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class StatusJsonTests
    {
        private static PodConfig Config()
        {
            var config = new PodConfig();
            config.PodId = "P-017";
            config.SiteId = "S-1";
            config.ParkingSpace = 3;
            return config;
        }

        [TestMethod]
        public static void A_charging_pod_reports_connector_locks_session_and_store_from_integers()
        {
            var s = new PodStatus();
            s.UptimeMs = 125999;
            s.Connector = ConnectorStatus.Charging;
            s.RelayClosed = true;
            s.Docked = true;
            s.Plugged = true;
            s.Vehicle = VehiclePresence.Present;
            s.WheelLock = LockState.Locked;
            s.CableLock = LockState.Locked;
            s.SessionActive = true;
            s.SessionId = "start-1";
            s.SessionAccount = "acct-9";
            s.SessionEnergyMilliWh = 1234567;
            s.SessionElapsedMs = 61500;
            s.SessionProgressPercent = 12;
            s.SessionRemainingS = 3540;
            s.ControllerLost = true;
            s.AllowedCurrentA = 16;
            s.PilotState = CpState.C;
            s.DutyPermille = 266;
            s.OfferedCurrentA = 16;
            s.CableRatingA = 32;
            s.TemperatureC = 31.25;
            s.CurrentA = 15.987;
            s.VoltageV = 230.04;
            s.PowerW = 2942.6;
            s.PowerFactor = 0.8004;
            s.Derate = DerateStep.Half;
            s.Rcd = RcdState.Ok;
            s.StorePending = 2;
            s.UtcS = 1767225725;
            s.CountedEnergyMilliWh = 123456789;
            s.CountedSessions = 40;
            s.CountedChargingMs = 7200999;
            s.TodayKnown = true;
            s.TodayEnergyMilliWh = 2000499;
            s.TodaySessions = 2;
            s.TodayChargingMs = 600000;
            s.CommandKeyId = "k2";
            var w = new JsonWriter(2048);
            StatusJson.Write(w, s, Config());
            JsonAssert.Text(
                "{\"pod\":\"P-017\",\"site\":\"S-1\",\"space\":3,\"fw\":\"" + StatusJson.FirmwareVersion + "\",\"commandKey\":\"k2\",\"uptimeS\":125,\"t\":1767225725," +
                "\"connector\":\"Charging\",\"relay\":\"closed\",\"fault\":null,\"selfTestFailed\":null,\"warnings\":[\"ControllerLost\"]," +
                "\"docked\":true,\"plugged\":true,\"vehicle\":\"present\",\"locks\":{\"wheel\":\"locked\",\"cable\":\"locked\"},\"moving\":null," +
                "\"session\":{\"id\":\"start-1\",\"account\":\"acct-9\",\"energyKwh\":1.235,\"elapsedS\":61,\"progressPercent\":12,\"remainingS\":3540}," +
                "\"reservation\":null,\"allowedCurrentA\":16.00,\"pilot\":{\"cp\":\"C\",\"dutyPercent\":26.6,\"offeredA\":16.0,\"cableA\":32},\"derate\":\"half\",\"rcd\":\"ok\",\"hazard\":\"none\"," +
                "\"tempC\":31.3,\"currentA\":15.99,\"voltageV\":230.0,\"powerW\":2943,\"powerFactor\":0.80," +
                "\"sensors\":{\"temperature\":\"ok\",\"current\":\"ok\",\"voltage\":\"ok\"},\"store\":{\"pending\":2,\"overflow\":false,\"damaged\":0}," +
                "\"counters\":{\"energyKwh\":123.457,\"sessions\":40,\"chargingS\":7200,\"today\":{\"energyKwh\":2.000,\"sessions\":2,\"chargingS\":600}}}",
                w);
        }

        [TestMethod]
        public static void A_moving_faulted_pod_reports_the_weld_the_fault_the_failed_check_the_move_and_its_position()
        {
            var s = new PodStatus();
            s.Connector = ConnectorStatus.Unavailable;
            s.RelayWelded = true;
            s.LatchedFault = FaultCode.RelayWelded;
            s.SelfTestFailure = SelfTestCheck.RelayFeedback;
            s.Moving = true;
            s.MoveTimeLeftMs = 599001;
            s.HasPosition = true;
            s.LatitudeDeg = -33.8688;
            s.LongitudeDeg = 151.2093;
            s.WheelLock = LockState.Unlocked;
            s.CableLock = LockState.Fault;
            s.NetworkLostWhileMoving = true;
            s.StoreOverflow = true;
            s.ReservationAccount = "acct-2";
            s.ReservationLeftS = 42;
            var w = new JsonWriter(2048);
            StatusJson.Write(w, s, Config());
            string text = w.ToString();
            Assert.Contains("\"relay\":\"welded\",\"fault\":\"RelayWelded\",\"selfTestFailed\":\"" + SelfTestCheckNames.Of(SelfTestCheck.RelayFeedback) + "\"", text);
            Assert.Contains("\"warnings\":[\"NetworkLostWhileMoving\",\"StoreOverflow\"]", text);
            Assert.Contains("\"locks\":{\"wheel\":\"unlocked\",\"cable\":\"fault\"}", text);
            Assert.Contains("\"moving\":{\"timeLeftS\":600,\"position\":{\"latDeg\":-33.8688000,\"lonDeg\":151.2093000}}", text);
            Assert.Contains("\"session\":null,\"reservation\":{\"account\":\"acct-2\",\"leftS\":42}", text);
            Assert.Contains("\"store\":{\"pending\":0,\"overflow\":true,\"damaged\":0},\"counters\":{\"energyKwh\":0.000,\"sessions\":0,\"chargingS\":0,\"today\":null}}", text);
            Assert.Contains("\"uptimeS\":0,\"t\":null,", text);
        }

        [TestMethod]
        public static void Telemetry_carries_the_measurements_with_units_in_their_names_from_integers()
        {
            var s = new PodStatus();
            s.UptimeMs = 5999;
            s.RelayClosed = true;
            s.TemperatureC = 31.24;
            s.CurrentA = 15.975;
            s.VoltageV = 229.84;
            s.PilotState = CpState.C;
            s.DutyPermille = 133;
            s.OfferedCurrentA = 8;
            var w = new JsonWriter(256);
            StatusJson.WriteTelemetry(w, s, Config());
            JsonAssert.Text("{\"pod\":\"P-017\",\"uptimeS\":5,\"relayClosed\":true,\"tempC\":31.2,\"currentA\":15.98,\"voltageV\":229.8," +
                "\"cp\":\"C\",\"dutyPercent\":13.3,\"offeredA\":8.0,\"powerW\":null,\"powerFactor\":null,\"derate\":\"none\",\"rcd\":\"none\",\"t\":null}", w);
        }

        [TestMethod]
        public static void Telemetry_names_the_intake_counters_once_a_flood_has_left_a_trace()
        {
            var s = new PodStatus();
            s.IntakeShed = 4728;
            s.IntakeLost = 2;
            var w = new JsonWriter(320);
            StatusJson.WriteTelemetry(w, s, Config());
            JsonAssert.Text("{\"pod\":\"P-017\",\"uptimeS\":0,\"relayClosed\":false,\"tempC\":0.0,\"currentA\":0.00,\"voltageV\":0.0," +
                "\"cp\":\"F\",\"dutyPercent\":0.0,\"offeredA\":0.0,\"powerW\":null,\"powerFactor\":null,\"derate\":\"none\",\"rcd\":\"none\",\"t\":null," +
                "\"intake\":{\"shed\":4728,\"dropped\":0,\"lost\":2}}", w);
        }

        [TestMethod]
        public static void Version_moves_only_when_a_discrete_field_changes()
        {
            var s = new PodStatus();
            s.CommitChanges();
            int first = s.Version;
            s.TemperatureC = 40;
            s.UptimeMs = 5000;
            s.SessionEnergyMilliWh = 10;
            s.CommitChanges();
            Assert.AreEqual(first, s.Version, "measurements alone are telemetry, not a status change");
            s.Connector = ConnectorStatus.Preparing;
            s.CommitChanges();
            Assert.AreEqual(first + 1, s.Version);
            s.CableLock = LockState.Unlocking;
            s.CommitChanges();
            Assert.AreEqual(first + 2, s.Version);
            s.CommitChanges();
            Assert.AreEqual(first + 2, s.Version);
        }
    }
}
