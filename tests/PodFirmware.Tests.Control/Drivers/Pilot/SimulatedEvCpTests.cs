using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Pilot;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Tests.Drivers.Pilot
{
    /// <summary>The simulated EV's raw counts, read back through the pod's burst reader and bands, give the standard's states.</summary>
    [TestClass]
    public class SimulatedEvCpTests
    {
        private static CpState Read(SimulatedEv ev, SimulatedPwmOutput pwm)
        {
            var reader = new CpBurstReader(ev.CpChannel, 44, 50);
            reader.Read();
            return CpBands.Classify(reader.HighV, reader.LowV, pwm.DutyPermille > 0 && pwm.DutyPermille < 1000);
        }

        [TestMethod]
        public static void The_EV_answers_the_generator_with_the_standard_levels()
        {
            var clock = new VirtualClock();
            var pwm = new SimulatedPwmOutput();
            var ev = new SimulatedEv(clock, pwm);
            pwm.WriteDutyPermille(1000);
            Assert.AreEqual(CpState.A, Read(ev, pwm), "disconnected");
            ev.Connected = true;
            Assert.AreEqual(CpState.B, Read(ev, pwm), "no PWM: the EV waits in B");
            pwm.WriteDutyPermille(100);
            Assert.AreEqual(CpState.C, Read(ev, pwm), "10 % duty: C, the short high phase caught");
            ev.Ventilation = true;
            Assert.AreEqual(CpState.D, Read(ev, pwm));
            ev.Ventilation = false;
            ev.DiodeMissing = true;
            Assert.AreEqual(CpState.NoDiode, Read(ev, pwm));
            ev.DiodeMissing = false;
            ev.CpShorted = true;
            Assert.AreEqual(CpState.E, Read(ev, pwm));
        }

        [TestMethod]
        public static void The_levels_read_back_within_a_tenth_of_a_volt()
        {
            var clock = new VirtualClock();
            var pwm = new SimulatedPwmOutput();
            var ev = new SimulatedEv(clock, pwm);
            ev.Connected = true;
            pwm.WriteDutyPermille(533);
            var reader = new CpBurstReader(ev.CpChannel, 44, 50);
            reader.Read();
            Assert.IsTrue(Finite.Within(reader.HighV, 5.9, 6.1), "C high " + reader.HighV.ToString());
            Assert.IsTrue(Finite.Within(reader.LowV, -12.1, -11.9), "low " + reader.LowV.ToString());
        }

        [TestMethod]
        public static void The_EV_opens_S2_its_reaction_time_after_the_PWM_stops_and_follows_the_duty()
        {
            var clock = new VirtualClock();
            var pwm = new SimulatedPwmOutput();
            var ev = new SimulatedEv(clock, pwm);
            ev.Connected = true;
            ev.ReactionMs = 1000;
            ev.MaxA = 16;
            pwm.WriteDutyPermille(533);
            Assert.IsTrue(ev.S2Closed);
            Assert.AreEqual(0.0, ev.DrawA, "not yet followed");
            clock.AdvanceMs(1000);
            Assert.AreEqual(16.0, ev.DrawA, "32 A offered, 16 A its most");
            pwm.WriteDutyPermille(133);
            Assert.AreEqual(16.0, ev.DrawA);
            clock.AdvanceMs(1000);
            Assert.IsTrue(Finite.Within(ev.DrawA, 7.9, 8.0), "8 A offered: " + ev.DrawA.ToString());
            pwm.WriteDutyPermille(1000);
            Assert.IsTrue(ev.S2Closed);
            clock.AdvanceMs(999);
            Assert.IsTrue(ev.S2Closed);
            clock.AdvanceMs(1);
            Assert.IsFalse(ev.S2Closed);
        }

        [TestMethod]
        public static void A_full_battery_opens_S2()
        {
            var clock = new VirtualClock();
            var pwm = new SimulatedPwmOutput();
            var ev = new SimulatedEv(clock, pwm);
            ev.Connected = true;
            ev.BatteryToFillWh = 1.0;
            pwm.WriteDutyPermille(266);
            ev.Charge(16.0, 225.0, 999);
            Assert.IsTrue(ev.S2Closed, "0.999 Wh in");
            ev.Charge(double.NaN, 225.0, 100);
            Assert.IsTrue(ev.S2Closed, "a NaN current charges nothing");
            ev.Charge(16.0, 225.0, 1);
            Assert.IsFalse(ev.S2Closed, "1 Wh in: full, back to B");
        }

        [DataRow(100.0, 63)]
        [DataRow(220.0, 32)]
        [DataRow(680.0, 20)]
        [DataRow(1500.0, 13)]
        [TestMethod]
        public static void The_cable_resistor_reads_back_to_its_rating(double ohms, int ratingA)
        {
            var ev = new SimulatedEv(new VirtualClock(), new SimulatedPwmOutput());
            ev.Connected = true;
            ev.PpOhms = ohms;
            int counts = ev.PpChannel.ReadRawCounts();
            Assert.AreEqual(ratingA, PpDecoder.RatingA(PpDivider.Ohms(counts, ev.PpChannel.MaxRawCounts)));
        }

        [TestMethod]
        public static void An_open_PP_reads_full_scale_and_no_rating()
        {
            var ev = new SimulatedEv(new VirtualClock(), new SimulatedPwmOutput());
            ev.Connected = true;
            ev.PpOhms = double.PositiveInfinity;
            Assert.AreEqual(4095, ev.PpChannel.ReadRawCounts());
            Assert.AreEqual(0, PpDecoder.RatingA(PpDivider.Ohms(4095, 4095)));
        }

        [DataRow(12.0)]
        [DataRow(9.0)]
        [DataRow(6.0)]
        [DataRow(0.0)]
        [DataRow(-12.0)]
        [TestMethod]
        public static void The_CP_divider_round_trips_within_one_count(double cpV)
        {
            int counts = CpDivider.Counts(cpV, 4095);
            double back = CpDivider.CpVolts(counts, 4095);
            Assert.IsTrue(Finite.Within(back, cpV - 0.01, cpV + 0.01), cpV.ToString() + " V read back as " + back.ToString());
            Assert.IsTrue(counts > 200 && counts < 3200, "inside the ADC's linear range: " + counts.ToString());
        }
    }
}
