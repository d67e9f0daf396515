using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Tests.Core.Session
{
    /// <summary>Each way a session ends, with the record it emits. 16 A at 230 V is 3680 W: 60 s deliver 61 333 mWh.</summary>
    [TestClass]
    public class StopReasonTests
    {
        private static SessionRig ChargeForAMinute()
        {
            var rig = new SessionRig();
            rig.In.UtcS = 1767225600;
            rig.StartOk();
            rig.Run(60000, 100);
            rig.In.UtcS = 1767225660;
            rig.Drain();
            return rig;
        }

        private static void ExpectRecord(SessionRecord record, StopReason reason, long energyMilliWh, long stopMs)
        {
            Assert.AreEqual((int)reason, (int)record.StopReason, "stop reason " + StopReasonNames.Of(record.StopReason));
            Assert.AreEqual("s-1", record.SessionId);
            Assert.AreEqual("acct-1", record.Account);
            Assert.AreEqual(1000L, record.StartMs);
            Assert.AreEqual(stopMs, record.StopMs);
            Assert.AreEqual(1767225600L, record.StartUtcS);
            Assert.AreEqual(1767225660L, record.StopUtcS);
            Assert.AreEqual(energyMilliWh, record.EnergyMilliWh, "energy");
        }

        [TestMethod]
        public static void Stop_command_ends_with_StopCommand_and_the_metered_energy()
        {
            SessionRig rig = ChargeForAMinute();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Stop(rig.In));
            PodEvent[] events = rig.Drain();
            SessionRecord record = SessionRig.OnlyRecord(events);
            ExpectRecord(record, StopReason.StopCommand, 61333, 61000);
            Assert.IsTrue(Finite.Below(System.Math.Abs(25.0 - record.PeakTemperatureC), 1e-9));
            Assert.AreEqual(0, record.FaultsSeenMask);
            Assert.AreEqual("Finishing", SessionRig.StatusTrail(events));
            Assert.IsFalse(rig.Session.IsActive);
            Assert.AreEqual(60000L, rig.Session.ElapsedMs, "final duration");
        }

        [TestMethod]
        public static void Unplugging_ends_with_Unplugged_and_goes_straight_to_Available()
        {
            SessionRig rig = ChargeForAMinute();
            rig.In.Plugged = false;
            rig.Tick(100);
            PodEvent[] events = rig.Drain();
            ExpectRecord(SessionRig.OnlyRecord(events), StopReason.Unplugged, 61435, 61100);
            Assert.AreEqual("Available", SessionRig.StatusTrail(events));
        }

        [TestMethod]
        public static void A_latched_fault_ends_with_Trip_naming_the_fault_and_shows_Faulted()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.TemperatureC = 41.5;
            rig.Run(30000, 100);
            rig.In.TemperatureC = 72.25;
            rig.In.ActiveFaultsMask = 1 << (int)FaultCode.ControllerLost;
            rig.Tick(100);
            rig.In.ActiveFaultsMask = 0;
            rig.In.TemperatureC = 60;
            rig.Run(29900, 100);
            rig.In.UtcS = 1767225660;
            rig.Drain();
            rig.In.FaultLatched = true;
            rig.In.LatchedFault = FaultCode.ConnectorOverTemperature;
            rig.Tick(100);

            PodEvent[] events = rig.Drain();
            SessionRecord record = SessionRig.OnlyRecord(events);
            ExpectRecord(record, StopReason.Trip, 61333, 61100);
            Assert.AreEqual((int)FaultCode.ConnectorOverTemperature, (int)record.StopFault);
            Assert.IsTrue(Finite.Below(System.Math.Abs(72.25 - record.PeakTemperatureC), 1e-9), "peak temperature");
            Assert.IsTrue(record.HasSeen(FaultCode.ControllerLost), "the warning seen for one tick");
            Assert.IsTrue(record.HasSeen(FaultCode.ConnectorOverTemperature), "the latched fault");
            Assert.IsFalse(record.HasSeen(FaultCode.OverCurrent));
            Assert.AreEqual("Faulted", SessionRig.StatusTrail(events));
            Assert.IsFalse(rig.Session.WantsPower);

            rig.In.FaultLatched = false;
            rig.In.LatchedFault = FaultCode.None;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Finishing, "reset with the plug still in");
        }

        [TestMethod]
        public static void Undocking_ends_with_Undocked()
        {
            SessionRig rig = ChargeForAMinute();
            rig.In.Docked = false;
            rig.Tick(100);
            PodEvent[] events = rig.Drain();
            ExpectRecord(SessionRig.OnlyRecord(events), StopReason.Undocked, 61435, 61100);
            Assert.AreEqual("Unavailable", SessionRig.StatusTrail(events));
            rig.In.Docked = true;
            rig.Tick(100);
            rig.ExpectStatus(ConnectorStatus.Finishing, "redocked with the plug in");
        }

        [TestMethod]
        public static void Releasing_the_locks_ends_with_Undocked()
        {
            SessionRig rig = ChargeForAMinute();
            rig.In.Moving = true;
            rig.Tick(100);
            ExpectRecord(SessionRig.OnlyRecord(rig.Drain()), StopReason.Undocked, 61435, 61100);
        }

        [TestMethod]
        public static void The_controller_lost_policy_ends_with_ControllerLost()
        {
            SessionRig rig = ChargeForAMinute();
            rig.In.ControllerLostStop = true;
            rig.Tick(100);
            PodEvent[] events = rig.Drain();
            ExpectRecord(SessionRig.OnlyRecord(events), StopReason.ControllerLost, 61435, 61100);
            Assert.AreEqual("Finishing", SessionRig.StatusTrail(events));
        }

        [TestMethod]
        public static void Reaching_maxEnergy_ends_with_EnergyLimit_at_the_first_tick_past_the_target()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 1000;
            rig.StartOk(cmd);
            Assert.AreEqual(1000000L, rig.Session.TargetMilliWh);

            // 1 kWh at 3680 W takes 978 260.9 ms: the tick at 978 300 ms crosses it.
            rig.Run(978200, 100);
            Assert.IsTrue(rig.Session.IsActive, "999 963 mWh after 978 200 ms");
            Assert.AreEqual(99, rig.Session.ProgressPercent);
            rig.In.UtcS = 1767225660;
            rig.Tick(100);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            ExpectRecord(record, StopReason.EnergyLimit, 1000040, 979300);
            Assert.IsFalse(rig.Session.WantsPower);
            rig.ExpectStatus(ConnectorStatus.Finishing, "limit reached");
        }

        [TestMethod]
        public static void Reaching_maxDuration_ends_with_DurationLimit_on_the_clock_even_while_suspended()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxDuration = true;
            cmd.MaxDurationS = 120;
            rig.StartOk(cmd);
            rig.Run(30000, 100);
            Assert.AreEqual(25, rig.Session.ProgressPercent);
            Assert.AreEqual(90L, rig.Session.RemainingS);
            Assert.AreEqual(-1L, rig.Session.TargetMilliWh, "no energy target");
            rig.Session.SetCurrentLimit(0);
            rig.Run(89900, 100);
            Assert.IsTrue(rig.Session.IsActive, "119.9 s");
            Assert.AreEqual(1L, rig.Session.RemainingS);
            rig.In.UtcS = 1767225660;
            rig.Tick(100);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            ExpectRecord(record, StopReason.DurationLimit, 30666, 121000);
        }

        [TestMethod]
        public static void Reaching_maxAmount_ends_with_AmountLimit_and_the_owed_amount_in_exact_integers()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasTariff = true;
            cmd.TariffPerKwhScaled = 5000;
            cmd.HasMaxAmount = true;
            cmd.MaxAmountScaled = 2500;
            rig.StartOk(cmd);
            Assert.AreEqual(500000L, rig.Session.TargetMilliWh, "0.25 at 0.50 per kWh is 0.5 kWh");

            // 0.5 kWh at 3680 W takes 489 130.4 ms: the tick at 489 200 ms crosses it.
            rig.Run(489100, 100);
            Assert.IsTrue(rig.Session.IsActive);
            Assert.AreEqual(2499L, rig.Session.Current.AmountScaled, "499 969 mWh x 0.5 = 0.2499 (truncated)");
            rig.In.UtcS = 1767225660;
            rig.Tick(100);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            ExpectRecord(record, StopReason.AmountLimit, 500071, 490200);
            Assert.AreEqual(2500L, record.AmountScaled);
            Assert.AreEqual(5000L, record.TariffPerKwhScaled);
        }

        [TestMethod]
        public static void The_energy_target_is_the_lesser_of_maxEnergy_and_the_energy_the_amount_buys()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasTariff = true;
            cmd.TariffPerKwhScaled = 3000;
            cmd.HasMaxAmount = true;
            cmd.MaxAmountScaled = 10000;
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 5000;
            rig.StartOk(cmd);
            Assert.AreEqual(3333334L, rig.Session.TargetMilliWh, "1.00 at 0.30 per kWh buys 3.333 334 kWh (rounded up), less than 5 kWh");
        }

        [TestMethod]
        public static void Only_one_record_is_emitted_however_many_stop_conditions_follow()
        {
            SessionRig rig = ChargeForAMinute();
            rig.In.ControllerLostStop = true;
            rig.In.Docked = false;
            rig.Tick(100);
            rig.In.Plugged = false;
            rig.Tick(100);
            Assert.AreEqual((int)CommandResultCode.NoSession, (int)rig.Session.Stop(rig.In));
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            Assert.AreEqual((int)StopReason.Undocked, (int)record.StopReason, "undock outranks the controller-lost policy");
        }
    }
}
