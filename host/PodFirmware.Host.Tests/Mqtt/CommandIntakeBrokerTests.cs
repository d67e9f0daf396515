using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Heartbeat;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Simulated;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// The pod's command intake over a real mosquitto broker: a back end signs a command with CommandSigner (the code
    /// behind <c>./pod sign</c>), publishes it on pods/{podId}/cmd, and reads pods/{podId}/cmd/result.
    /// </summary>
    public sealed class CommandIntakeBrokerTests : IDisposable
    {
        private const int SoonMs = 10000;
        private const string Pod = "P-017";
        private const string Site = "S-1";
        private const string CmdTopic = "pods/P-017/cmd";
        private const string ResultTopic = "pods/P-017/cmd/result";
        private const string HeartbeatTopic = "site/S-1/heartbeat";

        private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

        private readonly MosquittoBroker _broker = new MosquittoBroker();
        private readonly MosquittoLink _podLink = new MosquittoLink();
        private readonly MosquittoLink _backEnd = new MosquittoLink();
        private readonly EventRing _events = new EventRing(16, 4);
        private readonly CommandQueue _queue = new CommandQueue(4);
        private readonly UtcTime _utc = new UtcTime();
        private readonly HeartbeatMonitor _heartbeat;
        private readonly MessagingPump _pump;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _results = new List<string>();
        private readonly MqttInboundMessage _inbound = new MqttInboundMessage();

        public CommandIntakeBrokerTests()
        {
            var config = new PodConfig { PodId = Pod, SiteId = Site, ParkingSpace = 3 };
            _heartbeat = new HeartbeatMonitor(new HeartbeatConfig(), 0, _events, _utc);
            var publisher = new ReliablePublisher(_podLink, new Outbox(new MemoryBlobStore(), 16, 1024), 16, 30000);
            _pump = new MessagingPump(config, _podLink, _events, new PodStatus(), publisher);
            _pump.EnableCommands(new CommandAuthenticator(Pod, Key), _queue, _utc);
            _pump.EnableHeartbeat(_heartbeat);

            _podLink.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = Pod, KeepAliveS = 5, WillTopic = "pods/P-017/availability", WillPayload = "offline" });
            _backEnd.Subscribe(ResultTopic, 1);
            _backEnd.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = _broker.Port, ClientId = "back-end", KeepAliveS = 5 });
            Wait.Until(() => _podLink.IsConnected && _backEnd.IsConnected, SoonMs, "both links connect", () => "broker: " + _broker.Stderr);

            // The controller's heartbeat sets the pod's clock; its arrival also proves the pod's subscriptions are active
            // (cmd is subscribed before heartbeat on the same connection). A beat published before the pod's SUBSCRIBE
            // reached the broker is lost, so it is offered again, paced: beats offered on every poll would flood the
            // pod's bounded inbound queue, and the command published next, right behind them, would be dropped.
            byte[] beat = Encoding.UTF8.GetBytes("{\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"seq\":1}");
            Wait.UntilProbing(
                () => _backEnd.Publish(HeartbeatTopic, beat, beat.Length, 0, false, out _),
                () =>
                {
                    _pump.Pump(NowMs);
                    return _heartbeat.BeatCount > 0;
                },
                SoonMs,
                "the pod hears the heartbeat",
                () => "pod inbound dropped " + _podLink.DroppedInboundCount);
            Assert.True(_utc.IsValid);
        }

        private long NowMs => _clock.ElapsedMilliseconds;

        public void Dispose()
        {
            _podLink.Dispose();
            _backEnd.Dispose();
            _broker.Dispose();
        }

        private static byte[] Command(string type, string id, string nonce)
        {
            long ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string json = "{\"pod\":\"" + Pod + "\",\"id\":\"" + id + "\",\"ts\":" + ts + ",\"nonce\":\"" + nonce + "\",\"type\":\"" + type + "\"}";
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return CommandSigner.Sign(Key, bytes, bytes.Length);
        }

        private void Publish(byte[] envelope)
        {
            Assert.True(_backEnd.Publish(CmdTopic, envelope, envelope.Length, 1, false, out _));
        }

        /// <summary>Pumps and collects results until <paramref name="count"/> have arrived; returns all so far.</summary>
        private List<string> AwaitResults(int count, Action tick = null)
        {
            Wait.Until(() =>
            {
                Drain(tick);
                return _results.Count >= count;
            }, SoonMs, count + " result(s) on " + ResultTopic, () => "pod inbound dropped " + _podLink.DroppedInboundCount
                + ", outbox overflow " + _pump.Publisher.Outbox.OverflowCount + ", unstored " + _pump.Publisher.UnstoredPublishCount + ", busy unstored " + _pump.BusyUnstoredCount + ", lost " + _pump.LostResultCount
                + ", " + _results.Count + " results: " + string.Join(" | ", _results));
            return _results;
        }

        /// <summary>One pass of the pod (pump, tick, pump) and of the back end collecting results.</summary>
        private void Drain(Action tick)
        {
            _pump.Pump(NowMs);
            tick?.Invoke();
            _pump.Pump(NowMs);
            while (_backEnd.TryTakeMessage(_inbound))
            {
                Assert.Equal(ResultTopic, _inbound.Topic);
                _results.Add(Encoding.UTF8.GetString(_inbound.Payload, 0, _inbound.Length));
            }
        }

        /// <summary>Stands in for the control tick: applies every queued command and reports ok.</summary>
        private void Tick()
        {
            var command = new Command();
            while (_queue.TryTake(command))
            {
                _events.TryWrite(new PodEvent { Kind = EventKind.CommandResult, Text = command.Id, Arg = (int)CommandResultCode.Ok });
            }
        }

        [Fact]
        public void A_signed_command_yields_exactly_one_ok_result_and_a_forged_one_bad_signature()
        {
            Publish(Command("stop", "stop-1", "0123456789abcdef"));
            List<string> results = AwaitResults(1, Tick);
            Assert.Equal("{\"id\":\"stop-1\",\"ok\":true,\"code\":\"ok\",\"reason\":\"Applied.\"}", results[0]);

            byte[] forged = Command("unlock", "forged-1", "fedcba9876543210");
            forged[forged.Length - 3] = forged[forged.Length - 3] == (byte)'0' ? (byte)'1' : (byte)'0';
            Publish(forged);

            // The forged command's result comes second: nothing else was published for stop-1 in between.
            results = AwaitResults(2, Tick);
            Assert.Equal(2, results.Count);
            Assert.StartsWith("{\"id\":\"forged-1\",\"ok\":false,\"code\":\"bad_signature\",", results[1]);
            Assert.Equal(0, _queue.Count);
            Assert.Equal(0, _podLink.DroppedInboundCount);
        }
        [Fact]
        public void A_flood_of_5000_commands_a_second_gets_one_result_per_command_shedding_what_the_pump_cannot_take()
        {
            // half a second of flood, one command in five validly signed, the others forged or not JSON
            const int total = 2500;
            var envelopes = new List<byte[]>();
            var expected = new List<string>();
            for (int i = 0; i < total; i++)
            {
                string id = "f-" + i;
                byte[] envelope = Command("get_status", id, i.ToString("x16"));
                if (i % 5 == 1 || i % 5 == 2)
                {
                    envelope[envelope.Length - 3] = envelope[envelope.Length - 3] == (byte)'0' ? (byte)'1' : (byte)'0';
                }
                else if (i % 5 >= 3)
                {
                    envelope = Encoding.UTF8.GetBytes("not json " + i);
                    id = null;
                }

                envelopes.Add(envelope);
                expected.Add(id);
            }

            // The pod pumps at its own pace (every 50 ms, as MessagingLoopCore does) while the back end publishes at
            // 5,000 a second; the flood's length is set by the count, not by a timed assertion.
            var watch = Stopwatch.StartNew();
            long nextPumpMs = 0;
            void PumpWhenDue()
            {
                if (watch.ElapsedMilliseconds >= nextPumpMs)
                {
                    Drain(Tick);
                    nextPumpMs += MessagingLoopCore.PumpPeriodMs;
                }
            }

            for (int i = 0; i < total; i++)
            {
                while (watch.ElapsedMilliseconds < i / 5 || !_backEnd.Publish(CmdTopic, envelopes[i], envelopes[i].Length, 1, false, out _))
                {
                    PumpWhenDue();
                    System.Threading.Thread.Yield();
                }

                PumpWhenDue();
            }

            List<string> results = AwaitResults(total, Tick);

            Assert.Equal(total, results.Count);
            var ids = results.Select(IdOf).ToList();
            Assert.Equal(expected.Count(id => id == null), ids.Count(id => id == null));
            Assert.Equal(expected.Where(id => id != null).OrderBy(id => id), ids.Where(id => id != null).OrderBy(id => id));
            Assert.True(_pump.ShedCount > 0, "the backlog was shed, not queued for seconds");
            Assert.Equal(0, _pump.LostResultCount);
            Assert.Equal(0, _podLink.DroppedInboundCount);
        }

        /// <summary>Publishes every envelope at QoS 1 in one burst, retrying only while the back end's own outbound queue is full.</summary>
        private void PublishBurst(List<byte[]> envelopes)
        {
            foreach (byte[] envelope in envelopes)
            {
                byte[] e = envelope;
                Wait.Until(() =>
                {
                    // the pod keeps running meanwhile, as on its own messaging thread
                    Drain(Tick);
                    return _backEnd.Publish(CmdTopic, e, e.Length, 1, false, out _);
                }, SoonMs, "the back end queues a command");
            }
        }

        private static string IdOf(string result)
        {
            const string prefix = "{\"id\":";
            Assert.StartsWith(prefix, result);
            if (result.StartsWith(prefix + "null", StringComparison.Ordinal))
            {
                return null;
            }

            int start = prefix.Length + 1;
            return result.Substring(start, result.IndexOf('"', start) - start);
        }

        [Fact]
        public void A_burst_of_500_valid_commands_gets_500_results_one_per_id()
        {
            var envelopes = new List<byte[]>();
            for (int i = 0; i < 500; i++)
            {
                envelopes.Add(Command("get_status", "b-" + i, i.ToString("x16")));
            }

            PublishBurst(envelopes);
            List<string> results = AwaitResults(500, Tick);

            // one result per command: ok when the queue took it, busy when it was full; never none, never two
            Assert.Equal(500, results.Count);
            var ids = results.Select(IdOf).ToList();
            Assert.Equal(500, ids.Distinct().Count());
            // (replayed: a command with the same ts second as one already accepted, by the replay horizon's rule)
            Assert.All(results, r => Assert.True(r.Contains("\"code\":\"ok\"") || r.Contains("\"code\":\"busy\"") || r.Contains("\"code\":\"replayed\""), r));
            Assert.Equal(0, _podLink.DroppedInboundCount);
            Assert.Equal(0, _backEnd.DroppedInboundCount);
        }

        [Fact]
        public void A_mixed_burst_of_valid_and_invalid_commands_gets_one_result_per_command()
        {
            var envelopes = new List<byte[]>();
            var expected = new List<string>();
            for (int i = 0; i < 300; i++)
            {
                string id = "m-" + i;
                byte[] envelope = Command(i % 3 == 0 ? "get_status" : "stop", id, i.ToString("x16"));
                switch (i % 5)
                {
                    case 1:
                        envelope[envelope.Length - 3] = envelope[envelope.Length - 3] == (byte)'0' ? (byte)'1' : (byte)'0';
                        break;
                    case 2:
                        // not JSON: answered malformed (or busy) with a null id, as no id can be trusted from it
                        envelope = Encoding.UTF8.GetBytes("{\"id\":\"" + id + "\",\"garbage\"");
                        id = null;
                        break;
                    case 3:
                        envelope = new byte[] { 0xFF, 0x00, (byte)'{', (byte)i };
                        id = null;
                        break;
                }

                envelopes.Add(envelope);
                expected.Add(id);
            }

            PublishBurst(envelopes);
            List<string> results = AwaitResults(300, Tick);

            Assert.Equal(300, results.Count);
            var ids = results.Select(IdOf).ToList();
            Assert.Equal(expected.Count(id => id == null), ids.Count(id => id == null));
            var named = ids.Where(id => id != null).ToList();
            Assert.Equal(named.Count, named.Distinct().Count());
            Assert.Equal(expected.Where(id => id != null).OrderBy(id => id), named.OrderBy(id => id));
            Assert.Equal(0, _podLink.DroppedInboundCount);
        }
    }
}
