using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class SessionNamesTests
    {
        [DataRow((int)ConnectorStatus.Available, "Available")]
        [DataRow((int)ConnectorStatus.Preparing, "Preparing")]
        [DataRow((int)ConnectorStatus.Charging, "Charging")]
        [DataRow((int)ConnectorStatus.SuspendedEV, "SuspendedEV")]
        [DataRow((int)ConnectorStatus.SuspendedEVSE, "SuspendedEVSE")]
        [DataRow((int)ConnectorStatus.Finishing, "Finishing")]
        [DataRow((int)ConnectorStatus.Reserved, "Reserved")]
        [DataRow((int)ConnectorStatus.Unavailable, "Unavailable")]
        [DataRow((int)ConnectorStatus.Faulted, "Faulted")]
        [TestMethod]
        public static void Connector_statuses_use_the_OCPP_spelling(int status, string name)
        {
            Assert.AreEqual(name, ConnectorStatusNames.Of((ConnectorStatus)status));
        }

        [TestMethod]
        public static void Every_connector_status_and_stop_reason_has_a_unique_name()
        {
            Assert.AreEqual((int)ConnectorStatus.Faulted + 1, ConnectorStatusNames.Count);
            Assert.AreEqual((int)StopReason.ControllerLost + 1, StopReasonNames.Count);
            for (int i = 0; i < StopReasonNames.Count; i++)
            {
                for (int j = i + 1; j < StopReasonNames.Count; j++)
                {
                    Assert.AreNotEqual(StopReasonNames.Of((StopReason)i), StopReasonNames.Of((StopReason)j));
                }
            }

            Assert.AreEqual(ConnectorStatusNames.Unknown, ConnectorStatusNames.Of((ConnectorStatus)ConnectorStatusNames.Count));
            Assert.AreEqual(StopReasonNames.Unknown, StopReasonNames.Of((StopReason)(-1)));
        }

        [DataRow((int)StopReason.StopCommand, "Remote")]
        [DataRow((int)StopReason.Unplugged, "EVDisconnected")]
        [DataRow((int)StopReason.Trip, "EmergencyStop")]
        [DataRow((int)StopReason.EnergyLimit, "Other")]
        [TestMethod]
        public static void Stop_reasons_map_to_OCPP_StopTransaction_reasons(int reason, string ocpp)
        {
            Assert.AreEqual(ocpp, StopReasonNames.OcppOf((StopReason)reason));
        }

        [TestMethod]
        public static void A_record_copies_every_field_and_clears_to_empty()
        {
            var source = new SessionRecord();
            source.SessionId = "cmd-1";
            source.Account = "acct";
            source.StartMs = 1000;
            source.StopMs = 61000;
            source.StartUtcS = 1700000000;
            source.StopUtcS = 1700000060;
            source.EnergyMilliWh = 122667;
            source.TariffPerKwhScaled = 3150;
            source.AmountScaled = 386;
            source.StopReason = StopReason.Trip;
            source.StopFault = FaultCode.OverCurrent;
            source.PeakTemperatureC = 41.5;
            source.FaultsSeenMask = 1 << (int)FaultCode.OverCurrent;

            var copy = new SessionRecord();
            copy.CopyFrom(source);
            Assert.AreEqual("cmd-1", copy.SessionId);
            Assert.AreEqual("acct", copy.Account);
            Assert.AreEqual(61000L, copy.StopMs);
            Assert.AreEqual(1700000060L, copy.StopUtcS);
            Assert.AreEqual(122667L, copy.EnergyMilliWh);
            Assert.AreEqual(386L, copy.AmountScaled);
            Assert.AreEqual((int)StopReason.Trip, (int)copy.StopReason);
            Assert.AreEqual(41.5, copy.PeakTemperatureC);
            Assert.IsTrue(copy.HasSeen(FaultCode.OverCurrent));
            Assert.IsFalse(copy.HasSeen(FaultCode.OverVoltage));

            copy.Clear();
            Assert.IsNull(copy.SessionId);
            Assert.AreEqual(0L, copy.EnergyMilliWh);
            Assert.IsTrue(double.IsNaN(copy.PeakTemperatureC));
            Assert.IsFalse(copy.HasSeen(FaultCode.OverCurrent));
        }
    }
}
