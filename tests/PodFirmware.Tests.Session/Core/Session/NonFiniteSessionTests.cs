using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Events;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Session
{
    /// <summary>NaN and infinities reaching the charging session are refused or ignored, the same on nanoCLR and .NET.</summary>
    [TestClass]
    public class NonFiniteSessionTests
    {
        private static readonly double[] Bad = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        private static string What(int i)
        {
            return i == 0 ? "NaN" : (i == 1 ? "+inf" : "-inf");
        }

        [TestMethod]
        public static void A_non_finite_current_limit_is_refused_and_changes_nothing()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rig = new SessionRig();
                Assert.AreEqual((int)CommandResultCode.Ok, (int)rig.Session.SetCurrentLimit(10.0), What(i));
                Assert.AreEqual((int)CommandResultCode.LimitOutOfRange, (int)rig.Session.SetCurrentLimit(Bad[i]), What(i));
                Assert.AreEqual(10.0, rig.Session.ControllerLimitA, What(i));
                Assert.AreEqual(10.0, rig.Session.AllowedCurrentA, What(i));
            }
        }

        [TestMethod]
        public static void A_non_finite_rated_current_is_refused_at_construction()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                double bad = Bad[i];
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ChargingSession(new SessionConfig(), bad, new EventRing(8, 0)), What(i));
            }
        }

        [TestMethod]
        public static void Non_finite_readings_meter_no_energy_and_set_no_peak_temperature()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var rig = new SessionRig();
                rig.StartOk();
                rig.Run(1000, 100);
                long energy = rig.Session.Current.EnergyMilliWh;
                rig.In.CurrentA = Bad[i];
                rig.Run(1000, 100);
                rig.In.CurrentA = 16.0;
                rig.In.VoltageV = Bad[i];
                rig.In.TemperatureC = Bad[i];
                rig.Run(1000, 100);
                Assert.AreEqual(energy, rig.Session.Current.EnergyMilliWh, What(i) + ": even when flagged usable by mistake");
                Assert.AreEqual(25.0, rig.Session.Current.PeakTemperatureC, What(i));
            }
        }

        [TestMethod]
        public static void A_non_finite_ev_idle_current_is_one_named_error()
        {
            for (int i = 0; i < Bad.Length; i++)
            {
                var config = new SessionConfig();
                config.EvIdleCurrentA = Bad[i];
                var errors = new ConfigErrors();
                config.Validate("session", errors);
                Assert.AreEqual(1, errors.Count, What(i) + ": " + errors.ToString());
                Assert.AreEqual("session.evIdleCurrentA: must be a finite number", errors[0], What(i));
            }
        }
    }
}
