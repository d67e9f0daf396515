using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// Key rotation over a real mosquitto broker: a back end rotates the pod's command key with a signed rotate_key,
    /// then signs with the new key under its key id while the old one still works; the rotated ring survives a reboot
    /// of the messaging side; a production build answers a command under the public demo key with demo_key.
    /// </summary>
    public sealed class KeyRotationBrokerTests : IDisposable
    {
        private const int SoonMs = 10000;
        private const string Pod = "P-017";
        private const string CmdTopic = "pods/P-017/cmd";
        private const string ResultTopic = "pods/P-017/cmd/result";
        private const string HeartbeatTopic = "site/S-1/heartbeat";

        private static readonly byte[] OldKey = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        private static readonly byte[] NewKey = Enumerable.Range(0, 48).Select(i => (byte)(200 - i)).ToArray();

        private readonly MosquittoBroker _broker = new MosquittoBroker();
        private readonly MosquittoLink _backEnd = new MosquittoLink();
        private readonly MemoryBlobStore _flash = new MemoryBlobStore();
        private readonly List<string> _results = new List<string>();
        private readonly MqttInboundMessage _inbound = new MqttInboundMessage();
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private MosquittoLink _podLink;
        private MessagingPump _pump;
        private CommandQueue _queue;
        private int _sent;

        public KeyRotationBrokerTests()
        {
            _backEnd.Subscribe(ResultTopic, 1);
            _backEnd.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = "back-end", KeepAliveS = 5 });
        }

        private long NowMs => _clock.ElapsedMilliseconds;

        public void Dispose()
        {
            _podLink?.Dispose();
            _backEnd.Dispose();
            _broker.Dispose();
        }

        /// <summary>Boots the pod's messaging side over the same flash: config key k1 (<see cref="OldKey"/>), ring restored.</summary>
        private void Boot(byte[] configuredKey, bool productionBuild)
        {
            _podLink?.Dispose();
            var config = new PodConfig { PodId = Pod, SiteId = "S-1", ParkingSpace = 3 };
            config.Commands.KeyHex = Convert.ToHexString(configuredKey).ToLowerInvariant();
            config.Commands.KeyId = "k1";
            var events = new EventRing(16, 4);
            var utc = new UtcTime();
            var heartbeat = new HeartbeatMonitor(new HeartbeatConfig(), 0, events, utc);
            _queue = new CommandQueue(4);
            _podLink = new MosquittoLink();
            var publisher = new ReliablePublisher(_podLink, new Outbox(new MemoryBlobStore(), 16, 1024), 16, 30000);
            _pump = new MessagingPump(config, _podLink, events, new PodStatus(), publisher);
            _pump.EnableCommands(config.Commands.CreateAuthenticator(Pod, _flash, productionBuild), _queue, utc);
            _pump.EnableHeartbeat(heartbeat);
            _podLink.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = Pod, KeepAliveS = 5 });
            Wait.Until(() => _podLink.IsConnected && _backEnd.IsConnected, SoonMs, "both links connect", () => "broker: " + _broker.Stderr);
            byte[] beat = Encoding.UTF8.GetBytes("{\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"seq\":1}");
            Wait.UntilProbing(
                () => _backEnd.Publish(HeartbeatTopic, beat, beat.Length, 0, false, out _),
                () =>
                {
                    _pump.Pump(NowMs);
                    return heartbeat.BeatCount > 0;
                },
                SoonMs,
                "the pod hears the heartbeat",
                () => "pod inbound dropped " + _podLink.DroppedInboundCount);
        }

        /// <summary>Signs <paramref name="typeAndFields"/> with <paramref name="key"/>, names <paramref name="kid"/> (none when null), publishes it and returns the result the pod answers.</summary>
        private string Send(byte[] key, string kid, string typeAndFields, Func<string, string> fields = null)
        {
            _sent++;
            string nonce = RandomNumberGenerator.GetHexString(32, true);
            string body = fields == null ? typeAndFields : typeAndFields + fields(nonce);
            string json = "{\"pod\":\"" + Pod + "\",\"id\":\"c-" + _sent + "\",\"ts\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"nonce\":\"" + nonce + "\"," + body + "}";
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            string envelope = Encoding.ASCII.GetString(CommandSigner.Sign(key, bytes, bytes.Length));
            if (kid != null)
            {
                envelope = "{\"kid\":\"" + kid + "\"," + envelope.Substring(1);
            }

            byte[] payload = Encoding.ASCII.GetBytes(envelope);
            Assert.True(_backEnd.Publish(CmdTopic, payload, payload.Length, 1, false, out _));
            int count = _results.Count + 1;
            Wait.Until(() =>
            {
                _pump.Pump(NowMs);
                var command = new Command();
                while (_queue.TryTake(command))
                {
                    // Stands in for the control tick: the queued command's ok comes back through the event ring.
                    _results.Add("{\"id\":\"" + command.Id + "\",\"ok\":true,\"code\":\"ok\",\"queued\":true}");
                }

                while (_backEnd.TryTakeMessage(_inbound))
                {
                    _results.Add(Encoding.UTF8.GetString(_inbound.Payload, 0, _inbound.Length));
                }

                return _results.Count >= count;
            }, SoonMs, "the result of c-" + _sent, () => string.Join(" | ", _results));
            Assert.Contains("\"id\":\"c-" + _sent + "\"", _results[count - 1]);
            return _results[count - 1];
        }

        private static Func<string, string> Rotation(string newId, byte[] newKey, byte[] signingKey)
        {
            return nonce => ",\"keyId\":\"" + newId + "\",\"key\":\"" + Convert.ToHexString(CommandKeys.Wrap(signingKey, nonce, newKey)).ToLowerInvariant() + "\"";
        }

        [Fact]
        public void A_rotated_key_signs_under_its_id_the_old_one_works_through_the_grace_time_and_both_survive_a_reboot()
        {
            Boot(OldKey, false);
            Assert.Contains("\"code\":\"ok\"", Send(OldKey, "k1", "\"type\":\"rotate_key\"", Rotation("k2", NewKey, OldKey)));
            Assert.Contains("\"queued\":true", Send(NewKey, "k2", "\"type\":\"stop\""));
            Assert.Contains("\"queued\":true", Send(OldKey, "k1", "\"type\":\"stop\""));
            Assert.Contains("\"code\":\"bad_signature\"", Send(OldKey, null, "\"type\":\"stop\""));
            Assert.Contains("\"code\":\"key_rejected\"", Send(OldKey, "k1", "\"type\":\"rotate_key\"", Rotation("k3", OldKey.Reverse().ToArray(), OldKey)));
            Assert.Contains("\"code\":\"unknown_key\"", Send(NewKey, "k3", "\"type\":\"stop\""));

            Boot(OldKey, false);
            Assert.Contains("\"queued\":true", Send(NewKey, null, "\"type\":\"stop\""));
            Assert.Contains("\"queued\":true", Send(OldKey, "k1", "\"type\":\"get_status\""));
        }

        [Fact]
        public void A_production_build_answers_a_command_under_the_demo_key_with_demo_key_and_a_bench_build_takes_it()
        {
            byte[] demo = Convert.FromHexString(CommandKeys.DemoKeyHex);
            Boot(demo, true);
            string refused = Send(demo, null, "\"type\":\"stop\"");
            Assert.Contains("\"ok\":false,\"code\":\"demo_key\"", refused);
            Assert.Contains("the public demo key is refused on a production build", refused);

            Boot(demo, false);
            Assert.Contains("\"queued\":true", Send(demo, null, "\"type\":\"stop\""));
        }
    }
}
