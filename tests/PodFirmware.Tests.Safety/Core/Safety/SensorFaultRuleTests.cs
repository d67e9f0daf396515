using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Tests.Core.Safety
{
    [TestClass]
    public class SensorFaultRuleTests
    {
        private static SafetyInputs Nominal(bool relayClosed)
        {
            var inputs = new SafetyInputs();
            inputs.TemperatureC = 25.0;
            inputs.CurrentA = 10.0;
            inputs.VoltageV = 230.0;
            inputs.AllowedCurrentA = 16.0;
            inputs.RelayCommandedClosed = relayClosed;
            return inputs;
        }

        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [DataRow((int)SensorStatus.Stuck)]
        [TestMethod]
        public static void A_faulty_temperature_sensor_trips_even_when_idle(int status)
        {
            var rule = new SensorFaultRule();
            SafetyInputs inputs = Nominal(false);
            inputs.TemperatureStatus = (SensorStatus)status;
            Expect.Code(FaultCode.TemperatureSensorFault, rule.Evaluate(inputs));
            Assert.AreEqual(status, (int)rule.LastStatus);
        }

        [DataRow((int)SensorStatus.Open)]
        [DataRow((int)SensorStatus.Short)]
        [DataRow((int)SensorStatus.Stuck)]
        [TestMethod]
        public static void A_faulty_current_sensor_trips_only_while_charging(int status)
        {
            var rule = new SensorFaultRule();
            SafetyInputs inputs = Nominal(false);
            inputs.CurrentStatus = (SensorStatus)status;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "idle");
            inputs.RelayCommandedClosed = true;
            Expect.Code(FaultCode.CurrentSensorFault, rule.Evaluate(inputs), "charging");
            Assert.AreEqual(status, (int)rule.LastStatus);
        }

        [TestMethod]
        public static void A_faulty_voltage_sensor_trips_only_while_charging()
        {
            var rule = new SensorFaultRule();
            SafetyInputs inputs = Nominal(false);
            inputs.VoltageStatus = SensorStatus.Open;
            Expect.Code(FaultCode.None, rule.Evaluate(inputs), "idle");
            inputs.RelayCommandedClosed = true;
            Expect.Code(FaultCode.VoltageSensorFault, rule.Evaluate(inputs), "charging");
        }

        [TestMethod]
        public static void A_NaN_or_infinite_reading_with_an_Ok_status_is_a_sensor_fault_named_NotFinite()
        {
            double[] bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };
            for (int i = 0; i < bad.Length; i++)
            {
                string what = "value #" + i.ToString();
                var rule = new SensorFaultRule();
                SafetyInputs inputs = Nominal(false);
                inputs.TemperatureC = bad[i];
                Expect.Code(FaultCode.TemperatureSensorFault, rule.Evaluate(inputs), what + " temperature, idle");
                Assert.AreEqual((int)SensorStatus.NotFinite, (int)rule.LastStatus, what);

                inputs = Nominal(true);
                inputs.CurrentA = bad[i];
                Expect.Code(FaultCode.CurrentSensorFault, rule.Evaluate(inputs), what + " current, charging");
                Assert.AreEqual((int)SensorStatus.NotFinite, (int)rule.LastStatus, what);

                inputs = Nominal(true);
                inputs.VoltageV = bad[i];
                Expect.Code(FaultCode.VoltageSensorFault, rule.Evaluate(inputs), what + " voltage, charging");
                Assert.AreEqual((int)SensorStatus.NotFinite, (int)rule.LastStatus, what);
                Assert.IsFalse(SensorFaultRule.IsUsable(SensorStatus.Ok, bad[i]), what + " is not usable");
            }
        }

        [TestMethod]
        public static void Temperature_is_reported_first_when_several_sensors_fail()
        {
            var rule = new SensorFaultRule();
            SafetyInputs inputs = Nominal(true);
            inputs.VoltageStatus = SensorStatus.Short;
            inputs.CurrentStatus = SensorStatus.Open;
            inputs.TemperatureStatus = SensorStatus.Stuck;
            Expect.Code(FaultCode.TemperatureSensorFault, rule.Evaluate(inputs));
            inputs.TemperatureStatus = SensorStatus.Ok;
            Expect.Code(FaultCode.CurrentSensorFault, rule.Evaluate(inputs));
        }

        [TestMethod]
        public static void Healthy_sensors_report_nothing()
        {
            var rule = new SensorFaultRule();
            Expect.Code(FaultCode.None, rule.Evaluate(Nominal(true)));
        }
    }
}
