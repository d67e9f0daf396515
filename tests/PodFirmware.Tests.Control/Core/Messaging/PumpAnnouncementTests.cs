using System.Collections;
using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Commands;

namespace PodFirmware.Tests.Core.Messaging
{
    /// <summary>
    /// What the pump announces beyond the safety alarms: the pod's own heartbeat (breath frame), the retained status on a
    /// change of the allowed current, the position in telemetry while moving, and NetworkLostWhileMoving stored and
    /// delivered after the reconnect like an alarm, with the catalogue's cause and remedy.
    /// </summary>
    [TestClass]
    public class PumpAnnouncementTests
    {
        private const string Beat = "site/S-1/heartbeat/pods";
        private const string Status = "pods/P-017/status";
        private const string Telemetry = "pods/P-017/telemetry";
        private const string Alarm = "pods/P-017/alarm";
        private const string SiteAlarm = "site/S-1/alarm";

        private sealed class Rig
        {
            public readonly FakeMqttLink Link = new FakeMqttLink();
            public readonly EventRing Events = new EventRing(16, 4);
            public readonly PodStatus Status = new PodStatus();
            public readonly UtcTime Utc = new UtcTime();
            public readonly PodConfig Config = new PodConfig();
            public readonly MessagingPump Pump;

            public Rig(int podPeriodMs)
            {
                Config.PodId = SignedCommands.Pod;
                Config.SiteId = "S-1";
                Config.ParkingSpace = 3;
                Config.Heartbeat.PodPeriodMs = podPeriodMs;
                var publisher = new ReliablePublisher(Link, new Outbox(new MemoryBlobStore(), 16, 1024), 16, 30000);
                Pump = new MessagingPump(Config, Link, Events, Status, publisher);
                Pump.EnableCommands(SignedCommands.NewAuthenticator(), new PodFirmware.Core.Commands.CommandQueue(4), Utc);
                Status.CommitChanges();
            }

            public string Last(string topic)
            {
                ArrayList sent = Link.On(topic);
                Assert.IsTrue(sent.Count > 0, "nothing on " + topic);
                return ((FakeMqttLink.Sent)sent[sent.Count - 1]).Text;
            }
        }

        [TestMethod]
        public static void The_pod_beats_on_the_site_topic_every_period_at_QoS_0_counting_up()
        {
            var rig = new Rig(5000);
            rig.Utc.SetFromSntp(0, 1767225600000L);
            rig.Pump.Pump(0);
            rig.Pump.Pump(4999);
            Assert.AreEqual(1, rig.Link.On(Beat).Count, "one frame at once, none before the period");
            var first = (FakeMqttLink.Sent)rig.Link.On(Beat)[0];
            Assert.AreEqual(0, first.Qos);
            Assert.IsFalse(first.Retain);
            Assert.AreEqual("{\"pod\":\"P-017\",\"seq\":0,\"uptimeMs\":0,\"t\":1767225600,\"connector\":\"Unavailable\",\"latched\":false}", first.Text);

            rig.Pump.Pump(5000);
            Assert.AreEqual(2, rig.Link.On(Beat).Count);
            Assert.Contains("\"seq\":1,\"uptimeMs\":5000,", rig.Last(Beat));
        }

        [TestMethod]
        public static void No_beat_while_the_link_is_down_nor_with_period_0()
        {
            var rig = new Rig(5000);
            rig.Link.Connected = false;
            rig.Pump.Pump(0);
            Assert.AreEqual(0, rig.Link.On(Beat).Count);
            rig.Link.Connected = true;
            rig.Pump.Pump(100);
            Assert.Contains("\"t\":null,", rig.Last(Beat));

            var off = new Rig(0);
            off.Pump.Pump(0);
            off.Pump.Pump(60000);
            Assert.AreEqual(0, off.Link.On(Beat).Count);
        }

        [TestMethod]
        public static void A_new_allowed_current_republishes_the_retained_status_before_its_period()
        {
            var rig = new Rig(0);
            rig.Status.AllowedCurrentA = 32.0;
            rig.Status.CommitChanges();
            rig.Pump.Pump(0);
            Assert.AreEqual(1, rig.Link.On(Status).Count);

            rig.Status.AllowedCurrentA = 16.0;
            rig.Status.CommitChanges();
            rig.Pump.Pump(1000);
            Assert.AreEqual(2, rig.Link.On(Status).Count, "republished at once, not after telemetry.statusPeriodMs");
            Assert.Contains("\"allowedCurrentA\":16.00,", rig.Last(Status));

            rig.Status.CommitChanges();
            rig.Pump.Pump(2000);
            Assert.AreEqual(2, rig.Link.On(Status).Count, "no change, no publish");
        }

        [TestMethod]
        public static void Telemetry_carries_the_position_at_the_charging_pace_while_the_pod_moves()
        {
            var rig = new Rig(0);
            rig.Pump.Pump(0);
            Assert.IsFalse(rig.Last(Telemetry).Contains("position"));

            rig.Status.Moving = true;
            rig.Status.HasPosition = true;
            rig.Status.LatitudeDeg = 52.1234567;
            rig.Status.LongitudeDeg = -1.3456789;
            rig.Pump.Pump(1000);
            Assert.AreEqual(2, rig.Link.On(Telemetry).Count, "every telemetry.chargingPeriodMs while moving");
            Assert.Contains(",\"position\":{\"latDeg\":52.1234567,\"lonDeg\":-1.3456789}}", rig.Last(Telemetry));

            rig.Status.HasPosition = false;
            rig.Pump.Pump(2000);
            Assert.Contains(",\"position\":null}", rig.Last(Telemetry));
        }

        [TestMethod]
        public static void A_network_lost_while_moving_is_stored_while_offline_and_delivered_like_an_alarm_after_the_reconnect()
        {
            var rig = new Rig(0);
            rig.Pump.Pump(0);
            rig.Link.Connected = false;
            var e = new PodEvent();
            e.Kind = EventKind.Warning;
            e.TimeMs = 4000;
            e.Code = FaultCode.NetworkLostWhileMoving;
            e.Arg = 1;
            e.SpaceNumber = 0;
            Assert.IsTrue(rig.Events.TryWrite(e));
            rig.Pump.Pump(4000);
            Assert.AreEqual(1, rig.Pump.Publisher.Outbox.Count, "stored while the link is down");

            rig.Link.Connected = true;
            rig.Pump.Pump(9000);
            string alarm = rig.Last(Alarm);
            Assert.AreEqual(alarm, rig.Last(SiteAlarm));
            Assert.Contains("\"event\":\"warning\",\"level\":\"warning\",\"active\":true,\"code\":\"NetworkLostWhileMoving\",\"ocpp\":\"OtherError\"," +
                "\"cause\":\"Network connection dropped while the pod was moving.\",\"remedy\":\"Check Wi-Fi coverage along the route; the pod reconnects by itself.\"", alarm);
            Assert.Contains("\"uptimeMs\":4000,", alarm);
        }

        [TestMethod]
        public static void Other_warnings_stay_on_the_best_effort_events_topic()
        {
            var rig = new Rig(0);
            rig.Pump.Pump(0);
            var e = new PodEvent();
            e.Kind = EventKind.Warning;
            e.TimeMs = 31000;
            e.Code = FaultCode.ControllerLost;
            e.Arg = 1;
            rig.Events.TryWrite(e);
            rig.Pump.Pump(31000);
            Assert.AreEqual(0, rig.Link.On(Alarm).Count);
            Assert.Contains("\"code\":\"ControllerLost\"", rig.Last("pods/P-017/events"));
        }
    }
}
