using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Json;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class SessionJsonTests
    {
        private static SessionRecord Tripped()
        {
            var r = new SessionRecord();
            r.SessionId = "start-1";
            r.Account = "acct-9";
            r.StartMs = 10000;
            r.StopMs = 3610999;
            r.StartUtcS = 1767225600L;
            r.StopUtcS = 1767229200L;
            r.EnergyMilliWh = 11234567;
            r.TariffPerKwhScaled = 3150;
            r.AmountScaled = 35389;
            r.StopReason = StopReason.Trip;
            r.StopFault = FaultCode.ConnectorOverTemperature;
            r.PeakTemperatureC = 71.26;
            r.FaultsSeenMask = (1 << (int)FaultCode.ConnectorOverTemperature) | (1 << (int)FaultCode.ControllerLost);
            return r;
        }

        [TestMethod]
        public static void Writes_a_tripped_session_with_energy_money_times_and_faults_from_integers()
        {
            var w = new JsonWriter(1024);
            SessionJson.Write(w, Tripped(), "P-017", "S-1", 3);
            JsonAssert.Text(
                "{\"id\":\"start-1\",\"pod\":\"P-017\",\"site\":\"S-1\",\"space\":3,\"account\":\"acct-9\"," +
                "\"startT\":\"2026-01-01T00:00:00.000Z\",\"stopT\":\"2026-01-01T01:00:00.000Z\",\"durationS\":3600," +
                "\"energyKwh\":11.235,\"tariffPerKwh\":0.3150,\"amount\":3.5389,\"stopReason\":\"trip\",\"ocppReason\":\"EmergencyStop\"," +
                "\"stopFault\":\"ConnectorOverTemperature\",\"peakTemperatureC\":71.3," +
                "\"faultsSeen\":[\"ConnectorOverTemperature\",\"ControllerLost\"],\"t\":1767229200,\"uptimeMs\":3610999}",
                w);
        }

        [TestMethod]
        public static void Writes_null_for_unknown_UTC_missing_temperature_and_no_stop_fault()
        {
            SessionRecord r = Tripped();
            r.StartUtcS = 0;
            r.StopUtcS = 0;
            r.PeakTemperatureC = double.NaN;
            r.StopReason = StopReason.StopCommand;
            r.StopFault = FaultCode.None;
            r.FaultsSeenMask = 0;
            var w = new JsonWriter(1024);
            SessionJson.Write(w, r, "P-017", "S-1", 3);
            string text = w.ToString();
            Assert.Contains("\"startT\":null,\"stopT\":null,", text);
            Assert.Contains("\"stopReason\":\"stop_command\",\"ocppReason\":\"Remote\",\"stopFault\":null,\"peakTemperatureC\":null,\"faultsSeen\":[],\"t\":null,\"uptimeMs\":3610999}", text);
        }

        [DataRow(0L, "0.000")]
        [DataRow(499L, "0.000")]
        [DataRow(500L, "0.001")]
        [DataRow(999999999999L, "1000000.000")]
        [TestMethod]
        public static void Rounds_energy_to_the_nearest_Wh(long milliWh, string expectedKwh)
        {
            SessionRecord r = Tripped();
            r.EnergyMilliWh = milliWh;
            var w = new JsonWriter(1024);
            SessionJson.Write(w, r, "P-017", "S-1", 3);
            Assert.Contains("\"energyKwh\":" + expectedKwh + ",", w.ToString());
        }
    }
}
