using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Tests.Json;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class AlarmJsonTests
    {
        private static PodEvent OverTemperature(EventKind kind)
        {
            var e = new PodEvent();
            e.Kind = kind;
            e.TimeMs = 123456;
            e.Code = FaultCode.ConnectorOverTemperature;
            e.Unit = ValueUnit.Celsius;
            e.Value = 72.34;
            e.Limit = 70.0;
            e.SpaceNumber = 3;
            return e;
        }

        private static JsonWriter Alarm(PodEvent e, long seq, long utcMs)
        {
            var w = new JsonWriter(1024);
            EventJson.WriteAlarm(w, e, "P-017", "P-017-", "S-1", seq, utcMs);
            Assert.IsTrue(w.IsComplete, w.ToString());
            return w;
        }

        [TestMethod]
        public static void Writes_an_over_temperature_alarm_with_id_seq_units_and_UTC()
        {
            JsonAssert.Text(
                "{\"id\":\"P-017-42\",\"seq\":42,\"pod\":\"P-017\",\"site\":\"S-1\",\"space\":3,\"event\":\"alarm\",\"level\":\"alarm\"," +
                "\"code\":\"ConnectorOverTemperature\",\"ocpp\":\"HighTemperature\"," +
                "\"cause\":\"Connector stayed above the cable profile's long-term temperature limit for longer than its tolerance.\"," +
                "\"remedy\":\"Let the connector cool; inspect plug and socket contacts for discolouration, loose crimps or a worn contact; " +
                "check the cable profile matches the fitted cable.\",\"valueC\":72.3,\"limitC\":70.0," +
                "\"t\":\"2026-11-21T14:03:07.250Z\",\"uptimeMs\":123456,\"restored\":false}",
                Alarm(OverTemperature(EventKind.Alarm), 42, 1795269787250L));
        }

        [TestMethod]
        public static void Writes_t_null_and_keeps_uptime_when_the_pod_has_no_UTC()
        {
            JsonWriter w = Alarm(OverTemperature(EventKind.FireRisk), 7, 0);
            Assert.Contains("\"level\":\"fire_risk\"", w.ToString());
            Assert.Contains("\"t\":null,\"uptimeMs\":123456,", w.ToString());
        }

        [TestMethod]
        public static void All_clear_and_an_authorised_reset_are_both_level_cleared_told_apart_by_event()
        {
            Assert.Contains("\"event\":\"all_clear\",\"level\":\"cleared\"", Alarm(OverTemperature(EventKind.AllClear), 1, 0).ToString());
            Assert.Contains("\"event\":\"fault_cleared\",\"level\":\"cleared\"", Alarm(OverTemperature(EventKind.FaultCleared), 1, 0).ToString());
        }

        [TestMethod]
        public static void Writes_current_to_0_01_A_and_voltage_to_0_1_V()
        {
            PodEvent e = OverTemperature(EventKind.Alarm);
            e.Code = FaultCode.OverCurrent;
            e.Unit = ValueUnit.Ampere;
            e.Value = 35.456;
            e.Limit = 32.0;
            Assert.Contains("\"code\":\"OverCurrent\",\"ocpp\":\"OverCurrentFailure\",\"cause\":", Alarm(e, 1, 0).ToString());
            Assert.Contains("setting.\",\"valueA\":35.46,\"limitA\":32.00,", Alarm(e, 1, 0).ToString());

            e.Code = FaultCode.UnderVoltage;
            e.Unit = ValueUnit.Volt;
            e.Value = 184.96;
            e.Limit = 190.0;
            Assert.Contains("\"valueV\":185.0,\"limitV\":190.0,", Alarm(e, 1, 0).ToString());
        }

        [TestMethod]
        public static void Marks_an_alarm_repeated_from_a_latch_restored_at_boot()
        {
            PodEvent e = OverTemperature(EventKind.Alarm);
            e.Restored = true;
            Assert.Contains("\"restored\":true}", Alarm(e, 1, 0).ToString());
        }

        [TestMethod]
        public static void Only_safety_kinds_go_to_the_alarm_topics()
        {
            Assert.IsTrue(EventJson.IsAlarmTopicKind(EventKind.Alarm));
            Assert.IsTrue(EventJson.IsAlarmTopicKind(EventKind.FireRisk));
            Assert.IsTrue(EventJson.IsAlarmTopicKind(EventKind.AllClear));
            Assert.IsTrue(EventJson.IsAlarmTopicKind(EventKind.FaultCleared));
            Assert.IsFalse(EventJson.IsAlarmTopicKind(EventKind.Warning));
            Assert.IsFalse(EventJson.IsAlarmTopicKind(EventKind.Trip));
            Assert.IsFalse(EventJson.IsAlarmTopicKind(EventKind.Relay));
        }

        [TestMethod]
        public static void Writes_a_controller_lost_warning_on_the_event_stream_with_active()
        {
            var e = new PodEvent();
            e.Kind = EventKind.Warning;
            e.TimeMs = 31000;
            e.Code = FaultCode.ControllerLost;
            e.Arg = 1;
            var w = new JsonWriter(512);
            EventJson.Write(w, e, "P-017", 0);
            JsonAssert.Text("{\"t\":null,\"uptimeMs\":31000,\"event\":\"warning\",\"pod\":\"P-017\",\"space\":0,\"active\":true,\"code\":\"ControllerLost\",\"ocpp\":\"OtherError\"," +
                "\"cause\":\"No heartbeat from the site controller within its timeout.\"," +
                "\"remedy\":\"Check the site controller is running and reachable; check the pod's network link and broker connection.\"}", w);
        }
    }
}
