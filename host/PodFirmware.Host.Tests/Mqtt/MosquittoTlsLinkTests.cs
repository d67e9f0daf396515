using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Mqtt;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// MosquittoLink over TLS with a password against a real, private mosquitto broker whose
    /// listener accepts only TLS and only the one user. Certificates are generated per test by
    /// <see cref="TestCertificates"/>. Waits are bounded polls, never sleeps standing in for assertions.
    /// </summary>
    public sealed class MosquittoTlsLinkTests : IDisposable
    {
        /// <summary>Generous bound for anything that happens on loopback, TLS handshake included.</summary>
        private const int SoonMs = 10000;

        /// <summary>Bound for a reconnect: libmosquitto's whole-second delays plus slack.</summary>
        private const int ReconnectMs = 20000;

        private const string User = "pod-017";
        private const string Password = "correct horse battery";

        private readonly string _dir;
        private readonly X509Certificate2 _ca;
        private readonly MosquittoBroker _broker;
        private readonly List<IDisposable> _cleanup = new List<IDisposable>();
        private int _clients;

        public MosquittoTlsLinkTests()
        {
            _dir = Directory.CreateTempSubdirectory("pod-tls-").FullName;
            _ca = TestCertificates.WriteCa(_dir, "ca");
            TestCertificates.WriteServer(_dir, "server", _ca);
            TestCertificates.WriteCa(_dir, "other-ca").Dispose();
            _broker = Track(new MosquittoBroker(ServerTls(false), User, Password));
        }

        public void Dispose()
        {
            for (int i = _cleanup.Count - 1; i >= 0; i--)
            {
                _cleanup[i].Dispose();
            }

            _ca.Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        [Fact]
        public void Connects_over_TLS_with_a_password_and_round_trips_a_QoS1_publish_that_the_broker_acknowledges()
        {
            const string topic = "pods/pod-017/cmd/start";
            Inbox pod = StartConnected(Options(), topic);

            byte[] payload = Encoding.UTF8.GetBytes("{\"id\":\"c-1\"}");
            Assert.True(pod.Link.Publish(topic, payload, payload.Length, 1, false, out int mid));

            Assert.Equal(payload, pod.AwaitMessage(topic));
            int acked = 0;
            Wait.Until(() => pod.Link.TryTakeAck(out acked), SoonMs, "the QoS 1 publish is acknowledged");
            Assert.Equal(mid, acked);
            Assert.Null(pod.Link.LastError);
            Assert.Equal(0, pod.Link.LastConnectResult);
        }

        [Fact]
        public void A_client_trusting_a_different_CA_never_connects_and_LastError_says_the_certificate_failed_verification()
        {
            MqttLinkOptions options = Options();
            options.CaCertificate = TestCertificates.Crt(_dir, "other-ca");
            var link = Track(new MosquittoLink());
            link.Start(options);

            Wait.Until(() => link.LastError != null, SoonMs, "the link reports why it cannot connect");

            Assert.Contains("certificate verify failed", link.LastError);
            Assert.False(link.IsConnected);
            Assert.Equal(-1, link.LastConnectResult); // no CONNACK: MQTT never started
        }

        [Fact]
        public void Start_refuses_TLS_when_the_CA_file_does_not_exist_instead_of_connecting_in_plaintext()
        {
            MqttLinkOptions options = Options();
            options.CaCertificate = Path.Combine(_dir, "missing.crt");
            var link = Track(new MosquittoLink());

            var error = Assert.Throws<ArgumentException>(() => link.Start(options));
            Assert.Contains("CaCertificate", error.Message);
            Assert.False(link.IsConnected);
        }

        [Fact]
        public void A_wrong_password_is_refused_as_not_authorised()
        {
            MqttLinkOptions options = Options();
            options.Password = "wrong";
            var link = Track(new MosquittoLink());
            link.Start(options);

            Wait.Until(() => link.LastConnectResult != -1, SoonMs, "the broker answers the CONNECT", () => "LastError: " + link.LastError);

            Assert.Equal(5, link.LastConnectResult); // MQTT 3.1.1 CONNACK 5: not authorised
            Assert.Contains("not authorised", link.LastError);
            Assert.False(link.IsConnected);
        }

        [Fact]
        public void Presents_its_client_certificate_to_a_broker_that_requires_one_and_is_refused_without_it()
        {
            TestCertificates.WriteClient(_dir, "client", _ca);
            var strict = Track(new MosquittoBroker(ServerTls(true), User, Password));

            MqttLinkOptions withCertificate = Options(strict.Port);
            withCertificate.ClientCertificate = TestCertificates.Crt(_dir, "client");
            withCertificate.ClientKey = TestCertificates.Key(_dir, "client");
            var pod = Track(new MosquittoLink());
            pod.Start(withCertificate);

            var anonymous = Track(new MosquittoLink());
            anonymous.Start(Options(strict.Port));

            Wait.Until(() => pod.IsConnected, SoonMs, "the link with a client certificate connects", () => "LastError: " + pod.LastError + "; broker: " + strict.Stderr);
            Wait.Until(() => anonymous.LastError != null, SoonMs, "the link without a client certificate is refused");
            Assert.False(anonymous.IsConnected);
            Assert.Equal(-1, anonymous.LastConnectResult);
        }

        [Fact]
        public void The_broker_publishes_the_Last_Will_of_a_TLS_client_killed_without_a_clean_disconnect()
        {
            const string willTopic = "pods/pod-9/status";
            Inbox watcher = StartConnected(Options(), willTopic);

            using var victim = new WillVictim(new[] { "-h", "127.0.0.1", "-p", _broker.Port.ToString(), "-i", "pod-9", "--cafile", TestCertificates.Crt(_dir, "ca"), "-u", User, "-P", Password }, "pods/pod-9/cmd/#", willTopic);
            byte[] probe = Encoding.UTF8.GetBytes("probe");
            victim.AwaitSubscribed(() => watcher.Link.Publish("pods/pod-9/cmd/probe", probe, probe.Length, 0, false, out _), SoonMs, "mosquitto_sub is connected over TLS and subscribed");
            Assert.DoesNotContain(watcher.Drain(), m => m.Topic == willTopic);

            victim.Kill();

            Assert.Equal("offline", Encoding.UTF8.GetString(watcher.AwaitMessage(willTopic)));
        }

        [Fact]
        public void After_the_broker_restarts_the_TLS_link_reconnects_resubscribes_and_its_Last_Will_is_armed_again()
        {
            const string commandTopic = "pods/pod-3/cmd/stop";
            const string willTopic = "pods/pod-3/status";
            Inbox watcher = StartConnected(Options(), willTopic);

            // The pod reaches the broker through a relay so that its connection can later be cut
            // without a DISCONNECT while the process (this test) keeps running.
            var relay = Track(new TcpRelay(_broker.Port));
            MqttLinkOptions podOptions = Options(relay.Port);
            podOptions.ClientId = "pod-3";
            podOptions.WillTopic = willTopic;
            podOptions.WillPayload = "offline";
            podOptions.WillRetain = true;
            Inbox pod = StartConnected(podOptions, commandTopic);

            _broker.Stop();
            Wait.Until(() => !pod.Link.IsConnected && !watcher.Link.IsConnected, SoonMs, "both links notice the broker is gone");
            _broker.Start();
            Wait.Until(() => pod.Link.IsConnected && watcher.Link.IsConnected, ReconnectMs, "both links reconnect over TLS",
                () => "pod: " + pod.Link.LastError + "; watcher: " + watcher.Link.LastError + "; broker: " + _broker.Stderr);

            // The restarted broker remembers nothing (no persistence, clean sessions): only the
            // link's own resubscribe explains delivery. Its SUBSCRIBE precedes anything it sends,
            // so its own publish is the proof the subscription is in place before the watcher's.
            byte[] stop = Encoding.UTF8.GetBytes("stop");
            Wait.UntilProbing(
                () => pod.Link.Publish(commandTopic, stop, stop.Length, 0, false, out _),
                () => pod.Drain().Any(m => m.Topic == commandTopic),
                SoonMs,
                "the pod's resubscription is in place");
            pod.Drain().Clear();
            watcher.AwaitOwnEcho(willTopic);

            // A payload of its own, so that a late echo of the pod's probes cannot stand in for it.
            byte[] fromWatcher = Encoding.UTF8.GetBytes("stop from the controller");
            Assert.True(watcher.Link.Publish(commandTopic, fromWatcher, fromWatcher.Length, 1, false, out _));
            pod.AwaitPayload(commandTopic, fromWatcher);

            relay.Sever();

            // Only the Will registered in the reconnect's CONNECT can produce this: the broker that
            // saw the first CONNECT was killed, and nothing retained survived it.
            watcher.AwaitPayload(willTopic, Encoding.UTF8.GetBytes("offline"));
        }

        // ---- helpers ----

        private MosquittoBrokerTls ServerTls(bool requireClientCertificate)
        {
            return new MosquittoBrokerTls(
                TestCertificates.Crt(_dir, "ca"),
                TestCertificates.Crt(_dir, "server"),
                TestCertificates.Key(_dir, "server"),
                requireClientCertificate);
        }

        private MqttLinkOptions Options(int? port = null)
        {
            return new MqttLinkOptions
            {
                Host = "127.0.0.1",
                Port = port ?? _broker.Port,
                ClientId = "tls-test-" + (++_clients),
                Username = User,
                Password = Password,
                UseTls = true,
                CaCertificate = TestCertificates.Crt(_dir, "ca"),
                KeepAliveS = 5,
                ReconnectMinMs = 500,
                ReconnectMaxMs = 1000,
            };
        }

        private T Track<T>(T disposable) where T : IDisposable
        {
            _cleanup.Add(disposable);
            return disposable;
        }

        /// <summary>
        /// A started, connected link subscribed (before Start, so the SUBSCRIBE precedes anything
        /// it publishes) to <paramref name="topic"/>.
        /// </summary>
        private Inbox StartConnected(MqttLinkOptions options, string topic)
        {
            var link = Track(new MosquittoLink());
            link.Subscribe(topic, 1);
            link.Start(options);
            Wait.Until(() => link.IsConnected, SoonMs, options.ClientId + " connects over TLS",
                () => "CONNACK " + link.LastConnectResult + ", LastError " + link.LastError + "; broker: " + _broker.Stderr);
            return new Inbox(link);
        }

        private sealed class Received
        {
            public string Topic;
            public byte[] Payload;
        }

        /// <summary>A link plus what it has received so far.</summary>
        private sealed class Inbox
        {
            private readonly List<Received> _received = new List<Received>();
            private readonly MqttInboundMessage _buffer = new MqttInboundMessage();

            public Inbox(MosquittoLink link)
            {
                Link = link;
            }

            public MosquittoLink Link { get; }

            public List<Received> Drain()
            {
                while (Link.TryTakeMessage(_buffer))
                {
                    _received.Add(new Received { Topic = _buffer.Topic, Payload = _buffer.Payload.Take(_buffer.Length).ToArray() });
                }

                return _received;
            }

            /// <summary>Waits for, removes and returns the payload of the first message on <paramref name="topic"/>.</summary>
            public byte[] AwaitMessage(string topic)
            {
                Wait.Until(() => Drain().Any(m => m.Topic == topic), SoonMs, "a message arrives on " + topic,
                    () => "received: [" + string.Join(", ", _received.Select(m => m.Topic)) + "], LastError " + Link.LastError);
                Received message = _received.First(m => m.Topic == topic);
                _received.Remove(message);
                return message.Payload;
            }

            /// <summary>
            /// Waits until a message on <paramref name="topic"/> carrying exactly
            /// <paramref name="payload"/> has arrived (others on the topic, such as late echoes,
            /// are passed over), and removes it.
            /// </summary>
            public void AwaitPayload(string topic, byte[] payload)
            {
                Wait.Until(() => Drain().Any(m => m.Topic == topic && m.Payload.SequenceEqual(payload)), SoonMs,
                    "'" + Encoding.UTF8.GetString(payload) + "' arrives on " + topic,
                    () => "received: [" + string.Join(", ", _received.Select(m => m.Topic + "=" + Encoding.UTF8.GetString(m.Payload))) + "], LastError " + Link.LastError);
                _received.Remove(_received.First(m => m.Topic == topic && m.Payload.SequenceEqual(payload)));
            }

            /// <summary>
            /// Returns once the broker has processed this link's subscription to
            /// <paramref name="topic"/>: publishes a non-retained marker there until it comes back,
            /// then forgets everything received on that topic.
            /// </summary>
            public void AwaitOwnEcho(string topic)
            {
                byte[] marker = Encoding.UTF8.GetBytes("echo");
                Wait.UntilProbing(
                    () => Link.Publish(topic, marker, marker.Length, 0, false, out _),
                    () => Drain().Any(m => m.Topic == topic),
                    SoonMs,
                    "the echo on " + topic + " arrives");
                _received.RemoveAll(m => m.Topic == topic);
            }
        }
    }
}
