using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Safety;

namespace PodFirmware.Tests.Core.Safety
{
    /// <summary>Steps, hysteresis, hold time and the current cap of <see cref="ThermalDerating"/> (pvc limit 70 degC, defaults).</summary>
    [TestClass]
    public class ThermalDeratingTests
    {
        private static ThermalDerating Pvc()
        {
            return new ThermalDerating(true, 70.0, 10.0, 5.0, 2.0, 30000, 6.0);
        }

        [DataRow(59.9, 0)]
        [DataRow(60.0, 1)]
        [DataRow(64.9, 1)]
        [DataRow(65.0, 2)]
        [DataRow(69.0, 2)]
        [TestMethod]
        public static void The_step_follows_the_thresholds_below_the_limit(double temperatureC, int step)
        {
            ThermalDerating rule = Pvc();
            Assert.AreEqual(step, (int)rule.Evaluate(temperatureC, 0), temperatureC.ToString() + " degC");
        }

        [TestMethod]
        public static void A_higher_step_takes_effect_at_once_even_within_the_hold()
        {
            ThermalDerating rule = Pvc();
            Assert.AreEqual((int)DerateStep.Half, (int)rule.Evaluate(60.0, 1000));
            Assert.AreEqual((int)DerateStep.Quarter, (int)rule.Evaluate(65.0, 1100));
            Assert.AreEqual(1100L, rule.ChangedAtMs);
        }

        [TestMethod]
        public static void Cooling_restores_one_step_at_a_time_after_the_hold_and_below_the_band()
        {
            ThermalDerating rule = Pvc();
            rule.Evaluate(66.0, 0);
            // Inside the band (63 .. 65): stays quartered however long.
            Assert.AreEqual((int)DerateStep.Quarter, (int)rule.Evaluate(63.0, 100000));
            // Below 63 but a second before the hold ends: still quartered.
            rule = Pvc();
            rule.Evaluate(66.0, 0);
            Assert.AreEqual((int)DerateStep.Quarter, (int)rule.Evaluate(62.9, 29999));
            Assert.AreEqual((int)DerateStep.Half, (int)rule.Evaluate(62.9, 30000));
            // Even far below, the next step waits its own hold.
            Assert.AreEqual((int)DerateStep.Half, (int)rule.Evaluate(30.0, 59999));
            Assert.AreEqual((int)DerateStep.None, (int)rule.Evaluate(30.0, 60000));
        }

        [TestMethod]
        public static void The_half_step_is_left_only_strictly_below_its_threshold_minus_the_hysteresis()
        {
            ThermalDerating rule = Pvc();
            rule.Evaluate(60.0, 0);
            Assert.AreEqual((int)DerateStep.Half, (int)rule.Evaluate(58.0, 40000));
            Assert.AreEqual((int)DerateStep.None, (int)rule.Evaluate(57.9, 40100));
        }

        [TestMethod]
        public static void A_non_finite_reading_keeps_the_step()
        {
            ThermalDerating rule = Pvc();
            rule.Evaluate(66.0, 0);
            Assert.AreEqual((int)DerateStep.Quarter, (int)rule.Evaluate(double.NaN, 100000));
            Assert.AreEqual((int)DerateStep.Quarter, (int)rule.Evaluate(double.NegativeInfinity, 100000));
            rule = Pvc();
            Assert.AreEqual((int)DerateStep.None, (int)rule.Evaluate(double.PositiveInfinity, 0));
        }

        [TestMethod]
        public static void A_disabled_rule_never_derates()
        {
            ThermalDerating rule = new ThermalDerating(false, 70.0, 10.0, 5.0, 2.0, 30000, 6.0);
            Assert.AreEqual((int)DerateStep.None, (int)rule.Evaluate(69.9, 0));
            Assert.AreEqual(32.0, rule.CapA(32.0));
        }

        [DataRow(0, 32.0, 32.0)]
        [DataRow(1, 32.0, 16.0)]
        [DataRow(2, 32.0, 8.0)]
        [DataRow(2, 24.0, 6.0)]
        [DataRow(2, 23.9, 0.0)]
        [DataRow(1, 12.0, 6.0)]
        [DataRow(1, 11.9, 0.0)]
        [TestMethod]
        public static void The_cap_is_half_or_a_quarter_and_a_pause_below_the_minimum(int step, double allowedA, double capA)
        {
            ThermalDerating rule = Pvc();
            rule.Evaluate(step == 2 ? 66.0 : step == 1 ? 61.0 : 25.0, 0);
            Assert.AreEqual(step, (int)rule.Step);
            Assert.AreEqual(capA, rule.CapA(allowedA), allowedA.ToString() + " A at step " + step.ToString());
        }

        [TestMethod]
        public static void No_allowed_current_or_a_non_finite_one_caps_at_zero()
        {
            ThermalDerating rule = Pvc();
            Assert.AreEqual(0.0, rule.CapA(0.0));
            Assert.AreEqual(0.0, rule.CapA(-1.0));
            Assert.AreEqual(0.0, rule.CapA(double.NaN));
            Assert.AreEqual(0.0, rule.CapA(double.PositiveInfinity));
        }

        [TestMethod]
        public static void Reset_forgets_the_step()
        {
            ThermalDerating rule = Pvc();
            rule.Evaluate(66.0, 0);
            rule.Reset();
            Assert.AreEqual((int)DerateStep.None, (int)rule.Step);
            Assert.AreEqual(32.0, rule.CapA(32.0));
        }

        [DataRow(5.0, 5.0)]
        [DataRow(6.0, 5.0)]
        [DataRow(-0.1, 10.0)]
        [TestMethod]
        public static void Contradicting_steps_are_refused(double quarterBelowLimitC, double halfBelowLimitC)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, 70.0, halfBelowLimitC, quarterBelowLimitC, 2.0, 30000, 6.0));
        }

        [TestMethod]
        public static void Non_finite_or_negative_settings_are_refused()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, double.NaN, 10.0, 5.0, 2.0, 30000, 6.0));
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, 70.0, 10.0, 5.0, -1.0, 30000, 6.0));
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, 70.0, 10.0, 5.0, 2.0, -1, 6.0));
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, 70.0, 10.0, 5.0, 2.0, 30000, 0.0));
            Assert.ThrowsException(typeof(ArgumentException), () => new ThermalDerating(true, 70.0, 10.0, 5.0, double.NaN, 30000, 6.0));
        }
    }
}
