using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Json;

namespace PodFirmware.Tests.Core.Messaging
{
    [TestClass]
    public class CommandResultJsonTests
    {
        [TestMethod]
        public static void Writes_a_refusal_with_a_null_id_when_the_envelope_was_unreadable()
        {
            var w = new JsonWriter(256);
            CommandResultJson.WriteRefused(w, null, CommandAuthResult.Malformed, "envelope: not JSON");
            JsonAssert.Text("{\"id\":null,\"ok\":false,\"code\":\"malformed\",\"reason\":\"envelope: not JSON\"}", w);
        }

        [TestMethod]
        public static void Writes_the_tick_outcome_ok_with_its_id()
        {
            var w = new JsonWriter(256);
            CommandResultJson.Write(w, "c-1", CommandResultCode.Ok, 0);
            JsonAssert.Text("{\"id\":\"c-1\",\"ok\":true,\"code\":\"ok\",\"reason\":\"Applied.\"}", w);
        }

        [TestMethod]
        public static void A_reservation_held_by_another_account_carries_the_seconds_left()
        {
            var w = new JsonWriter(256);
            CommandResultJson.Write(w, "c-2", CommandResultCode.ReservedForOther, 540);
            JsonAssert.Text("{\"id\":\"c-2\",\"ok\":false,\"code\":\"reserved_for_other\",\"reason\":\"The pod is reserved for another account.\",\"leftS\":540}", w);
        }

        [TestMethod]
        public static void Other_rejections_carry_no_leftS()
        {
            var w = new JsonWriter(256);
            CommandResultJson.Write(w, "c-3", CommandResultCode.NotDocked, 540);
            Assert.AreEqual(-1, w.ToString().IndexOf("leftS"), w.ToString());
        }

        [TestMethod]
        public static void Check_space_reports_charging_connector_vehicle_space_and_position()
        {
            var space = new SpaceInfo();
            space.Charging = true;
            space.Connector = ConnectorStatus.Charging;
            space.Vehicle = "present";
            space.SpaceNumber = 12;
            space.HasPosition = true;
            space.LatDegScaled = 521234567;
            space.LonDegScaled = -13456789;
            var w = new JsonWriter(512);
            CommandResultJson.WriteWithSpace(w, "c-4", space);
            JsonAssert.Text(
                "{\"id\":\"c-4\",\"ok\":true,\"code\":\"ok\",\"reason\":\"Applied.\",\"space\":{\"charging\":true,\"connector\":\"Charging\"," +
                "\"vehicle\":\"present\",\"space\":12,\"position\":{\"latDeg\":52.1234567,\"lonDeg\":-1.3456789}}}",
                w);
        }

        [TestMethod]
        public static void Check_space_without_a_fix_writes_position_null()
        {
            var w = new JsonWriter(512);
            CommandResultJson.WriteWithSpace(w, "c-5", new SpaceInfo());
            Assert.Contains("\"vehicle\":\"unknown\",\"space\":0,\"position\":null}}", w.ToString());
        }
    }
}
