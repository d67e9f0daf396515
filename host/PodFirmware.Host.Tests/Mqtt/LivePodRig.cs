using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Simulation;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>One message a back-end link received: its topic and its payload as text.</summary>
    public sealed class ReceivedMessage
    {
        /// <summary>The topic it arrived on.</summary>
        public string Topic;

        /// <summary>The payload, UTF-8.</summary>
        public string Text;

        /// <summary>The payload parsed as a JSON object (null when it is not one).</summary>
        public JsonObject Json
        {
            get
            {
                try
                {
                    return JsonNode.Parse(Text) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }

        /// <inheritdoc />
        public override string ToString() => Topic + " " + Text;
    }

    /// <summary>
    /// A back-end client on the rig's broker: a MosquittoLink subscribed (before it connects, and again after every
    /// reconnect) to the given topics at QoS 1 plus a private sync topic, and the messages it received so far.
    /// </summary>
    public sealed class BackEndClient : IDisposable
    {
        private readonly MqttInboundMessage _buffer = new MqttInboundMessage();
        private readonly string _syncTopic;
        private int _syncs;

        /// <summary>Starts the link and waits until the broker has processed its subscriptions.</summary>
        public BackEndClient(int port, string clientId, params string[] topics)
        {
            _syncTopic = "sync/" + clientId;
            foreach (string topic in topics)
            {
                Link.Subscribe(topic, 1);
            }

            Link.Subscribe(_syncTopic, 0);
            Link.Start(new MqttLinkOptions { Host = "127.0.0.1", Port = port, ClientId = clientId, KeepAliveS = 5, ReconnectMinMs = 100, ReconnectMaxMs = 500 });
            AwaitSubscriptions();
        }

        /// <summary>The client's link.</summary>
        public MosquittoLink Link { get; } = new MosquittoLink();

        /// <summary>Every message received so far (sync echoes excluded), in arrival order.</summary>
        public List<ReceivedMessage> Received { get; } = new List<ReceivedMessage>();

        /// <summary>Moves what the link holds into <see cref="Received"/>.</summary>
        public void Drain()
        {
            while (Link.TryTakeMessage(_buffer))
            {
                Received.Add(new ReceivedMessage { Topic = _buffer.Topic, Text = Encoding.UTF8.GetString(_buffer.Payload, 0, _buffer.Length) });
            }
        }

        /// <summary>The messages received on <paramref name="topic"/>.</summary>
        public List<ReceivedMessage> On(string topic)
        {
            Drain();
            return Received.Where(m => m.Topic == topic).ToList();
        }

        /// <summary>
        /// Waits until the link is connected and the broker has processed its (re)subscriptions: it publishes to its own
        /// sync topic, subscribed last, and waits for the echo (one connection's SUBSCRIBEs and PUBLISHes are in order).
        /// </summary>
        public void AwaitSubscriptions()
        {
            Wait.Until(() => Link.IsConnected, LivePodRig.ReconnectMs, "back end " + _syncTopic + " connects", () => "last error: " + Link.LastError);
            string marker = "sync-" + (++_syncs);
            byte[] payload = Encoding.UTF8.GetBytes(marker);
            // Offered again (paced) only in case the link reconnected in between and lost it.
            Wait.UntilProbing(
                () => Link.Publish(_syncTopic, payload, payload.Length, 0, false, out _),
                () =>
                {
                    Drain();
                    return Received.Any(m => m.Topic == _syncTopic && m.Text == marker);
                },
                LivePodRig.SoonMs,
                "the sync echo arrives on " + _syncTopic,
                () => "dropped " + Link.DroppedInboundCount);
            Received.RemoveAll(m => m.Topic == _syncTopic);
        }

        /// <summary>Publishes <paramref name="payload"/> at QoS 1, not retained; fails the test when the link refuses.</summary>
        public void Publish(string topic, byte[] payload)
        {
            Assert.True(Link.Publish(topic, payload, payload.Length, 1, false, out _), "publish on " + topic + " refused");
        }

        /// <summary>Disconnects.</summary>
        public void Dispose() => Link.Dispose();
    }

    /// <summary>
    /// The shared rig of the issue #5 broker tests: a private mosquitto on loopback, the demo pod
    /// (nf-device-config/pods/pod-demo.json: pod-017, site-a, space 17) as a <see cref="LivePod"/> in virtual time, and
    /// back-end clients. Real time is spent only waiting on the broker, always bounded by <see cref="Wait.Until"/>.
    /// </summary>
    public sealed class LivePodRig : IDisposable
    {
        /// <summary>Bound for anything on loopback, in real ms.</summary>
        public const int SoonMs = 10000;

        /// <summary>Bound for a reconnect after the broker restarts, in real ms (backoff is at most 2 s).</summary>
        public const int ReconnectMs = 20000;

        private readonly List<IDisposable> _cleanup = new List<IDisposable>();
        private int _clients;

        /// <summary>Starts the broker and builds (does not start) the pod over a fresh data directory.</summary>
        public LivePodRig()
        {
            Config = LoadDemoConfig();
            Broker = new MosquittoBroker();
            DataDirectory = Directory.CreateTempSubdirectory("pod-rig-").FullName;
            Pod = new LivePod(Config, "127.0.0.1", Broker.Port, null, DataDirectory);
        }

        /// <summary>The pod's flash directory, kept across <see cref="RestartPod"/> and deleted by <see cref="Dispose"/>.</summary>
        public string DataDirectory { get; }

        /// <summary>The demo pod config.</summary>
        public PodConfig Config { get; }

        /// <summary>The private broker.</summary>
        public MosquittoBroker Broker { get; }

        /// <summary>The pod under test; a new one after <see cref="RestartPod"/>.</summary>
        public LivePod Pod { get; private set; }

        /// <summary>
        /// A reboot: drops the pod's link without a farewell (as a power cut would) and builds a new pod, not started, over
        /// the same data directory on <paramref name="clock"/>. Its RAM (replay memory, queues) is new; its flash is not.
        /// </summary>
        public void RestartPod(IClock clock)
        {
            Pod.Dispose();
            Pod = new LivePod(Config, "127.0.0.1", Broker.Port, clock, DataDirectory);
        }

        /// <summary>The demo pod's config, loaded as the host loads it.</summary>
        public static PodConfig LoadDemoConfig() => ConfigFile.Load(DemoConfigPath);

        /// <summary>Path of nf-device-config/pods/pod-demo.json.</summary>
        public static string DemoConfigPath => Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json");

        /// <summary>A connected back-end client subscribed to <paramref name="topics"/> (QoS 1).</summary>
        public BackEndClient Client(params string[] topics)
        {
            var client = new BackEndClient(Broker.Port, "back-end-" + (++_clients), topics);
            _cleanup.Add(client);
            return client;
        }

        /// <summary>Id prefix of the probes <see cref="StartPod"/> sends; <see cref="CommandResults"/> leaves their answers out.</summary>
        public const string ProbeIdPrefix = "probe-";

        /// <summary>
        /// Starts the pod's link and steps the pod until it is connected and its command subscription is live: signed
        /// get_status probes (ids <see cref="ProbeIdPrefix"/>N), one every <see cref="Wait.ProbeIntervalMs"/>, on
        /// pods/{pod}/cmd until one is answered on cmd/result. Probes published before the pod subscribed are lost;
        /// every later one is delivered (QoS 1), so this keeps stepping until each of those has its answer too. The
        /// pod is then quiet: no probe left in its command queue to make a test's own command wait or answer busy.
        /// </summary>
        public void StartPod(BackEndClient backEnd)
        {
            Pod.Start();
            int firstProbe = _probes + 1;
            int firstAnswered = 0;
            var sinceProbe = new System.Diagnostics.Stopwatch();
            StepUntil(() =>
            {
                // paced (Wait.ProbeIntervalMs): a probe on every poll would flood the pod's bounded inbound queue
                if (Pod.Link.IsConnected && (!sinceProbe.IsRunning || sinceProbe.ElapsedMilliseconds >= Wait.ProbeIntervalMs))
                {
                    Send(backEnd, "{\"type\":\"get_status\",\"id\":\"" + ProbeIdPrefix + (++_probes) + "\"}");
                    sinceProbe.Restart();
                }

                firstAnswered = FirstAnsweredProbe(backEnd, firstProbe);
                return firstAnswered > 0;
            }, "the pod answers a probe on " + Pod.Topics.CommandResult, backEnd);

            StepUntil(() =>
            {
                for (int n = firstAnswered; n <= _probes; n++)
                {
                    if (!backEnd.On(Pod.Topics.CommandResult).Any(m => m.Text.StartsWith("{\"id\":\"" + ProbeIdPrefix + n + "\"", StringComparison.Ordinal)))
                    {
                        return false;
                    }
                }

                return true;
            }, "every probe sent after the subscription was live is answered", backEnd);
        }

        private int _probes;

        // The lowest probe number at or above firstProbe that has an answer; 0 for none. Probe numbers run on
        // across restarts of the pod, so an answer from before a restart never counts for the next StartPod.
        private int FirstAnsweredProbe(BackEndClient backEnd, int firstProbe)
        {
            int first = 0;
            foreach (ReceivedMessage m in backEnd.On(Pod.Topics.CommandResult))
            {
                string prefix = "{\"id\":\"" + ProbeIdPrefix;
                if (m.Text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    int end = m.Text.IndexOf('"', prefix.Length);
                    int n = int.Parse(m.Text.AsSpan(prefix.Length, end - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
                    if (n >= firstProbe)
                    {
                        first = first == 0 ? n : Math.Min(first, n);
                    }
                }
            }

            return first;
        }

        /// <summary>Signs <paramref name="commandJson"/> with the pod's key at the pod's UTC, publishes it on pods/{pod}/cmd and returns its id.</summary>
        public string Send(BackEndClient backEnd, string commandJson)
        {
            (byte[] envelope, string id) = Pod.Pod.SignCommand(commandJson);
            backEnd.Publish(Pod.Topics.Command, envelope);
            return id;
        }

        /// <summary>Steps the pod (100 ms of virtual time per poll) until <paramref name="condition"/> holds.</summary>
        public void StepUntil(Func<bool> condition, string what, BackEndClient shown = null, int timeoutMs = SoonMs)
        {
            Wait.Until(() =>
            {
                Pod.Step();
                return condition();
            }, timeoutMs, what, () => "pod at " + Pod.Clock.MonotonicMs + " ms, connected " + Pod.Link.IsConnected + ", outbox " + Pod.Outbox.Count +
                (shown == null ? "" : "; received: " + string.Join(" | ", shown.Received)));
        }

        /// <summary>Steps until <paramref name="backEnd"/> holds a cmd/result naming <paramref name="id"/>; returns it.</summary>
        public JsonObject AwaitResult(BackEndClient backEnd, string id)
        {
            StepUntil(() => Results(backEnd, id).Count > 0, "a result for " + id, backEnd);
            return Results(backEnd, id)[0];
        }

        /// <summary>The cmd/result messages <paramref name="backEnd"/> received, parsed, without the answers to <see cref="StartPod"/>'s probes.</summary>
        public List<JsonObject> CommandResults(BackEndClient backEnd)
        {
            return backEnd.On(Pod.Topics.CommandResult).Select(m => m.Json)
                .Where(j => j == null || !(j["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && ((string)j["id"]).StartsWith(ProbeIdPrefix, StringComparison.Ordinal)))
                .ToList();
        }

        /// <summary>Every cmd/result <paramref name="backEnd"/> received naming <paramref name="id"/>.</summary>
        public List<JsonObject> Results(BackEndClient backEnd, string id)
        {
            return CommandResults(backEnd).Where(j => j != null && j["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)j["id"] == id).ToList();
        }

        /// <summary>Disconnects the clients and the pod, stops the broker.</summary>
        public void Dispose()
        {
            for (int i = _cleanup.Count - 1; i >= 0; i--)
            {
                _cleanup[i].Dispose();
            }

            Pod.Dispose();
            Broker.Dispose();
            try
            {
                Directory.Delete(DataDirectory, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
