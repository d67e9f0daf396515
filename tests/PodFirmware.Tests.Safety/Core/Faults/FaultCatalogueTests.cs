using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;

namespace PodFirmware.Tests.Core.Faults
{
    [TestClass]
    public class FaultCatalogueTests
    {
        // The OCPP 1.6 ChargePointErrorCode values, spelled as in the specification.
        private static readonly string[] OcppErrorCodes =
        {
            "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature", "InternalError",
            "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure", "OverVoltage", "PowerMeterFailure",
            "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "WeakSignal",
        };

        [TestMethod]
        public static void Row_i_describes_code_i_so_lookup_by_value_is_exact()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                Assert.AreEqual(i, (int)FaultCatalogue.At(i).Code, "row " + i.ToString());
                Assert.AreSame(FaultCatalogue.At(i), FaultCatalogue.Get((FaultCode)i));
            }
        }

        [TestMethod]
        public static void Lists_every_code_up_to_the_hazard_detector_fault()
        {
            Assert.AreEqual((int)FaultCode.HazardDetectorFault + 1, FaultCatalogue.Count);
            Assert.IsNull(FaultCatalogue.Get((FaultCode)FaultCatalogue.Count));
            Assert.IsNull(FaultCatalogue.Get((FaultCode)(-1)));
        }

        [TestMethod]
        public static void Every_code_has_a_unique_name_a_description_and_a_remedy()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                FaultInfo info = FaultCatalogue.At(i);
                Assert.IsTrue(info.Name.Length > 0, "name of " + i.ToString());
                Assert.IsTrue(info.Description.Length > 10, "description of " + info.Name);
                Assert.IsTrue(info.Remedy.Length > 10, "remedy of " + info.Name);
                Assert.AreNotEqual(FaultCatalogue.UnknownName, info.Name);
                for (int j = i + 1; j < FaultCatalogue.Count; j++)
                {
                    Assert.AreNotEqual(info.Name, FaultCatalogue.At(j).Name, "codes " + i.ToString() + " and " + j.ToString() + " share a name");
                }
            }
        }

        [TestMethod]
        public static void Every_OCPP_error_code_is_an_OCPP_1_6_ChargePointErrorCode()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                FaultInfo info = FaultCatalogue.At(i);
                bool found = false;
                for (int k = 0; k < OcppErrorCodes.Length; k++)
                {
                    found = found || OcppErrorCodes[k] == info.OcppErrorCode;
                }

                Assert.IsTrue(found, info.Name + " maps to '" + info.OcppErrorCode + "'");
                Assert.AreEqual(info.Code == FaultCode.None, info.OcppErrorCode == "NoError", info.Name);
            }
        }

        [DataRow((int)FaultCode.ConnectorOverTemperature, "ConnectorOverTemperature", "HighTemperature")]
        [DataRow((int)FaultCode.ConnectorTemperatureCeiling, "ConnectorTemperatureCeiling", "HighTemperature")]
        [DataRow((int)FaultCode.OverCurrent, "OverCurrent", "OverCurrentFailure")]
        [DataRow((int)FaultCode.OverCurrentCeiling, "OverCurrentCeiling", "OverCurrentFailure")]
        [DataRow((int)FaultCode.OverVoltage, "OverVoltage", "OverVoltage")]
        [DataRow((int)FaultCode.UnderVoltage, "UnderVoltage", "UnderVoltage")]
        [DataRow((int)FaultCode.RelayWelded, "RelayWelded", "PowerSwitchFailure")]
        [DataRow((int)FaultCode.CableLockFault, "CableLockFault", "ConnectorLockFailure")]
        [DataRow((int)FaultCode.LatchRecordCorrupt, "LatchRecordCorrupt", "InternalError")]
        [DataRow((int)FaultCode.GroundFailure, "GroundFailure", "GroundFailure")]
        [TestMethod]
        public static void Maps_protective_faults_to_their_stable_name_and_OCPP_code(int code, string name, string ocpp)
        {
            FaultInfo info = FaultCatalogue.Get((FaultCode)code);
            Assert.AreEqual(name, info.Name);
            Assert.AreEqual(ocpp, info.OcppErrorCode);
            Assert.AreEqual(name, FaultCatalogue.NameOf((FaultCode)code));
        }

        [DataRow((int)FaultCode.ControllerLost)]
        [DataRow((int)FaultCode.NetworkLostWhileMoving)]
        [DataRow((int)FaultCode.StoreOverflow)]
        [DataRow((int)FaultCode.StoreRecordDamaged)]
        [TestMethod]
        public static void Connectivity_and_storage_problems_only_warn(int code)
        {
            Assert.AreEqual((int)FaultSeverity.Warning, (int)FaultCatalogue.Get((FaultCode)code).Severity);
            Assert.IsFalse(FaultCatalogue.IsTrip((FaultCode)code));
        }

        [TestMethod]
        public static void Every_other_code_but_None_trips()
        {
            int trips = 0;
            for (int i = 1; i < FaultCatalogue.Count; i++)
            {
                trips += FaultCatalogue.IsTrip((FaultCode)i) ? 1 : 0;
            }

            Assert.AreEqual(FaultCatalogue.Count - 1 - 4, trips);
            Assert.IsFalse(FaultCatalogue.IsTrip(FaultCode.None));
        }

        [TestMethod]
        public static void Unknown_values_have_the_unknown_name_and_do_not_trip()
        {
            Assert.AreEqual("Unknown", FaultCatalogue.NameOf((FaultCode)999));
            Assert.IsFalse(FaultCatalogue.IsKnown((FaultCode)999));
            Assert.IsFalse(FaultCatalogue.IsTrip((FaultCode)999));
            Assert.IsTrue(FaultCatalogue.IsKnown(FaultCode.GeofenceExit));
        }
    }
}
