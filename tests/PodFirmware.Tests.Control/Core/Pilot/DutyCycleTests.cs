using nanoFramework.TestFramework;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Core.Pilot
{
    [TestClass]
    public class DutyCycleTests
    {
        // IEC 61851-1 Annex A, rounded down to 0.1 %: 6 A is the least duty, 51 A the last of the first formula, 80 A the last of all.
        [DataRow(6.0, 100)]
        [DataRow(8.0, 133)]
        [DataRow(10.0, 166)]
        [DataRow(13.0, 216)]
        [DataRow(16.0, 266)]
        [DataRow(20.0, 333)]
        [DataRow(32.0, 533)]
        [DataRow(51.0, 850)]
        [DataRow(51.01, 850)]
        [DataRow(52.5, 850)]
        [DataRow(52.75, 851)]
        [DataRow(63.0, 892)]
        [DataRow(80.0, 960)]
        [DataRow(95.0, 960)]
        [TestMethod]
        public static void The_duty_follows_the_annex_A_table_rounded_down(double allowedA, int permille)
        {
            Assert.AreEqual(permille, DutyCycle.PermilleFor(allowedA));
        }

        [DataRow(5.99)]
        [DataRow(0.0)]
        [DataRow(-3.0)]
        [TestMethod]
        public static void Below_6_A_there_is_no_duty(double allowedA)
        {
            Assert.AreEqual(DutyCycle.None, DutyCycle.PermilleFor(allowedA));
        }

        [TestMethod]
        public static void NaN_and_infinities_give_no_duty()
        {
            Assert.AreEqual(DutyCycle.None, DutyCycle.PermilleFor(double.NaN));
            Assert.AreEqual(DutyCycle.None, DutyCycle.PermilleFor(double.PositiveInfinity));
            Assert.AreEqual(DutyCycle.None, DutyCycle.PermilleFor(double.NegativeInfinity));
        }

        [TestMethod]
        public static void The_EV_never_reads_more_than_the_allowed_current()
        {
            for (int centiA = 600; centiA <= 8000; centiA += 7)
            {
                double allowedA = centiA / 100.0;
                double readA = DutyCycle.CurrentAFor(DutyCycle.PermilleFor(allowedA));
                Assert.IsTrue(Finite.AtMost(readA, allowedA + 1e-9), "allowed " + allowedA.ToString() + " A read as " + readA.ToString());
                // One step of the table below the allowed current at most (0.06 A, 0.25 A), and 51 A held below 52.75 A.
                double stepA = centiA <= 5100 ? 0.07 : (centiA < 5275 ? 1.75 : 0.26);
                Assert.IsTrue(Finite.Above(readA, allowedA - stepA), "allowed " + allowedA.ToString() + " A read as " + readA.ToString());
            }
        }

        [DataRow(100, 6.0)]
        [DataRow(133, 7.98)]
        [DataRow(850, 51.0)]
        [DataRow(851, 52.75)]
        [DataRow(960, 80.0)]
        [DataRow(99, 0.0)]
        [DataRow(961, 0.0)]
        [TestMethod]
        public static void The_EV_side_table_reads_the_current_back(int permille, double currentA)
        {
            double readA = DutyCycle.CurrentAFor(permille);
            Assert.IsTrue(Finite.Within(readA, currentA - 1e-9, currentA + 1e-9), permille.ToString() + " read as " + readA.ToString());
        }
    }
}
