using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class SafetySupervisorTests
    {
        [TestMethod]
        public static void The_relay_is_not_permitted_before_the_first_evaluation_and_is_with_nominal_readings()
        {
            var rig = new SafetyRig();
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Assert.IsTrue(rig.At(0));
            Assert.IsTrue(rig.Supervisor.RelayPermitted);
            Assert.AreEqual(0, rig.Drain().Length, "nominal readings emit nothing");
        }

        [TestMethod]
        public static void Withdraws_the_relay_in_the_same_evaluation_that_decides_a_thermal_trip()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayCommandedClosed = true;
            Assert.AreEqual(-1L, rig.HoldTemperature(70.1, 0, 5000), "5.0 s above the limit is tolerated");
            Assert.IsFalse(rig.At(5100), "Evaluate itself returns false");
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Expect.Code(FaultCode.ConnectorOverTemperature, rig.Supervisor.LatchedCode);
            Assert.AreEqual(5100L, rig.Supervisor.LatchedAtMs);
        }

        [TestMethod]
        public static void A_trip_emits_one_alarm_with_code_value_limit_time_and_space()
        {
            var rig = new SafetyRig();
            rig.HoldTemperature(70.1, 0, 5100);
            rig.HoldTemperature(75.0, 5200, 20000);

            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.Alarm), "one alarm per trip, however long the fault lasts");
            PodEvent alarm = events[0];
            Expect.Kind(EventKind.Alarm, alarm.Kind, "first event");
            Expect.Code(FaultCode.ConnectorOverTemperature, alarm.Code);
            Assert.AreEqual(70.1, alarm.Value);
            Assert.AreEqual(70.0, alarm.Limit);
            Assert.AreEqual((int)ValueUnit.Celsius, (int)alarm.Unit);
            Assert.AreEqual(5100L, alarm.TimeMs);
            Assert.AreEqual(SafetyRig.Space, alarm.SpaceNumber);
            Assert.IsFalse(alarm.Restored);
        }

        [TestMethod]
        public static void At_160C_trips_in_the_first_evaluation_that_sees_it()
        {
            var rig = new SafetyRig();
            Assert.IsTrue(rig.At(0));
            rig.Inputs.TemperatureC = 160.0;
            Assert.IsFalse(rig.At(100));
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.ConnectorTemperatureCeiling, alarm.Code);
            Assert.AreEqual(160.0, alarm.Value);
            Assert.AreEqual(160.0, alarm.Limit);
            Assert.AreEqual(100L, alarm.TimeMs);
        }

        [TestMethod]
        public static void The_xlpe_profile_tolerates_85C_that_trips_pvc()
        {
            var config = new SafetyConfig();
            config.CableProfile = CableProfiles.Xlpe;
            var xlpe = new SafetyRig(config, new PodFirmware.Drivers.Simulated.MemoryBlobStore());
            var pvc = new SafetyRig();
            Assert.AreEqual(-1L, xlpe.HoldTemperature(85.0, 0, 600000));
            Assert.AreEqual(5100L, pvc.HoldTemperature(85.0, 0, 600000));
            Assert.AreEqual(5100L, xlpe.HoldTemperature(90.5, 600100, 700000) - 600100);
        }

        [TestMethod]
        public static void Over_current_trips_while_charging_with_value_and_threshold_in_the_alarm()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayCommandedClosed = true;
            rig.Inputs.CurrentA = 17.7;
            Assert.AreEqual(5100L, rig.Run(0, 10000));
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.OverCurrent, alarm.Code);
            Assert.AreEqual(17.7, alarm.Value);
            Assert.AreEqual(17.6, alarm.Limit);
            Assert.AreEqual((int)ValueUnit.Ampere, (int)alarm.Unit);
        }

        [TestMethod]
        public static void Current_is_not_judged_while_the_relay_is_commanded_open()
        {
            var rig = new SafetyRig();
            rig.Inputs.CurrentA = 39.0;
            rig.Inputs.CurrentStatus = SensorStatus.Stuck;
            Assert.AreEqual(-1L, rig.Run(0, 600000));
        }

        [TestMethod]
        public static void A_charging_pause_restarts_the_over_current_window()
        {
            var rig = new SafetyRig();
            rig.CommandRelay(true, 0);
            rig.Inputs.CurrentA = 20.0;
            rig.Run(0, 3000);
            rig.CommandRelay(false, 3000);
            rig.Inputs.CurrentA = 0.0;
            rig.Run(3100, 4000);
            rig.CommandRelay(true, 4000);
            rig.Inputs.CurrentA = 20.0;
            Assert.AreEqual(4100L + 5100L, rig.Run(4100, 20000), "counted from 4100 ms, not from 0");
        }

        [TestMethod]
        public static void A_voltage_sensor_dropout_restarts_the_over_voltage_window()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            rig.Run(0, 1500);
            rig.Inputs.VoltageStatus = SensorStatus.Open;
            rig.Run(1600, 3000);
            rig.Inputs.VoltageStatus = SensorStatus.Ok;
            Assert.AreEqual(3100L + 2100L, rig.Run(3100, 20000), "counted from 3100 ms, not from 0");
        }

        [TestMethod]
        public static void The_current_ceiling_trips_at_once_while_charging()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayCommandedClosed = true;
            rig.Inputs.CurrentA = 24.0;
            Assert.IsFalse(rig.At(0));
            Expect.Code(FaultCode.OverCurrentCeiling, rig.Supervisor.LatchedCode);
            Assert.AreEqual(24.0, rig.Supervisor.LatchedLimit);
        }

        [TestMethod]
        public static void Over_voltage_trips_after_its_window_and_reports_volts()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            Assert.AreEqual(2100L, rig.Run(0, 10000));
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.OverVoltage, alarm.Code);
            Assert.AreEqual(260.0, alarm.Value);
            Assert.AreEqual(253.0, alarm.Limit);
            Assert.AreEqual((int)ValueUnit.Volt, (int)alarm.Unit);
        }

        [TestMethod]
        public static void Under_voltage_trips_only_while_charging()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 0.0;
            Assert.AreEqual(-1L, rig.Run(0, 600000), "an undocked pod reads 0 V");
            rig.Inputs.VoltageV = 200.0;
            rig.Inputs.RelayCommandedClosed = true;
            Assert.AreEqual(605200L, rig.Run(600100, 700000));
            Expect.Code(FaultCode.UnderVoltage, rig.Supervisor.LatchedCode);
        }

        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [DataRow((int)SensorStatus.Stuck)]
        [TestMethod]
        public static void A_temperature_sensor_fault_trips_at_once_with_its_status_in_the_alarm(int status)
        {
            var rig = new SafetyRig();
            rig.At(0);
            rig.Inputs.TemperatureStatus = (SensorStatus)status;
            Assert.IsFalse(rig.At(100));
            PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
            Expect.Code(FaultCode.TemperatureSensorFault, alarm.Code);
            Assert.AreEqual(status, alarm.Arg);
            Assert.AreEqual((int)ValueUnit.None, (int)alarm.Unit);
        }

        [TestMethod]
        public static void Current_and_voltage_sensor_faults_trip_while_charging_with_their_own_codes()
        {
            var current = new SafetyRig();
            current.Inputs.RelayCommandedClosed = true;
            current.Inputs.CurrentStatus = SensorStatus.Open;
            Assert.IsFalse(current.At(0));
            Expect.Code(FaultCode.CurrentSensorFault, current.Supervisor.LatchedCode);

            var voltage = new SafetyRig();
            voltage.Inputs.VoltageStatus = SensorStatus.Short;
            Assert.IsTrue(voltage.At(0), "idle: the voltage sensor does not matter");
            voltage.Inputs.RelayCommandedClosed = true;
            Assert.IsFalse(voltage.At(100));
            Expect.Code(FaultCode.VoltageSensorFault, voltage.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void Immediate_hazards_win_when_several_rules_trip_in_one_evaluation()
        {
            var rig = new SafetyRig();
            rig.Inputs.RelayCommandedClosed = true;
            rig.Inputs.CurrentA = 30.0;
            rig.Inputs.TemperatureC = 170.0;
            rig.Inputs.VoltageStatus = SensorStatus.Open;
            rig.At(0);
            Expect.Code(FaultCode.ConnectorTemperatureCeiling, rig.Supervisor.LatchedCode);

            var second = new SafetyRig();
            second.Inputs.RelayCommandedClosed = true;
            second.Inputs.CurrentA = 30.0;
            second.Inputs.VoltageStatus = SensorStatus.Open;
            second.At(0);
            Expect.Code(FaultCode.OverCurrentCeiling, second.Supervisor.LatchedCode);
        }

        [TestMethod]
        public static void A_latched_trip_never_clears_by_itself()
        {
            var rig = new SafetyRig();
            rig.HoldTemperature(160.0, 0, 0);
            Assert.AreEqual(100L, rig.HoldTemperature(25.0, 100, 3600000));
            Assert.IsTrue(rig.Supervisor.IsLatched);
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
            Expect.Code(FaultCode.ConnectorTemperatureCeiling, rig.Supervisor.LatchedCode);
            Expect.Code(FaultCode.None, rig.Supervisor.ActiveCode, "the condition itself is gone");
        }

        [TestMethod]
        public static void A_later_fault_while_latched_keeps_the_first_cause_and_sends_no_second_alarm()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            rig.Run(0, 2100);
            rig.HoldTemperature(165.0, 2200, 2300);
            Expect.Code(FaultCode.OverVoltage, rig.Supervisor.LatchedCode);
            Expect.Code(FaultCode.ConnectorTemperatureCeiling, rig.Supervisor.ActiveCode);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.Alarm));
        }

        [TestMethod]
        public static void Rejects_an_invalid_configuration_naming_the_key()
        {
            var config = new SafetyConfig();
            config.Voltage.OverLimitV = 100.0;
            try
            {
                new SafetySupervisor(config, new PodFirmware.Drivers.Simulated.MemoryBlobStore(), new EventRing(4, 1));
            }
            catch (System.ArgumentException e)
            {
                Assert.Contains("safety.voltage.overLimitV", e.Message);
                return;
            }

            Assert.IsTrue(false, "an invalid configuration was accepted");
        }
    }
}
