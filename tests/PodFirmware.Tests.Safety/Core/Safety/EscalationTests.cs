using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class EscalationTests
    {
        // Steps of 0.125 degC are exact in binary, so sums compare exactly.
        private const double Step = 0.125;

        // Trips at 72 degC at 5100 ms (tolerance 5000 ms, first reading at 0).
        private static SafetyRig TrippedAt72()
        {
            var rig = new SafetyRig();
            Assert.AreEqual(5100L, rig.HoldTemperature(72.0, 0, 5100));
            rig.Drain();
            return rig;
        }

        // From fromMs on, one tick per 100 ms, adds stepC per tick starting at startC for count ticks; returns the last time.
        private static long Ramp(SafetyRig rig, double startC, double stepC, long fromMs, int count)
        {
            long t = fromMs;
            for (int i = 0; i < count; i++)
            {
                t = fromMs + i * SafetyRig.TickMs;
                rig.Inputs.TemperatureC = startC + i * stepC;
                rig.At(t);
            }

            return t;
        }

        [TestMethod]
        public static void Fire_risk_when_the_connector_rises_5C_within_60s_after_the_trip()
        {
            SafetyRig rig = TrippedAt72();

            // 72.125 at 5200, then +0.125 per tick: 76.875 at 9000 ms, 77.0 at 9100 ms.
            Ramp(rig, 72.125, Step, 5200, 39);
            Assert.AreEqual(0, rig.Drain().Length, "4.875 degC above the lowest reading is not yet a fire risk");

            rig.HoldTemperature(77.0, 9100, 9100);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Expect.Kind(EventKind.FireRisk, events[0].Kind, "event");
            Expect.Code(FaultCode.ConnectorOverTemperature, events[0].Code);
            Assert.AreEqual(77.0, events[0].Value);
            Assert.AreEqual(77.0, events[0].Limit, "lowest reading of the window (72) + 5");
            Assert.AreEqual(9100L, events[0].TimeMs);
            Assert.AreEqual((int)ValueUnit.Celsius, (int)events[0].Unit);
            Assert.IsFalse(events[0].Restored);
            Assert.IsTrue(rig.Supervisor.FireRiskRaised);
        }

        [TestMethod]
        public static void Fire_risk_is_raised_only_once_however_long_the_rise_goes_on()
        {
            SafetyRig rig = TrippedAt72();
            Ramp(rig, 72.0, Step, 5200, 3000);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.FireRisk));
        }

        [TestMethod]
        public static void A_sensor_fault_trip_takes_the_first_usable_reading_as_trip_temperature_and_can_raise_fire_risk()
        {
            var rig = new SafetyRig();
            rig.Inputs.TemperatureStatus = SensorStatus.Short;
            rig.Inputs.TemperatureC = 150.0;
            rig.At(0);
            Expect.Code(FaultCode.TemperatureSensorFault, rig.Supervisor.LatchedCode);
            Assert.IsTrue(double.IsNaN(rig.Supervisor.TripTemperatureC), "an unusable reading is no trip temperature");

            rig.Inputs.TemperatureStatus = SensorStatus.Ok;
            Ramp(rig, 72.0, Step, 100, 41);
            Assert.AreEqual(72.0, rig.Supervisor.TripTemperatureC);
            PodEvent fire = EventDrain.FirstOf(rig.Drain(), EventKind.FireRisk);
            Assert.IsNotNull(fire, "72 to 77 degC after the sensor came back");
        }

        [TestMethod]
        public static void A_weld_that_replaces_the_latch_escalates_afresh()
        {
            SafetyRig rig = TrippedAt72();
            long t = Ramp(rig, 72.125, Step, 5200, 40);
            Assert.IsTrue(rig.Supervisor.FireRiskRaised);
            rig.Drain();

            rig.Inputs.CurrentA = 5.0;
            rig.At(t + 100);
            Expect.Code(FaultCode.RelayWelded, rig.Supervisor.LatchedCode);
            Assert.IsFalse(rig.Supervisor.FireRiskRaised);

            rig.HoldTemperature(82.0, t + 200, t + 200);
            Assert.IsTrue(rig.Supervisor.FireRiskRaised, "5 degC above 77, the reading at the weld");
        }

        [TestMethod]
        public static void A_rise_spread_over_more_than_the_window_is_not_a_fire_risk()
        {
            SafetyRig rig = TrippedAt72();

            // +3 degC, hold two minutes, +3 degC: 6 degC above the trip but never 5 within 60 s.
            long t = Ramp(rig, 72.0, Step, 5200, 25);
            rig.HoldTemperature(75.0, t + 100, t + 120000);
            Ramp(rig, 75.0, Step, t + 120100, 25);
            rig.HoldTemperature(78.0, t + 122600, t + 300000);

            Assert.AreEqual(0, EventDrain.CountOf(rig.Drain(), EventKind.FireRisk));
            Assert.IsFalse(rig.Supervisor.FireRiskRaised);
        }

        [TestMethod]
        public static void A_rise_that_stays_below_the_long_term_limit_is_not_a_fire_risk()
        {
            var rig = new SafetyRig();
            rig.Inputs.VoltageV = 260.0;
            rig.Run(0, 2100);
            Expect.Code(FaultCode.OverVoltage, rig.Supervisor.LatchedCode);
            rig.Inputs.VoltageV = 230.0;

            Ramp(rig, 25.0, 0.25, 2200, 180);
            Assert.AreEqual(0, EventDrain.CountOf(rig.Drain(), EventKind.FireRisk), "25 to 70 degC: warm, not burning");

            Ramp(rig, 70.0, 0.25, 20200, 30);
            PodEvent fire = EventDrain.FirstOf(rig.Drain(), EventKind.FireRisk);
            Assert.IsNotNull(fire, "heating on above the limit with the relay open is a fire risk after any trip");
            Expect.Code(FaultCode.OverVoltage, fire.Code);
        }

        [TestMethod]
        public static void All_clear_once_the_connector_stayed_below_68C_for_more_than_60s()
        {
            SafetyRig rig = TrippedAt72();
            rig.HoldTemperature(68.0, 5200, 10000);
            Assert.AreEqual(0, rig.Drain().Length, "68.0 is inside the band: not cooled yet");

            rig.HoldTemperature(67.875, 10100, 70100);
            Assert.AreEqual(0, rig.Drain().Length, "exactly 60 s below the reset level");

            rig.HoldTemperature(67.875, 70200, 70200);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, events.Length);
            Expect.Kind(EventKind.AllClear, events[0].Kind, "event");
            Expect.Code(FaultCode.ConnectorOverTemperature, events[0].Code);
            Assert.AreEqual(67.875, events[0].Value);
            Assert.AreEqual(68.0, events[0].Limit);
            Assert.AreEqual(70200L, events[0].TimeMs);
            Assert.IsFalse(events[0].Restored);
            Assert.IsTrue(rig.Supervisor.IsLatched, "all_clear does not reset the latch");
            Assert.IsFalse(rig.Supervisor.RelayPermitted);
        }

        [TestMethod]
        public static void All_clear_is_sent_only_once()
        {
            SafetyRig rig = TrippedAt72();
            rig.HoldTemperature(30.0, 5200, 3600000);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.AllClear));
            Assert.IsTrue(rig.Supervisor.AllClearSent);
        }

        [TestMethod]
        public static void Warming_back_into_the_band_restarts_the_quiet_period()
        {
            SafetyRig rig = TrippedAt72();
            rig.HoldTemperature(60.0, 5200, 35200);
            rig.HoldTemperature(68.5, 35300, 35300);
            rig.HoldTemperature(60.0, 35400, 95400);
            Assert.AreEqual(0, rig.Drain().Length);
            rig.HoldTemperature(60.0, 95500, 95500);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.AllClear));
        }

        [TestMethod]
        public static void A_new_fault_during_the_quiet_period_restarts_it()
        {
            SafetyRig rig = TrippedAt72();
            rig.HoldTemperature(60.0, 5200, 30000);
            rig.Inputs.VoltageV = 260.0;
            rig.Run(30100, 32200);
            Expect.Code(FaultCode.OverVoltage, rig.Supervisor.ActiveCode);
            rig.Inputs.VoltageV = 230.0;
            rig.Run(32300, 92300);
            Assert.AreEqual(0, rig.Drain().Length, "quiet since 32300 ms: exactly 60 s");
            rig.At(92400);
            Assert.AreEqual(1, EventDrain.CountOf(rig.Drain(), EventKind.AllClear));
        }

        [TestMethod]
        public static void A_new_latch_after_a_reset_escalates_again()
        {
            SafetyRig rig = TrippedAt72();
            rig.HoldTemperature(30.0, 5200, 100000);
            Assert.AreEqual((int)ResetResult.Accepted, (int)rig.Reset(100000));
            rig.Drain();

            Assert.AreEqual(105200L, rig.HoldTemperature(72.0, 100100, 105200));
            Ramp(rig, 72.0, 0.25, 105300, 40);
            rig.HoldTemperature(30.0, 109400, 200000);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.Alarm));
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.FireRisk));
            Assert.AreEqual(1, EventDrain.CountOf(events, EventKind.AllClear));
        }
    }
}
