using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Sensors
{
    /// <summary>
    /// Vrms, Irms, real power and power factor from one interleaved burst (<see cref="MainsMeter"/> over the twins'
    /// raw counts, 2 counts of noise, default configs: 40 pairs 500 us apart over one 50 Hz cycle).
    /// </summary>
    [TestClass]
    public class MainsMeterTests
    {
        // acos(0.8) in degrees: a current lagging the voltage by it draws at power factor 0.8.
        private const double Pf08LagDeg = 36.86989764584402;

        private sealed class Rig
        {
            public readonly VoltageSensorConfig VoltageConfig = new VoltageSensorConfig();
            public readonly CurrentSensorConfig CurrentConfig = new CurrentSensorConfig();
            public readonly SimulatedAcChannel Voltage;
            public readonly SimulatedAcChannel Current;
            public readonly MainsMeter Meter;
            public long NowMs;

            public Rig(double volts, double amps, double lagDeg)
            {
                Voltage = new SimulatedAcChannel(VoltageConfig);
                Current = new SimulatedAcChannel(CurrentConfig);
                Voltage.RmsValue = volts;
                Current.RmsValue = amps;
                Current.PhaseLagDeg = lagDeg;
                Meter = new MainsMeter(new SimulatedMains(Voltage, Current), VoltageConfig, CurrentConfig);
            }

            // One 100 ms tick's burst; the twins' time runs on by the burst only, as on the board between ticks it would by whole cycles.
            public void Tick()
            {
                NowMs += 100;
                Meter.Sample(NowMs, true);
            }
        }

        private static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(Finite.AtMost(Math.Abs(actual - expected), tolerance), what + ": expected " + expected.ToString() + " +/- " + tolerance.ToString() + ", was " + actual.ToString());
        }

        [TestMethod]
        public static void A_resistive_load_reads_V_I_and_a_real_power_of_V_times_I_at_power_factor_1()
        {
            var rig = new Rig(230.0, 16.0, 0.0);
            rig.Tick();
            rig.Tick();
            Near(230.0, rig.Meter.VoltageV, 1.0, "V");
            Near(16.0, rig.Meter.CurrentA, 0.1, "A");
            Near(3680.0, rig.Meter.RealPowerW, 3680.0 * 0.01, "W");
            Near(1.0, rig.Meter.PowerFactor, 0.01, "PF");
        }

        [TestMethod]
        public static void A_load_at_power_factor_0_8_reads_0_8_and_a_real_power_25_percent_below_V_times_I()
        {
            var rig = new Rig(230.0, 16.0, Pf08LagDeg);
            rig.Tick();
            rig.Tick();
            Near(0.8, rig.Meter.PowerFactor, 0.01, "PF");
            Near(2944.0, rig.Meter.RealPowerW, 2944.0 * 0.01, "W");
            double apparent = rig.Meter.VoltageV * rig.Meter.CurrentA;
            Near(1.25, apparent / rig.Meter.RealPowerW, 0.02, "Vrms x Irms over P");
        }

        [TestMethod]
        public static void Energy_at_power_factor_0_8_over_a_minute_is_within_1_percent_of_the_true_integral()
        {
            // True integral: 230 V x 16 A x 0.8 x 60 s = 176 640 J; Vrms x Irms would give 220 800 J (25 % high).
            var rig = new Rig(230.0, 16.0, Pf08LagDeg);
            double joules = 0;
            double voltAmpSeconds = 0;
            for (int tick = 0; tick < 600; tick++)
            {
                rig.Tick();
                joules += rig.Meter.RealPowerW * 0.1;
                voltAmpSeconds += rig.Meter.VoltageV * rig.Meter.CurrentA * 0.1;
            }

            Near(176640.0, joules, 1766.4, "J from real power");
            Assert.IsTrue(Finite.Above(voltAmpSeconds, 176640.0 * 1.2), "Vrms x Irms integrates about 25 % high: " + voltAmpSeconds.ToString());
        }

        [TestMethod]
        public static void A_leading_current_reads_the_same_power_factor_as_a_lagging_one()
        {
            var rig = new Rig(230.0, 10.0, -Pf08LagDeg);
            rig.Tick();
            rig.Tick();
            Near(0.8, rig.Meter.PowerFactor, 0.01, "PF");
        }

        [TestMethod]
        public static void Below_half_an_ampere_the_power_factor_is_not_reported()
        {
            var rig = new Rig(230.0, 0.0, 0.0);
            rig.Tick();
            rig.Tick();
            Assert.IsTrue(double.IsNaN(rig.Meter.PowerFactor));
            Near(0.0, rig.Meter.RealPowerW, 5.0, "W at 0 A");
        }

        [TestMethod]
        public static void A_current_that_just_stopped_gives_no_power_factor_while_the_reading_still_settles()
        {
            var rig = new Rig(230.0, 16.0, 0.0);
            rig.Tick();
            rig.Tick();
            rig.Current.RmsValue = 0.0;
            rig.Tick();
            Assert.IsTrue(double.IsNaN(rig.Meter.PowerFactor), "PF " + rig.Meter.PowerFactor.ToString() + " at " + rig.Meter.CurrentA.ToString() + " A");
            Near(0.0, rig.Meter.RealPowerW, 20.0, "W");
        }

        [TestMethod]
        public static void An_open_current_input_gives_no_power_and_no_power_factor()
        {
            var rig = new Rig(230.0, 16.0, 0.0);
            rig.Tick();
            rig.Current.Fault = SensorStatus.Open;
            rig.Tick();
            Assert.AreEqual((int)SensorStatus.Open, (int)rig.Meter.CurrentStatus);
            Assert.IsTrue(double.IsNaN(rig.Meter.RealPowerW));
            Assert.IsTrue(double.IsNaN(rig.Meter.PowerFactor));
            Assert.AreEqual((int)SensorStatus.Ok, (int)rig.Meter.VoltageStatus);
        }

        [TestMethod]
        public static void Calibration_gains_scale_the_real_power_but_not_the_power_factor()
        {
            var voltage = new VoltageSensorConfig();
            var current = new CurrentSensorConfig();
            current.CalibrationGain = 1.1;
            var v = new SimulatedAcChannel(voltage);
            var i = new SimulatedAcChannel(current);
            v.RmsValue = 230.0;
            i.RmsValue = 16.0;
            var meter = new MainsMeter(new SimulatedMains(v, i), voltage, current);
            meter.Sample(100, true);
            meter.Sample(200, true);
            Near(3680.0 * 1.1, meter.RealPowerW, 40.0, "W");
            Near(1.0, meter.PowerFactor, 0.01, "PF");
        }

        [TestMethod]
        public static void One_burst_of_40_pairs_500_us_apart_by_default()
        {
            var rig = new Rig(230.0, 16.0, 0.0);
            Assert.AreEqual(40, rig.Meter.Pairs);
            Assert.AreEqual(500, rig.Meter.PairPeriodUs);
        }

        [TestMethod]
        public static void Different_voltage_and_current_bursts_are_refused()
        {
            var voltage = new VoltageSensorConfig();
            var current = new CurrentSensorConfig();
            current.Burst.CyclesPerBurst = 2;
            var mains = new SimulatedMains(new SimulatedAcChannel(voltage), new SimulatedAcChannel(current));
            Assert.ThrowsException(typeof(ArgumentException), () => new MainsMeter(mains, voltage, current));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MainsMeter(null, voltage, current));
        }
    }
}
