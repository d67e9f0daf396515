using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>
    /// NaN, +infinity and -infinity fed to every safety rule, the supervisor and the safety config: each takes its fail-safe
    /// branch (sensor fault, refusal, named config error), the same on nanoCLR and .NET.
    /// </summary>
    [TestClass]
    public class NonFiniteSafetyTests
    {
        private static readonly double[] Bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        private static string What(int i)
        {
            return i == 0 ? "NaN" : (i == 1 ? "+inf" : "-inf");
        }

        [TestMethod]
        public static void ThermalRule_reports_a_non_finite_reading_as_a_sensor_fault_and_keeps_its_timer()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rule = new ThermalRule(70, 160, 5000, 2);
                Expect.Code(FaultCode.None, rule.Evaluate(70.5, 0), What(i) + ": above the limit");
                Assert.IsTrue(rule.IsTiming, What(i));
                Expect.Code(FaultCode.TemperatureSensorFault, rule.Evaluate(Bad[i], 100), What(i));
                Assert.IsTrue(rule.IsTiming, What(i) + ": the count goes on");
                Expect.Code(FaultCode.ConnectorOverTemperature, rule.Evaluate(70.5, 5100), What(i) + ": and trips on time");
                Assert.IsFalse(rule.IsBelowResetLevel(Bad[i]), What(i) + ": an unknown temperature has not cooled");
            }
        }

        [TestMethod]
        public static void ThermalRule_refuses_limits_that_are_not_finite()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentException), () => new ThermalRule(bad, 160, 5000, 2), What(i) + " limit");
                Assert.ThrowsException(typeof(ArgumentException), () => new ThermalRule(70, bad, 5000, 2), What(i) + " ceiling");
                Assert.ThrowsException(typeof(ArgumentException), () => new ThermalRule(70, 160, 5000, bad), What(i) + " hysteresis");
            }
        }

        [TestMethod]
        public static void OverCurrentRule_reports_a_non_finite_current_as_a_sensor_fault()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rule = new OverCurrentRule(10, 5000, 50, 40, 5000);
                Expect.Code(FaultCode.CurrentSensorFault, rule.Evaluate(Bad[i], 16, 0), What(i));
                Assert.IsTrue(rule.IsOverLimit(Bad[i], 16), What(i) + ": a reset is refused on it");
            }
        }

        [TestMethod]
        public static void OverCurrentRule_takes_a_non_finite_allowed_current_as_none_never_as_unlimited()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rule = new OverCurrentRule(10, 5000, 50, 40, 5000);
                Expect.Code(FaultCode.None, rule.Evaluate(10, Bad[i], 0), What(i) + ": 10 A");
                Assert.AreEqual(40.0, rule.CeilingA, What(i) + ": the ceiling is the absolute maximum");
                Assert.IsTrue(double.IsPositiveInfinity(rule.ThresholdA), What(i) + ": no threshold");
                Expect.Code(FaultCode.OverCurrentCeiling, rule.Evaluate(40, Bad[i], 100), What(i) + ": 40 A");
                Assert.IsTrue(rule.IsOverLimit(40, Bad[i]), What(i));
                Assert.IsFalse(rule.IsOverLimit(39.9, Bad[i]), What(i));
            }
        }

        [TestMethod]
        public static void OverCurrentRule_refuses_limits_that_are_not_finite()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentException), () => new OverCurrentRule(bad, 5000, 50, 40, 5000), What(i) + " tolerance");
                Assert.ThrowsException(typeof(ArgumentException), () => new OverCurrentRule(10, 5000, bad, 40, 5000), What(i) + " ceiling");
                Assert.ThrowsException(typeof(ArgumentException), () => new OverCurrentRule(10, 5000, 50, bad, 5000), What(i) + " absolute maximum");
            }
        }

        [TestMethod]
        public static void VoltageRule_reports_a_non_finite_voltage_as_a_sensor_fault_and_out_of_range()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rule = new VoltageRule(253, 2000, 207, 5000);
                Expect.Code(FaultCode.None, rule.Evaluate(260, false, 0), What(i) + ": over");
                Expect.Code(FaultCode.VoltageSensorFault, rule.Evaluate(Bad[i], false, 100), What(i) + ": idle");
                Expect.Code(FaultCode.VoltageSensorFault, rule.Evaluate(Bad[i], true, 200), What(i) + ": charging");
                Expect.Code(FaultCode.OverVoltage, rule.Evaluate(260, false, 2100), What(i) + ": the over-voltage count went on");
                Assert.IsTrue(rule.IsOutOfRange(Bad[i], false), What(i) + ": idle");
                Assert.IsTrue(rule.IsOutOfRange(Bad[i], true), What(i) + ": charging");
            }
        }

        [TestMethod]
        public static void VoltageRule_refuses_limits_that_are_not_finite()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentException), () => new VoltageRule(bad, 2000, 207, 5000), What(i) + " over");
                Assert.ThrowsException(typeof(ArgumentException), () => new VoltageRule(253, 2000, bad, 5000), What(i) + " under");
            }
        }

        [TestMethod]
        public static void RelayFeedbackRule_refuses_a_weld_current_that_is_not_finite()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentException), () => new RelayFeedbackRule(300, bad), What(i));
            }
        }

        [TestMethod]
        public static void RelayFeedbackRule_lets_no_non_finite_current_decide_a_weld()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rule = new RelayFeedbackRule(300, 2.0);
                var inputs = new SafetyInputs();
                inputs.RelayCommandedClosed = false;
                inputs.RelayChangedAtMs = 0;
                inputs.CurrentStatus = SensorStatus.Ok;
                inputs.CurrentA = Bad[i];
                inputs.NowMs = 1000;
                Expect.Code(FaultCode.None, rule.Evaluate(inputs), What(i) + " without a mirror");
                Assert.IsFalse(rule.LastByCurrent, What(i));
                inputs.RelayFeedbackPresent = true;
                inputs.RelayFeedbackClosed = true;
                inputs.NowMs = 1100;
                Expect.Code(FaultCode.RelayWelded, rule.Evaluate(inputs), What(i) + ": the mirror still decides");
            }
        }

        [TestMethod]
        public static void RollingMinimum_ignores_values_that_are_not_finite()
        {
            var window = new RollingMinimum(60000, 12);
            window.Add(0, double.NaN);
            Assert.IsTrue(double.IsNaN(window.Minimum(0)), "nothing recorded yet");
            window.Add(0, double.NegativeInfinity);
            window.Add(100, 30.0);
            window.Add(200, double.NaN);
            window.Add(300, double.PositiveInfinity);
            window.Add(400, double.NegativeInfinity);
            Assert.AreEqual(30.0, window.Minimum(400));
            window.Add(500, 29.5);
            Assert.AreEqual(29.5, window.Minimum(500));
        }

        [TestMethod]
        public static void The_supervisor_trips_on_a_non_finite_temperature_with_NotFinite_in_the_alarm()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rig = new SafetyRig();
                Assert.IsTrue(rig.At(0), What(i));
                rig.Inputs.TemperatureC = Bad[i];
                Assert.IsFalse(rig.At(100), What(i) + ": the relay is refused in the same call");
                Expect.Code(FaultCode.TemperatureSensorFault, rig.Supervisor.LatchedCode, What(i));
                PodEvent alarm = EventDrain.FirstOf(rig.Drain(), EventKind.Alarm);
                Expect.Code(FaultCode.TemperatureSensorFault, alarm.Code, What(i));
                Assert.AreEqual((int)SensorStatus.NotFinite, alarm.Arg, What(i));
            }
        }

        [TestMethod]
        public static void The_supervisor_trips_on_a_non_finite_current_or_voltage_while_charging()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var current = new SafetyRig();
                current.Inputs.RelayCommandedClosed = true;
                current.Inputs.CurrentA = 16.0;
                Assert.IsTrue(current.At(0), What(i));
                current.Inputs.CurrentA = Bad[i];
                Assert.IsFalse(current.At(100), What(i) + ": current");
                Expect.Code(FaultCode.CurrentSensorFault, current.Supervisor.LatchedCode, What(i));

                var voltage = new SafetyRig();
                voltage.Inputs.RelayCommandedClosed = true;
                Assert.IsTrue(voltage.At(0), What(i));
                voltage.Inputs.VoltageV = Bad[i];
                Assert.IsFalse(voltage.At(100), What(i) + ": voltage");
                Expect.Code(FaultCode.VoltageSensorFault, voltage.Supervisor.LatchedCode, What(i));
            }
        }

        [TestMethod]
        public static void A_non_finite_allowed_current_does_not_lift_the_current_ceiling()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rig = new SafetyRig();
                rig.Inputs.RelayCommandedClosed = true;
                rig.Inputs.AllowedCurrentA = Bad[i];
                rig.Inputs.CurrentA = 45.0;
                Assert.IsFalse(rig.At(0), What(i));
                Expect.Code(FaultCode.OverCurrentCeiling, rig.Supervisor.LatchedCode, What(i));
            }
        }

        [TestMethod]
        public static void A_reset_is_refused_and_no_escalation_follows_on_non_finite_readings()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rig = new SafetyRig();
                rig.Inputs.TemperatureC = 160.0;
                Assert.IsFalse(rig.At(0), What(i));
                rig.Inputs.TemperatureC = Bad[i];
                rig.Run(100, 200000);
                Assert.IsFalse(rig.Supervisor.FireRiskRaised, What(i) + ": no fire_risk");
                Assert.IsFalse(rig.Supervisor.AllClearSent, What(i) + ": no all_clear");
                rig.Inputs.NowMs = 200100;
                Assert.AreEqual((int)ResetResult.SensorFaultPresent, (int)rig.Supervisor.TryReset(rig.Inputs), What(i) + ": temperature");

                rig.Inputs.TemperatureC = 25.0;
                rig.Inputs.RelayCommandedClosed = true;
                rig.Inputs.VoltageV = Bad[i];
                Assert.AreEqual((int)ResetResult.SensorFaultPresent, (int)rig.Supervisor.TryReset(rig.Inputs), What(i) + ": voltage while charging");
                Assert.IsTrue(rig.Supervisor.IsLatched, What(i));
            }
        }

        // Every double key of the safety section; SetKey writes one of them on a config that is valid otherwise.
        private static readonly string[] Keys =
        {
            "thermal.limitC", "thermal.ceilingC", "thermal.hysteresisC",
            "current.tolerancePercent", "current.ceilingPercent", "current.absoluteMaxA",
            "voltage.overLimitV", "voltage.underLimitV", "relay.weldCurrentA", "escalation.fireRiskRiseC",
        };

        private static SafetyConfig CustomWith(int key, double value)
        {
            var config = new SafetyConfig();
            config.CableProfile = "custom";
            config.Thermal.LimitC = 70.0;
            config.Thermal.CeilingC = 160.0;
            config.Thermal.ToleranceMs = 5000;
            switch (key)
            {
                case 0: config.Thermal.LimitC = value; break;
                case 1: config.Thermal.CeilingC = value; break;
                case 2: config.Thermal.HysteresisC = value; break;
                case 3: config.Current.TolerancePercent = value; break;
                case 4: config.Current.CeilingPercent = value; break;
                case 5: config.Current.AbsoluteMaxA = value; break;
                case 6: config.Voltage.OverLimitV = value; break;
                case 7: config.Voltage.UnderLimitV = value; break;
                case 8: config.Relay.WeldCurrentA = value; break;
                default: config.Escalation.FireRiskRiseC = value; break;
            }

            return config;
        }

        [TestMethod]
        public static void Every_double_safety_key_that_is_not_finite_is_one_named_error()
        {
            var baseline = new ConfigErrors();
            CustomWith(0, 70.0).Validate("safety", baseline);
            Assert.AreEqual(0, baseline.Count, baseline.ToString());
            for (int k = 0; k < Keys.Length; k++)
            {
                for (int i = 0; i < Bad.Length; i++)
                {
                    var errors = new ConfigErrors();
                    CustomWith(k, Bad[i]).Validate("safety", errors);
                    string what = "safety." + Keys[k] + " = " + What(i) + ": " + errors.ToString();
                    Assert.AreEqual(1, errors.Count, what);
                    Assert.AreEqual("safety." + Keys[k] + ": must be a finite number", errors[0], what);
                }
            }
        }

        [TestMethod]
        public static void A_named_profile_refuses_an_infinite_thermal_override_as_set()
        {
            var config = new SafetyConfig();
            config.Thermal.CeilingC = double.PositiveInfinity;
            var errors = new ConfigErrors();
            config.Validate("safety", errors);
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("safety.thermal.ceilingC: set only with cableProfile custom", errors[0]);
        }

        [TestMethod]
        public static void The_supervisor_refuses_a_config_with_a_non_finite_value()
        {
            var config = new SafetyConfig();
            config.Voltage.OverLimitV = double.PositiveInfinity;
            Assert.ThrowsException(typeof(ArgumentException), () => new SafetyRig(config, new PodFirmware.Drivers.Simulated.MemoryBlobStore()));
        }
    }
}
