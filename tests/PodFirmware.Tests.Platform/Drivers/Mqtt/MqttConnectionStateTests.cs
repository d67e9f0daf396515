using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttConnectionStateTests
    {
        [TestMethod]
        public static void Starts_once_and_a_stop_is_asked_once_and_only_after_the_start()
        {
            MqttConnectionState state = new MqttConnectionState();
            Assert.IsFalse(state.RequestStop(), "not started");
            state.Start();
            Assert.ThrowsException(typeof(InvalidOperationException), () => state.Start());
            Assert.IsTrue(state.RequestStop());
            Assert.IsFalse(state.RequestStop(), "already asked");
            Assert.IsFalse(state.IsStopped);
            state.MarkStopped();
            Assert.IsTrue(state.IsStopped);
        }

        [TestMethod]
        public static void A_connection_is_up_after_accept_until_lost_and_reports_of_other_sessions_are_ignored()
        {
            MqttConnectionState state = new MqttConnectionState();
            state.Start();
            Assert.AreEqual(-1, state.LastConnectResult);
            Assert.AreEqual(1, state.BeginAttempt());
            state.RecordConnack(0);
            state.Accept();
            Assert.IsTrue(state.IsConnected);
            Assert.IsTrue(state.AcceptsPublishes);

            Assert.IsFalse(state.ReportLost(2, "other"), "not the current session");
            Assert.IsTrue(state.ReportLost(1, "gone"));
            Assert.IsFalse(state.ReportLost(1, "again"), "a repeat");
            Assert.IsFalse(state.IsConnected);
            Assert.IsTrue(state.IsLost);
            Assert.AreEqual("gone", state.LastError);

            state.Close();
            Assert.IsFalse(state.ReportLost(1, "late"), "a closed connection's report is no news");
            Assert.AreEqual(2, state.BeginAttempt());
            Assert.IsFalse(state.IsLost);
            Assert.AreEqual("gone", state.LastError, "kept after a new attempt");
        }

        [TestMethod]
        public static void A_connection_lost_before_accept_never_turns_connected_and_a_stop_refuses_publishes()
        {
            MqttConnectionState state = new MqttConnectionState();
            state.Start();
            state.BeginAttempt();
            state.Lose("subscribe failed");
            state.Accept();
            Assert.IsFalse(state.IsConnected);

            state.BeginAttempt();
            state.Accept();
            Assert.IsTrue(state.AcceptsPublishes);
            state.RequestStop();
            Assert.IsTrue(state.IsConnected);
            Assert.IsFalse(state.AcceptsPublishes, "stopping");
        }
    }
}
