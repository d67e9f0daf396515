using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Session;

namespace PodFirmware.Tests.Core.Session
{
    [TestClass]
    public class MeteringTests
    {
        [TestMethod]
        public static void Sixteen_A_at_230_V_for_8_h_in_100_ms_ticks_gives_exactly_29_44_kWh()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasTariff = true;
            cmd.TariffPerKwhScaled = 3150;
            rig.StartOk(cmd);
            rig.Run(8L * 3600 * 1000, 100);
            Assert.AreEqual(29440000L, rig.Session.Current.EnergyMilliWh, "3680 W x 8 h, no drift over 288 000 ticks");
            Assert.AreEqual(92736L, rig.Session.Current.AmountScaled, "29.44 kWh x 0.3150 = 9.2736");
            Assert.AreEqual(8L * 3600 * 1000, rig.Session.ElapsedMs);
        }

        [TestMethod]
        public static void Real_power_is_rounded_to_the_milliwatt_before_integrating()
        {
            var rig = new SessionRig();
            rig.PowerFactor = 0;
            rig.In.PowerW = 3681.5606;
            rig.StartOk();
            rig.Run(3600000, 1000);
            Assert.AreEqual(3681561L, rig.Session.Current.EnergyMilliWh, "3681.5606 W -> 3 681 561 mW for 1 h");
        }

        [TestMethod]
        public static void Energy_comes_from_real_power_not_from_volts_times_amperes()
        {
            // 230 V x 16 A at power factor 0.8: 2944 W real, 3680 VA apparent.
            var rig = new SessionRig();
            rig.PowerFactor = 0.8;
            rig.StartOk();
            rig.Run(3600000, 100);
            Assert.AreEqual(2944000L, rig.Session.Current.EnergyMilliWh, "2944 W for 1 h");
        }

        [TestMethod]
        public static void No_energy_is_counted_without_a_usable_power_reading()
        {
            var rig = new SessionRig();
            rig.PowerFactor = 0;
            rig.In.PowerW = double.NaN;
            rig.StartOk();
            rig.Run(10000, 100);
            Assert.AreEqual(0L, rig.Session.Current.EnergyMilliWh);
            rig.In.PowerW = -500;
            rig.Run(10000, 100);
            Assert.AreEqual(0L, rig.Session.Current.EnergyMilliWh, "negative power (a reversed CT) counts as none");
        }

        [TestMethod]
        public static void No_energy_is_counted_while_the_relay_is_open_or_a_reading_is_unusable()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(1000, 100);
            long energy = rig.Session.Current.EnergyMilliWh;
            Assert.AreEqual(1022L, energy, "3680 W for 1 s");
            rig.In.CurrentUsable = false;
            rig.Run(1000, 100);
            rig.In.CurrentUsable = true;
            rig.In.VoltageUsable = false;
            rig.Run(1000, 100);
            rig.In.VoltageUsable = true;
            rig.FollowRelay = false;
            rig.In.RelayClosed = false;
            rig.Run(1000, 100);
            Assert.AreEqual(energy, rig.Session.Current.EnergyMilliWh);
            rig.In.RelayClosed = true;
            rig.Run(1000, 100);
            Assert.AreEqual(2044L, rig.Session.Current.EnergyMilliWh, "counting resumes");
        }

        [TestMethod]
        public static void A_negative_current_reading_counts_as_no_power()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.CurrentA = -0.3;
            rig.Run(10000, 100);
            Assert.AreEqual(0L, rig.Session.Current.EnergyMilliWh);
        }

        [TestMethod]
        public static void Remaining_time_follows_the_recent_average_power_not_the_session_average()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 10000;
            rig.StartOk(cmd);
            rig.Run(60000, 100);
            Assert.AreEqual(3680000L, rig.Session.AveragePowerMilliW, "16 A x 230 V");
            Assert.AreEqual(9723L, rig.Session.RemainingS, "(10 000 000 - 61 333) mWh at 3680 W = 9722.6 s, rounded up");

            rig.In.CurrentA = 8;
            rig.Run(60000, 100);
            Assert.AreEqual(92000L, rig.Session.Current.EnergyMilliWh);
            Assert.AreEqual(1840000L, rig.Session.AveragePowerMilliW, "the 60 s window holds only the 8 A minute");
            Assert.AreEqual(19386L, rig.Session.RemainingS, "9 908 000 mWh at 1840 W = 19 385.2 s, rounded up");
            Assert.AreEqual(0, rig.Session.ProgressPercent, "92 Wh of 10 kWh");
        }

        [TestMethod]
        public static void Remaining_time_is_unknown_without_a_limit_or_without_recent_power()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(10000, 100);
            Assert.AreEqual(-1L, rig.Session.RemainingS, "no limit");
            Assert.AreEqual(-1, rig.Session.ProgressPercent);
            Assert.AreEqual(-1L, rig.Session.TargetMilliWh);

            var idle = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 1000;
            idle.In.CurrentA = 0;
            idle.StartOk(cmd);
            idle.Run(10000, 100);
            Assert.AreEqual(-1L, idle.Session.RemainingS, "energy target but no power");
        }

        [TestMethod]
        public static void Remaining_time_takes_the_sooner_of_the_energy_and_duration_limits()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 10000;
            cmd.HasMaxDuration = true;
            cmd.MaxDurationS = 600;
            rig.StartOk(cmd);
            rig.Run(60000, 100);
            Assert.AreEqual(540L, rig.Session.RemainingS, "the duration limit comes first");
        }

        [TestMethod]
        public static void Nothing_is_reported_outside_a_session()
        {
            var rig = new SessionRig();
            Assert.IsFalse(rig.Session.IsActive);
            Assert.IsFalse(rig.Session.WantsPower);
            Assert.AreEqual(0L, rig.Session.ElapsedMs);
            Assert.AreEqual(-1L, rig.Session.RemainingS);
            Assert.AreEqual(-1, rig.Session.ProgressPercent);
            Assert.AreEqual(-1L, rig.Session.TargetMilliWh);
            Assert.AreEqual(0L, rig.Session.ReservationLeftS);
        }
    }
}
