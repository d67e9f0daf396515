using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Bench
{
    /// <summary>
    /// What the pod's two threads spend per step on the host build of the portable code: one control tick of a
    /// charging pod (sensor conversion, every rule, locks, session, relay; the simulated ADC twins generate their
    /// bursts inside it, so it is an upper bound of the portable work), one messaging pump, one command check and one
    /// NMEA sentence. These are .NET JIT figures, not ESP32 ones: use them to compare changes, not to size the board.
    /// </summary>
    [MemoryDiagnoser]
    public class PodBenchmarks
    {
        private const string DemoConfig =
            "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17," +
            "\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}";

        private static readonly byte[] Gga = Encoding.ASCII.GetBytes("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n");

        private VirtualPod _pod;
        private VirtualClock _clock;
        private MessagingPump _pump;
        private PodConfig _config;
        private CommandAuthenticator _authenticator;
        private byte[] _envelope;
        private byte[] _forged;
        private readonly Command _verified = new Command();
        private NmeaParser _nmea;
        private long _nowMs;

        /// <summary>Builds a pod that is charging at 16 A, its pump on a link that accepts everything, and a signed command.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _config = ConfigFile.Parse(DemoConfig, "bench");
            var run = ScenarioRun.Create(_config, ScenarioParser.Parse("0 current_a 16\n0 plug in\n0 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n"));
            run.RunUntil(1000, _ => { });
            _pod = run.Pod;
            _clock = (VirtualClock)_pod.Clock;
            var link = new AcceptingLink();
            _pump = new MessagingPump(_config, link, _pod.Controller, new ReliablePublisher(link, new Outbox(new MemoryBlobStore(), 16, 1024), 16, 30000));
            _authenticator = _config.Commands.CreateAuthenticator(_config.PodId);
            _envelope = _pod.SignCommand("{\"type\":\"get_status\"}").Envelope;
            _forged = _pod.SignCommand("{\"type\":\"get_status\"}").Envelope;
            _forged[_forged.Length - 3] ^= 1;
            _nmea = new NmeaParser();
        }

        /// <summary>One control tick of a charging pod, then 100 ms of virtual time.</summary>
        [Benchmark]
        public void ControlTick()
        {
            _pod.Tick();
            _clock.AdvanceMs(100);
        }

        /// <summary>One messaging pump: drain events, status on change, telemetry when due.</summary>
        [Benchmark]
        public void MessagingPump()
        {
            _nowMs += 50;
            _pump.Pump(_nowMs);
        }

        /// <summary>Verifying one signed command envelope: base64, HMAC-SHA256, strict JSON, window (replay check included).</summary>
        [Benchmark]
        public CommandAuthResult VerifyCommand()
        {
            // The same envelope again is a replay after the first call: the cost up to the replay verdict is the full check.
            return _authenticator.Verify(_envelope, _envelope.Length, 1767225600, _verified);
        }

        /// <summary>Refusing one envelope whose signature does not match: base64 and HMAC-SHA256, then the verdict.</summary>
        [Benchmark]
        public CommandAuthResult VerifyForgedCommand()
        {
            return _authenticator.Verify(_forged, _forged.Length, 1767225600, _verified);
        }

        /// <summary>Parsing one GGA sentence byte by byte, as the GNSS UART delivers it.</summary>
        [Benchmark]
        public void NmeaSentence()
        {
            _nmea.Feed(Gga, 0, Gga.Length, 0);
        }

        private sealed class AcceptingLink : IMqttLink
        {
            private int _id;

            public bool IsConnected => true;

            public int DroppedInboundCount => 0;

            public int InboundCount => 0;

            public void Start(MqttLinkOptions options)
            {
            }

            public void Stop()
            {
            }

            public bool Publish(string topic, byte[] payload, int length, int qos, bool retain, out int messageId)
            {
                messageId = ++_id;
                return true;
            }

            public void Subscribe(string topic, int qos)
            {
            }

            public bool TryTakeMessage(MqttInboundMessage into) => false;

            public bool TryTakeAck(out int messageId)
            {
                messageId = 0;
                return false;
            }
        }
    }
}
