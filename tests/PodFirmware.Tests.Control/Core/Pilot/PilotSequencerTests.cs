using nanoFramework.TestFramework;
using PodFirmware.Core.Faults;
using PodFirmware.Core.Pilot;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Pilot
{
    [TestClass]
    public class PilotSequencerTests
    {
        private static PilotSequencer Create()
        {
            return new PilotSequencer(new EvConfig());
        }

        [TestMethod]
        public static void Unavailable_drives_state_F_and_no_offer_drives_constant_plus_12_V()
        {
            var p = Create();
            Assert.AreEqual(PilotSequencer.ConstantLow, p.Offer(true, 16, 0));
            Assert.IsFalse(p.Offering);
            Assert.AreEqual(PilotSequencer.ConstantHigh, p.Offer(false, 0, 0));
            Assert.AreEqual(PilotSequencer.ConstantHigh, p.Offer(false, 5.9, 0), "below 6 A the PWM stops");
            Assert.AreEqual(0.0, p.OfferedA);
            Assert.AreEqual(266, p.Offer(false, 16, 0));
            Assert.IsTrue(p.Offering);
            Assert.AreEqual(16.0, p.OfferedA);
        }

        [TestMethod]
        public static void The_relay_may_close_only_in_C_while_offering()
        {
            var p = Create();
            p.Offer(false, 16, 0);
            p.Judge(CpState.B, false);
            Assert.IsFalse(p.MayClose(false, true, 0));
            Assert.IsTrue(p.EvWaiting);
            p.Judge(CpState.C, false);
            Assert.IsTrue(p.MayClose(false, true, 0));
            p.Judge(CpState.D, false);
            Assert.IsFalse(p.MayClose(false, true, 0), "D without ventilationAllowed");
            Assert.IsTrue(p.VentilationRefused);
            Assert.IsFalse(p.EvWaiting);
            p.Judge(CpState.A, false);
            Assert.IsFalse(p.MayClose(false, true, 0));
        }

        [TestMethod]
        public static void D_charges_when_ventilation_is_allowed()
        {
            var config = new EvConfig();
            config.VentilationAllowed = true;
            var p = new PilotSequencer(config);
            p.Offer(false, 16, 0);
            p.Judge(CpState.D, false);
            Assert.IsTrue(p.MayClose(false, true, 0));
            Assert.IsFalse(p.VentilationRefused);
        }

        [TestMethod]
        public static void A_pause_keeps_the_relay_until_B_or_pauseOpenMs_at_the_latest()
        {
            var p = Create();
            p.Offer(false, 16, 0);
            p.Judge(CpState.C, false);
            p.Offer(false, 0, 10000);
            p.Judge(CpState.C, true);
            Assert.IsTrue(p.MayClose(true, true, 10000));
            Assert.IsTrue(p.MayClose(true, true, 12999));
            Assert.IsFalse(p.MayClose(true, true, 13000), "3000 ms after the PWM stopped");
            Assert.IsFalse(p.MayClose(true, false, 11000), "the session ended");
            Assert.IsFalse(p.MayClose(false, true, 11000), "a pause never closes an open relay");
            p.Judge(CpState.B, true);
            Assert.IsFalse(p.MayClose(true, true, 11000), "the EV went to B");
        }

        [TestMethod]
        public static void E_invalid_or_a_missing_diode_while_offering_is_a_pilot_fault_at_the_first_reading()
        {
            CpState[] bad = { CpState.E, CpState.Invalid, CpState.NoDiode };
            for (int i = 0; i < bad.Length; i++)
            {
                var config = new EvConfig();
                config.DebounceReadings = 5;
                var p = new PilotSequencer(config);
                p.Offer(false, 16, 0);
                p.Judge(bad[i], false);
                Assert.AreEqual(FaultCode.EVCommunicationError, p.Fault, CpStateNames.Of(bad[i]));
                Assert.IsFalse(p.MayClose(true, true, 0));
            }
        }

        [TestMethod]
        public static void A_short_while_the_pod_offers_nothing_and_the_relay_is_open_is_no_fault()
        {
            var p = Create();
            p.Offer(false, 0, 0);
            p.Judge(CpState.E, false);
            Assert.AreEqual(FaultCode.None, p.Fault);
            p.Judge(CpState.E, true);
            Assert.AreEqual(FaultCode.EVCommunicationError, p.Fault, "with the relay closed it is");
        }

        [TestMethod]
        public static void State_F_is_not_read_and_clears_the_fault()
        {
            var p = Create();
            p.Offer(false, 16, 0);
            p.Judge(CpState.E, true);
            p.Offer(true, 16, 100);
            p.Judge(CpState.F, false);
            Assert.AreEqual(FaultCode.None, p.Fault);
            Assert.AreEqual(CpState.F, p.State);
        }

        [DataRow(5, "ev.cable")]
        [DataRow(81, "ev.cable")]
        [TestMethod]
        public static void A_tethered_rating_outside_6_to_80_A_is_refused(int cable, string key)
        {
            var config = new EvConfig();
            config.Cable = cable;
            var errors = new ConfigErrors();
            config.Validate("ev", errors);
            Assert.AreEqual(1, errors.Count);
            Assert.Contains(key, errors[0]);
        }

        [TestMethod]
        public static void A_tick_longer_than_stopOpenMs_is_refused_naming_both_keys()
        {
            var config = new PodFirmware.Core.Config.PodConfig();
            config.PodId = "pod-1";
            config.SiteId = "site-1";
            config.ParkingSpace = 1;
            config.Commands.KeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            Assert.AreEqual(0, config.Validate().Count, config.Validate().ToString());
            config.TickPeriodMs = 200;
            ConfigErrors errors = config.Validate();
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains("tickPeriodMs", errors[0]);
            Assert.Contains("ev.stopOpenMs (100 ms)", errors[0]);
            config.Ev.StopOpenMs = 200;
            Assert.AreEqual(0, config.Validate().Count);
        }

        [TestMethod]
        public static void A_burst_shorter_than_two_PWM_periods_is_refused()
        {
            var config = new EvConfig();
            config.CpBurstSamples = 39;
            var errors = new ConfigErrors();
            config.Validate("ev", errors);
            Assert.AreEqual(1, errors.Count);
            Assert.Contains("ev.cpBurstSamples", errors[0]);
            config.CpBurstSamples = 40;
            errors = new ConfigErrors();
            config.Validate("ev", errors);
            Assert.AreEqual(0, errors.Count);
        }
    }
}
