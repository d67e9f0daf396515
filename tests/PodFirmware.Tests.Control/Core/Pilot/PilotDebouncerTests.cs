using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;

namespace PodFirmware.Tests.Core.Pilot
{
    [TestClass]
    public class PilotDebouncerTests
    {
        [TestMethod]
        public static void A_change_towards_power_needs_the_configured_readings_in_a_row()
        {
            var d = new PilotDebouncer(3);
            Assert.AreEqual(CpState.A, d.Update(CpState.B));
            Assert.AreEqual(CpState.A, d.Update(CpState.B));
            Assert.AreEqual(CpState.B, d.Update(CpState.B));
            Assert.AreEqual(CpState.B, d.Update(CpState.C));
            Assert.AreEqual(CpState.B, d.Update(CpState.C));
            Assert.AreEqual(CpState.C, d.Update(CpState.C));
        }

        [TestMethod]
        public static void An_interrupted_run_starts_counting_again()
        {
            var d = new PilotDebouncer(3);
            d.Update(CpState.B);
            d.Update(CpState.B);
            d.Update(CpState.B);
            d.Update(CpState.C);
            d.Update(CpState.C);
            Assert.AreEqual(CpState.B, d.Update(CpState.D), "D is a new candidate, counted from 1");
            Assert.AreEqual(CpState.B, d.Update(CpState.C));
            Assert.AreEqual(CpState.B, d.Update(CpState.C));
            Assert.AreEqual(CpState.C, d.Update(CpState.C));
        }

        [TestMethod]
        public static void A_change_away_from_power_acts_at_the_first_reading()
        {
            var d = new PilotDebouncer(3);
            for (int i = 0; i < 3; i++)
            {
                d.Update(CpState.C);
            }

            Assert.AreEqual(CpState.C, d.Confirmed);
            Assert.AreEqual(CpState.D, d.Update(CpState.D), "C and D rank alike");
            Assert.AreEqual(CpState.B, d.Update(CpState.B));
            Assert.AreEqual(CpState.E, d.Update(CpState.E));
            d.Reset();
            Assert.AreEqual(CpState.A, d.Confirmed);
            for (int i = 0; i < 3; i++)
            {
                d.Update(CpState.C);
            }

            Assert.AreEqual(CpState.NoDiode, d.Update(CpState.NoDiode));
            Assert.AreEqual(CpState.Invalid, d.Update(CpState.Invalid));
        }

        [TestMethod]
        public static void One_reading_confirms_at_once()
        {
            var d = new PilotDebouncer(1);
            Assert.AreEqual(CpState.C, d.Update(CpState.C));
        }

        [DataRow(0)]
        [DataRow(11)]
        [TestMethod]
        public static void Readings_outside_1_to_10_are_refused(int readings)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new PilotDebouncer(readings));
        }
    }
}
