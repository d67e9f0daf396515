using System;
using System.Text;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Console;
using PodFirmware.Core.Control;
using PodFirmware.Json;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.SerialConsole;
using PodFirmware.Tests.Core.Control;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>A pod over simulated twins in virtual time with a console on a fake port, for the console tests.</summary>
    public sealed class ConsoleRig
    {
        /// <summary>Collects what the console writes; hands it scripted input bytes.</summary>
        public sealed class FakePort : IConsolePort
        {
            private byte[] _input = new byte[0];
            private int _at;
            public string Output = "";
            public bool Ended;

            public void Type(string text)
            {
                byte[] more = Encoding.UTF8.GetBytes(text);
                byte[] all = new byte[_input.Length - _at + more.Length];
                Array.Copy(_input, _at, all, 0, _input.Length - _at);
                Array.Copy(more, 0, all, _input.Length - _at, more.Length);
                _input = all;
                _at = 0;
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = _input.Length - _at < count ? _input.Length - _at : count;
                if (n == 0)
                {
                    return Ended ? -1 : 0;
                }

                Array.Copy(_input, _at, buffer, offset, n);
                _at += n;
                return n;
            }

            public void Write(string text)
            {
                Output = Output + text;
            }

            public string Take()
            {
                string text = Output;
                Output = "";
                return text;
            }
        }

        /// <summary>The config file in memory.</summary>
        public sealed class MemoryStore : IConfigStore
        {
            public string Text;
            public bool Fails;
            public int Writes;

            public string Read()
            {
                return Text;
            }

            public bool Write(string text)
            {
                if (Fails)
                {
                    return false;
                }

                Writes++;
                Text = text;
                return true;
            }
        }

        /// <summary>
        /// Reads the keys these tests use with the core's JsonReader (the board's test assembly has no JSON
        /// deserializer); throws on anything else, as the real loaders do on an unknown key.
        /// </summary>
        public sealed class MiniParser : IConfigParser
        {
            public object Parse(string json, Type type)
            {
                var reader = new JsonReader(4096, 4, 256);
                byte[] data = Encoding.UTF8.GetBytes(json);
                string error;
                if (!reader.TryParse(data, data.Length, out error))
                {
                    throw new Exception(error);
                }

                var config = new PodConfig();
                string text;
                long number;
                bool flag;
                if (reader.GetString("podId", out text) == JsonFieldStatus.Ok) { config.PodId = text; }
                if (reader.GetString("siteId", out text) == JsonFieldStatus.Ok) { config.SiteId = text; }
                if (reader.GetLong("parkingSpace", out number) == JsonFieldStatus.Ok) { config.ParkingSpace = (int)number; }
                if (reader.GetLong("tickPeriodMs", out number) == JsonFieldStatus.Ok) { config.TickPeriodMs = (int)number; }
                if (reader.GetBool("benchMode", out flag) == JsonFieldStatus.Ok) { config.BenchMode = flag; }
                if (reader.GetString("commands.keyHex", out text) == JsonFieldStatus.Ok) { config.Commands.KeyHex = text; }
                return config;
            }
        }

        public const string ValidFile = "{\n  \"podId\": \"pod-9\",\n  \"siteId\": \"site-a\",\n  \"parkingSpace\": 9,\n  \"commands\": { \"keyHex\": \"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\" }\n}\n";

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly SimulatedRelay Relay;
        public readonly SimulatedNtcChannel Temperature;
        public readonly PodConfig Config;
        public readonly SimulatedDigitalInput Plug;
        public readonly SimulatedLock Wheel;
        public readonly PodController Pod;
        public readonly LogRing Log = new LogRing(8);
        public readonly FakePort Port = new FakePort();
        public readonly MemoryStore Store = new MemoryStore();
        public readonly ConsoleInterpreter Console;
        public readonly ConsoleLoop Loop;
        public readonly SimulatedPwmOutput Pilot;
        public readonly SimulatedEv Ev;
        public readonly SimulatedRcd Rcd;

        public ConsoleRig() : this(false, null)
        {
        }

        public ConsoleRig(bool benchMode, string configError) : this(benchMode, configError, false)
        {
        }

        /// <param name="pilot">With a control pilot and an EV simulator (connected, asking, 220 ohm cable) on its CP and PP.</param>
        public ConsoleRig(bool benchMode, string configError, bool pilot)
        {
            Store.Text = ValidFile;
            PodConfig config = (PodConfig)new MiniParser().Parse(ValidFile, typeof(PodConfig));
            config.BenchMode = benchMode;
            Config = config;
            var twins = new TwinPorts(config, Clock);
            Relay = twins.Relay;
            Wheel = twins.Wheel;
            Plug = twins.Plug;
            Temperature = twins.Temperature;
            PodPorts ports = twins.Ports;
            Rcd = new SimulatedRcd(Clock);
            ports.RcdFault = Rcd.FaultOutput;
            ports.RcdTest = Rcd;
            if (pilot)
            {
                Pilot = new SimulatedPwmOutput();
                Ev = new SimulatedEv(Clock, Pilot);
                Ev.ReactionMs = 0;
                Ev.Connected = true;
                Ev.AsksForPower = true;
                ports.PilotOutput = Pilot;
                ports.PilotChannel = Ev.CpChannel;
                ports.ProximityChannel = Ev.PpChannel;
            }

            Pod = PodAssembly.CreateController(config, Clock, ports);
            if (configError != null)
            {
                Pod.DisableCharging(configError);
            }

            Console = new ConsoleInterpreter(Pod, config, Log, Port, Store, new MiniParser());
            Console.NewLine = "\n";
            Loop = new ConsoleLoop(Port, Console, new LineAssembler(LineAssembler.DefaultMaxChars), new NoPause());
            Ticks(20);
        }

        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Pod.Tick();
                Clock.AdvanceMs(100);
            }
        }

        /// <summary>Types <paramref name="line"/>, runs a console turn, one tick, another turn; returns what the console wrote.</summary>
        public string Run(string line)
        {
            Port.Type(line + "\r\n");
            Loop.Turn();
            Ticks(1);
            Loop.Turn();
            return Port.Take();
        }

        /// <summary>Plugs in and starts a session with a start command; ticks until it runs (at most 2 s).</summary>
        public void StartSession()
        {
            Plug.Value = true;
            Ticks(2);
            var start = new Command();
            start.Type = CommandType.Start;
            start.Id = "c1";
            start.Account = "acct";
            Pod.Commands.TryEnqueue(start);
            for (int i = 0; i < 20 && !Pod.Session.IsActive; i++)
            {
                Ticks(1);
            }
        }

        /// <summary>Heats the connector until the pod latches a thermal trip.</summary>
        public void Trip()
        {
            Temperature.TemperatureC = 130.0;
            for (int i = 0; i < 200 && !Pod.Supervisor.IsLatched; i++)
            {
                Ticks(1);
            }
        }

        private sealed class NoPause : IThreadPause
        {
            public void Pause(int milliseconds)
            {
            }
        }
    }
}
