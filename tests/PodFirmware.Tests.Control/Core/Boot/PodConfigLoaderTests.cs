using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.Core.Boot
{
    /// <summary>A missing, broken or invalid pod config gives the built-in safe defaults and a named problem, and such a pod still trips.</summary>
    [TestClass]
    public class PodConfigLoaderTests
    {
        private sealed class FixedParser : IConfigParser
        {
            public PodConfig Result;
            public bool Throws;
            public int Calls;

            public object Parse(string json, Type type)
            {
                Calls++;
                if (Throws)
                {
                    throw new Exception("bad token");
                }

                return Result;
            }
        }

        private static PodConfig Valid()
        {
            var config = new PodConfig();
            config.PodId = "pod-1";
            config.SiteId = "site-a";
            config.ParkingSpace = 4;
            config.Commands.KeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            return config;
        }

        [TestMethod]
        public static void A_valid_file_is_used_as_is()
        {
            var parser = new FixedParser();
            parser.Result = Valid();
            PodConfigLoader loaded = PodConfigLoader.Load("{\"podId\":\"pod-1\"}", parser);
            Assert.IsNull(loaded.Problem);
            Assert.AreSame(parser.Result, loaded.Config);
            Assert.AreEqual(0, loaded.Errors.Count);
        }

        [TestMethod]
        public static void A_duplicate_key_is_the_problem_and_the_file_is_not_parsed()
        {
            var parser = new FixedParser();
            parser.Result = Valid();
            PodConfigLoader loaded = PodConfigLoader.Load("{\"podId\":\"a\",\"podId\":\"b\"}", parser);
            Assert.AreEqual("podId: given twice (the loader would keep only the last)", loaded.Problem);
            Assert.AreEqual(0, parser.Calls);
            Assert.AreEqual("", loaded.Config.PodId);
        }

        [TestMethod]
        public static void A_missing_unreadable_empty_or_invalid_file_gives_safe_defaults_and_names_the_problem()
        {
            var parser = new FixedParser();
            Assert.AreEqual("file: not found", PodConfigLoader.Load(null, parser).Problem);
            Assert.AreEqual("file: holds no config object", PodConfigLoader.Load("null", parser).Problem);
            parser.Throws = true;
            Assert.AreEqual("file: unreadable (malformed JSON or an unknown key): bad token", PodConfigLoader.Load("{", parser).Problem);
            parser.Throws = false;
            parser.Result = Valid();
            parser.Result.TickPeriodMs = 5;
            PodConfigLoader loaded = PodConfigLoader.Load("{}", parser);
            Assert.AreEqual("tickPeriodMs: must be between 20 ms and 1000 ms, is 5 ms", loaded.Problem);
            Assert.AreNotSame(parser.Result, loaded.Config);
            Assert.AreEqual(100, loaded.Config.TickPeriodMs);
        }

        [TestMethod]
        public static void A_pod_on_safe_defaults_keeps_the_relay_open_and_still_trips_on_a_hot_connector()
        {
            PodConfigLoader loaded = PodConfigLoader.Load("{\"podId\":\"a\",\"podId\":\"b\"}", new FixedParser());
            var rig = new Rig(loaded.Config);
            rig.Pod.DisableCharging(loaded.Problem);
            Assert.IsFalse(rig.StartAndRun(), "charging disabled: the relay never closed");

            rig.Temperature.TemperatureC = 130.0;
            for (int i = 0; i < 100 && !rig.Pod.Supervisor.IsLatched; i++)
            {
                rig.Step();
            }

            Assert.IsTrue(rig.Pod.Supervisor.IsLatched);
            Assert.IsTrue(rig.Pod.Supervisor.LatchedCode == FaultCode.ConnectorTemperatureCeiling || rig.Pod.Supervisor.LatchedCode == FaultCode.ConnectorOverTemperature);
            Assert.IsFalse(rig.Relay.IsEnergised);
            Assert.AreEqual("podId: given twice (the loader would keep only the last)", rig.Pod.Status.ConfigError);
        }

        [TestMethod]
        public static void The_same_pod_with_charging_enabled_closes_the_relay()
        {
            var rig = new Rig(PodConfigLoader.SafeDefaults());
            Assert.IsTrue(rig.StartAndRun());
            Assert.IsNull(rig.Pod.Status.ConfigError);
        }

        private sealed class Rig
        {
            public readonly VirtualClock Clock = new VirtualClock();
            public readonly SimulatedRelay Relay;
            public readonly SimulatedNtcChannel Temperature;
            public readonly PodController Pod;

            public Rig(PodConfig config)
            {
                var twins = new TwinPorts(config, Clock);
                twins.Plug.Value = true;
                Relay = twins.Relay;
                Temperature = twins.Temperature;
                PodPorts ports = twins.Ports;
                Pod = PodAssembly.CreateController(config, Clock, ports);
            }

            public void Step()
            {
                Pod.Tick();
                Clock.AdvanceMs(100);
            }

            // Docked, plugged, locks engaging: a start after 1 s; returns whether the relay closed within 5 s.
            public bool StartAndRun()
            {
                var start = new Command();
                start.Type = CommandType.Start;
                start.Id = "c1";
                start.Account = "acct";
                bool closed = false;
                for (int i = 0; i < 50; i++)
                {
                    if (i == 10)
                    {
                        Pod.Commands.TryEnqueue(start);
                    }

                    Step();
                    closed |= Relay.IsEnergised;
                }

                return closed;
            }
        }
    }
}
