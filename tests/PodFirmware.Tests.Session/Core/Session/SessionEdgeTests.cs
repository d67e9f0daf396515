using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Session;
using PodFirmware.Tests.Core.Events;

namespace PodFirmware.Tests.Core.Session
{
    /// <summary>The construction guards name what they refuse; the rated current is reported as given.</summary>
    [TestClass]
    public class SessionGuardTests
    {
        private static ArgumentException Construct(SessionConfig config, double ratedA, EventRing events)
        {
            try
            {
                new ChargingSession(config, ratedA, events);
            }
            catch (ArgumentException e)
            {
                return e;
            }

            return null;
        }

        [TestMethod]
        public static void Each_refused_argument_is_named()
        {
            var ring = new EventRing(8, 0);
            ArgumentException e = Construct(null, 32, ring);
            Assert.IsTrue(e is ArgumentNullException);
            Assert.AreEqual("config", e.ParamName);
            e = Construct(new SessionConfig(), 32, null);
            Assert.IsTrue(e is ArgumentNullException);
            Assert.AreEqual("events", e.ParamName);
            e = Construct(new SessionConfig(), 0, ring);
            Assert.AreEqual("ratedCurrentA", e.ParamName);
            Assert.Contains("must be a positive number of A", e.Message);
            var bad = new SessionConfig();
            bad.EvIdleDelayMs = -1;
            e = Construct(bad, 32, ring);
            Assert.AreEqual("config", e.ParamName);
            Assert.Contains("session.evIdleDelayMs", e.Message);
            Assert.AreEqual(32.0, new SessionRig().Session.RatedCurrentA);
        }

        [TestMethod]
        public static void Reserve_refuses_a_null_account_by_name()
        {
            var rig = new SessionRig();
            ArgumentNullException caught = null;
            try
            {
                rig.Session.Reserve(null, 60, rig.In);
            }
            catch (ArgumentNullException e)
            {
                caught = e;
            }

            Assert.AreEqual("account", caught.ParamName);
        }
    }

    /// <summary>Targets, progress and remaining time at their edges: a zero amount, no tariff, exact whole seconds.</summary>
    [TestClass]
    public class SessionTargetEdgeTests
    {
        private static Command Start(long maxAmountScaled, long tariffScaled)
        {
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxAmount = maxAmountScaled >= 0;
            cmd.MaxAmountScaled = maxAmountScaled;
            cmd.HasTariff = tariffScaled > 0;
            cmd.TariffPerKwhScaled = tariffScaled;
            return cmd;
        }

        [TestMethod]
        public static void A_zero_maxAmount_is_a_zero_target_that_stops_at_the_first_tick()
        {
            var rig = new SessionRig();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Start(Start(0, 3150), rig.In));
            Assert.AreEqual(0L, rig.Session.TargetMilliWh);
            Assert.AreEqual(100, rig.Session.ProgressPercent);
            rig.Drain();
            rig.Tick(100);
            Assert.AreEqual((int)StopReason.AmountLimit, (int)SessionRig.OnlyRecord(rig.Drain()).StopReason);
        }

        [TestMethod]
        public static void A_maxAmount_without_a_tariff_sets_no_target()
        {
            var rig = new SessionRig();
            rig.Session.Start(Start(500, 0), rig.In);
            Assert.AreEqual(-1L, rig.Session.TargetMilliWh);
            Assert.AreEqual(-1, rig.Session.ProgressPercent);
        }

        [TestMethod]
        public static void A_tariff_without_a_maxAmount_sets_no_target()
        {
            var rig = new SessionRig();
            rig.Session.Start(Start(-1, 3150), rig.In);
            Assert.AreEqual(-1L, rig.Session.TargetMilliWh);
            Assert.AreEqual(3150L, rig.Session.Current.TariffPerKwhScaled);
        }

        [TestMethod]
        public static void A_tariff_field_without_HasTariff_is_not_billed()
        {
            var rig = new SessionRig();
            Command cmd = Start(-1, 0);
            cmd.TariffPerKwhScaled = 5000;
            rig.Session.Start(cmd, rig.In);
            Assert.AreEqual(0L, rig.Session.Current.TariffPerKwhScaled);
        }

        // 225 V x 16 A = 3600 W: 100 mWh per 100 ms tick, and 1 mWh left is exactly 1 ms at that power.
        private static SessionRig AfterOneSecondAt3600W(long targetMilliWh)
        {
            var rig = new SessionRig();
            rig.In.VoltageV = 225.0;
            // A scaled tariff of 1,000,000 makes the scaled amount equal the mWh delivered: the target is targetMilliWh.
            rig.StartOk(Start(targetMilliWh, 1000000));
            rig.Run(1000, 100);
            Assert.AreEqual(1000L, rig.Session.Current.EnergyMilliWh);
            Assert.AreEqual(3600000L, rig.Session.AveragePowerMilliW);
            return rig;
        }

        [TestMethod]
        public static void Remaining_time_rounds_exact_milliseconds_up_to_whole_seconds()
        {
            Assert.AreEqual(9L, AfterOneSecondAt3600W(10000).Session.RemainingS, "9000 ms left");
            Assert.AreEqual(10L, AfterOneSecondAt3600W(10001).Session.RemainingS, "9001 ms left");
        }

        [TestMethod]
        public static void Past_the_duration_limit_before_the_next_tick_shows_0_s_and_100_percent()
        {
            var rig = new SessionRig();
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxDuration = true;
            cmd.MaxDurationS = 10;
            rig.StartOk(cmd);
            rig.In.NowMs += 20000;
            rig.Session.SetCurrentLimit(16, rig.In);
            Assert.IsTrue(rig.Session.IsActive);
            Assert.AreEqual(0L, rig.Session.RemainingS);
            Assert.AreEqual(100, rig.Session.ProgressPercent);
        }

        [TestMethod]
        public static void An_energy_target_stops_at_the_tick_that_reaches_it_exactly()
        {
            var rig = new SessionRig();
            rig.In.VoltageV = 225.0;
            Command cmd = SessionRig.StartCommand("s-1", "acct-1");
            cmd.HasMaxEnergy = true;
            cmd.MaxEnergyWh = 1;
            rig.StartOk(cmd);
            rig.Run(1000, 100);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            Assert.AreEqual((int)StopReason.EnergyLimit, (int)record.StopReason);
            Assert.AreEqual(1000L, record.EnergyMilliWh);
            Assert.AreEqual(2000L, record.StopMs);
        }

        [TestMethod]
        public static void The_average_power_spans_the_window_not_the_last_ticks()
        {
            var rig = new SessionRig();
            rig.In.VoltageV = 225.0;
            rig.StartOk();
            rig.Run(60000, 100);
            rig.In.CurrentA = 8.0;
            rig.Run(1000, 100);
            // Ten 6 s buckets, nearly all at 3600 W: far above the last second's 1800 W.
            Assert.IsTrue(rig.Session.AveragePowerMilliW > 3000000, "average " + rig.Session.AveragePowerMilliW);
        }

        [TestMethod]
        public static void A_new_session_starts_with_no_recent_power()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(10000, 100);
            rig.Session.Stop(rig.In);
            rig.Session.Start(SessionRig.StartCommand("s-2", "acct-1"), rig.In);
            Assert.AreEqual(0L, rig.Session.AveragePowerMilliW);
        }
    }

    /// <summary>Commands act on the inputs they are given, without waiting for the next Update.</summary>
    [TestClass]
    public class SessionCommandTimingTests
    {
        [TestMethod]
        public static void An_expired_reservation_of_another_account_blocks_no_command()
        {
            var rig = new SessionRig();
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-2", 60, rig.In));
            rig.In.NowMs += 61000;
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Start(SessionRig.StartCommand("s-1", "acct-1"), rig.In));

            rig = new SessionRig();
            rig.Session.Reserve("acct-2", 60, rig.In);
            rig.In.NowMs += 61000;
            Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.Reserve("acct-1", 60, rig.In));

            rig = new SessionRig();
            rig.Session.Reserve("acct-2", 60, rig.In);
            rig.In.NowMs += 61000;
            Assert.AreEqual((int)CommandResultCode.NoReservation, (int)rig.Session.CancelReservation("acct-2", rig.In));
        }

        [TestMethod]
        public static void Stop_without_a_session_shows_an_expired_reservation_gone()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-2", 60, rig.In);
            rig.ExpectStatus(ConnectorStatus.Reserved, "reserved");
            rig.In.NowMs += 61000;
            Assert.AreEqual((int)CommandResultCode.NoSession, (int)rig.Session.Stop(rig.In));
            rig.ExpectStatus(ConnectorStatus.Preparing, "after the stop");
        }

        [TestMethod]
        public static void Reserve_reads_the_docking_it_is_given()
        {
            var rig = new SessionRig();
            rig.In.Docked = false;
            Assert.AreEqual((int)CommandResultCode.NotDocked, (int)rig.Session.Reserve("acct-1", 60, rig.In));
        }

        [TestMethod]
        public static void A_reservation_is_cut_to_one_day_and_cancelling_leaves_no_seconds()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 100000, rig.In);
            Assert.AreEqual((long)ChargingSession.MaxReservationS, rig.Session.ReservationLeftS);
            rig.Session.CancelReservation("acct-1", rig.In);
            Assert.AreEqual(0L, rig.Session.ReservationLeftS);
        }

        [TestMethod]
        public static void A_reservation_past_its_end_shows_0_s_before_it_is_expired()
        {
            var rig = new SessionRig();
            rig.Session.Reserve("acct-1", 60, rig.In);
            rig.In.NowMs += 120000;
            rig.Session.SetCurrentLimit(32, rig.In);
            Assert.AreEqual(0L, rig.Session.ReservationLeftS);
        }

        [TestMethod]
        public static void Stop_bills_the_time_since_the_last_tick()
        {
            var rig = new SessionRig();
            rig.In.VoltageV = 225.0;
            rig.StartOk();
            rig.Run(1000, 100);
            rig.In.NowMs += 1000;
            rig.Session.Stop(rig.In);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            Assert.AreEqual(2000L, record.EnergyMilliWh);
            Assert.AreEqual(3000L, record.StopMs);
        }

        [TestMethod]
        public static void A_limit_set_in_a_tick_announces_the_status_at_that_tick()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Drain();
            rig.In.NowMs += 500;
            rig.Session.SetCurrentLimit(0, rig.In);
            PodEvent[] events = rig.Drain();
            Assert.AreEqual("SuspendedEVSE", SessionRig.StatusTrail(events));
            Assert.AreEqual(rig.In.NowMs, EventDrain.FirstOf(events, EventKind.Status).TimeMs);
        }

        [TestMethod]
        public static void The_duration_after_a_stop_stays_the_final_one()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(5000, 100);
            rig.Session.Stop(rig.In);
            rig.Run(5000, 100);
            Assert.AreEqual(5000L, rig.Session.ElapsedMs);
        }

        [TestMethod]
        public static void A_clock_going_back_meters_nothing()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(1000, 100);
            long energy = rig.Session.Current.EnergyMilliWh;
            rig.Tick(-500);
            Assert.AreEqual(energy, rig.Session.Current.EnergyMilliWh);
        }

        [TestMethod]
        public static void A_stop_without_a_valid_clock_records_UTC_stop_as_0()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Run(1000, 100);
            rig.In.UtcValid = false;
            rig.Session.Stop(rig.In);
            Assert.AreEqual(0L, SessionRig.OnlyRecord(rig.Drain()).StopUtcS);
        }

        [TestMethod]
        public static void The_start_event_carries_no_leftovers_of_the_last_stop()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.FaultLatched = true;
            rig.In.LatchedFault = FaultCode.OverCurrent;
            rig.Tick(100);
            rig.In.FaultLatched = false;
            rig.In.LatchedFault = FaultCode.None;
            rig.Tick(100);
            rig.Drain();
            rig.Session.Start(SessionRig.StartCommand("s-2", "acct-1"), rig.In);
            PodEvent started = EventDrain.FirstOf(rig.Drain(), EventKind.SessionStarted);
            Assert.AreEqual(0, started.Arg);
            Assert.AreEqual((int)FaultCode.None, (int)started.Code);
            Assert.AreEqual(25.0, started.Record.PeakTemperatureC, "peak read at the start");
        }
    }

    /// <summary>EV idle detection at its edges, and the pilot's view of the connector status.</summary>
    [TestClass]
    public class SessionEvIdleEdgeTests
    {
        [TestMethod]
        public static void An_EV_idle_from_the_start_waits_the_whole_idle_delay()
        {
            var rig = new SessionRig();
            rig.In.CurrentA = 0.5;
            rig.StartOk();
            rig.Run(2900, 100);
            rig.ExpectStatus(ConnectorStatus.Charging, "before the delay");
            rig.Run(200, 100);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "after the delay");
        }

        [TestMethod]
        public static void An_EV_idle_from_time_0_becomes_SuspendedEV_exactly_after_the_delay()
        {
            var ring = new EventRing(64, 0);
            var session = new ChargingSession(new SessionConfig(), 32, ring);
            var now = new SessionInputs();
            now.Docked = true;
            now.Plugged = true;
            now.VoltageUsable = true;
            now.VoltageV = 230;
            now.CurrentUsable = true;
            now.CurrentA = 0.5;
            session.Start(SessionRig.StartCommand("s-1", "acct-1"), now);
            now.RelayClosed = true;
            for (int t = 0; t <= 3000; t += 100)
            {
                now.NowMs = t;
                session.Update(now);
            }

            Assert.AreEqual((int)ConnectorStatus.SuspendedEV, (int)session.Status);
        }

        [TestMethod]
        public static void No_current_with_the_relay_open_is_not_an_idle_EV()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.FollowRelay = false;
            rig.In.RelayClosed = false;
            rig.In.CurrentA = 0.0;
            rig.Run(10000, 100);
            rig.ExpectStatus(ConnectorStatus.Charging, "relay open");
        }

        [TestMethod]
        public static void The_pilot_view_sets_SuspendedEVSE_or_SuspendedEV_once_per_change()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.Drain();
            rig.Session.ObservePilot(true, false);
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "paused");
            rig.Session.ObservePilot(true, false);
            rig.Session.ObservePilot(false, false);
            rig.ExpectStatus(ConnectorStatus.Charging, "resumed");
            rig.Session.ObservePilot(false, true);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "EV waiting");
            rig.Session.ObservePilot(true, true);
            rig.ExpectStatus(ConnectorStatus.SuspendedEVSE, "paused while waiting");
            rig.Session.ObservePilot(false, true);
            rig.ExpectStatus(ConnectorStatus.SuspendedEV, "waiting again");
            Assert.AreEqual("SuspendedEVSE>Charging>SuspendedEV>SuspendedEVSE>SuspendedEV", SessionRig.StatusTrail(rig.Drain()));
        }
    }

    /// <summary>Which faults a record says it saw, and the wire names of every stop reason.</summary>
    [TestClass]
    public class SessionRecordEdgeTests
    {
        [TestMethod]
        public static void A_warning_present_at_the_start_is_seen_however_often_it_is_reported()
        {
            var rig = new SessionRig();
            rig.In.ActiveFaultsMask = 1 << (int)FaultCode.OverCurrent;
            rig.StartOk();
            rig.In.ActiveFaultsMask = 0;
            rig.Tick(100);
            rig.Session.Stop(rig.In);
            Assert.IsTrue(SessionRig.OnlyRecord(rig.Drain()).HasSeen(FaultCode.OverCurrent));
        }

        [TestMethod]
        public static void A_trip_on_a_fault_already_warned_keeps_it_seen()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.ActiveFaultsMask = 1 << (int)FaultCode.OverCurrent;
            rig.In.FaultLatched = true;
            rig.In.LatchedFault = FaultCode.OverCurrent;
            rig.Tick(100);
            Assert.IsTrue(SessionRig.OnlyRecord(rig.Drain()).HasSeen(FaultCode.OverCurrent));
        }

        [TestMethod]
        public static void A_latched_fault_code_counts_only_while_latched()
        {
            var rig = new SessionRig();
            rig.StartOk();
            rig.In.LatchedFault = FaultCode.OverVoltage;
            rig.Tick(100);
            rig.Session.Stop(rig.In);
            SessionRecord record = SessionRig.OnlyRecord(rig.Drain());
            Assert.IsFalse(record.HasSeen(FaultCode.OverVoltage));
            Assert.AreEqual(0, record.FaultsSeenMask);
        }

        [TestMethod]
        public static void HasSeen_reads_only_bits_1_to_31()
        {
            var record = new SessionRecord();
            record.FaultsSeenMask = 1 | (1 << 31);
            Assert.IsFalse(record.HasSeen(FaultCode.None));
            Assert.IsFalse(record.HasSeen((FaultCode)32));
            Assert.IsFalse(record.HasSeen((FaultCode)(-1)));
            Assert.IsTrue(record.HasSeen((FaultCode)31));
        }

        [DataRow(0, "none", "Other")]
        [DataRow(1, "stop_command", "Remote")]
        [DataRow(2, "unplugged", "EVDisconnected")]
        [DataRow(3, "trip", "EmergencyStop")]
        [DataRow(4, "energy_limit", "Other")]
        [DataRow(5, "duration_limit", "Other")]
        [DataRow(6, "amount_limit", "Other")]
        [DataRow(7, "undocked", "EVDisconnected")]
        [DataRow(8, "controller_lost", "Other")]
        [DataRow(9, "unknown", "Other")]
        [DataRow(-1, "unknown", "Other")]
        [TestMethod]
        public static void Every_stop_reason_has_its_wire_and_OCPP_name(int reason, string name, string ocpp)
        {
            Assert.AreEqual(name, StopReasonNames.Of((StopReason)reason));
            Assert.AreEqual(ocpp, StopReasonNames.OcppOf((StopReason)reason));
        }
    }
}
