using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// <see cref="IMqttClientPort"/> on nanoFramework.M2Mqtt: one <see cref="MqttClient"/> per
    /// connection (MQTT 3.1.1, clean session, the Will in every CONNECT), its events turned into
    /// reports to the portable <see cref="MqttLinkEngine"/>, which makes every decision (reconnect,
    /// backoff, resubscribe, queues, ids, stop). The composition root builds the engine over it.
    /// </summary>
    /// <remarks>
    /// Threads: the engine's link thread makes every call but <see cref="Wake"/>; M2Mqtt raises its
    /// events on its own threads, and a report is passed on only while it comes from the current
    /// client. TLS: TLS 1.2 with the broker certificate validated against the PEM CA text; an
    /// optional client certificate and key (PEM text). Without a client certificate M2Mqtt lets the
    /// SSL stream use the certificate stored on the device.
    /// </remarks>
    public sealed class M2MqttLink : IMqttClientPort
    {
        /// <summary>Received messages held for the pump: its 16 a pump, the 48 that may wait before it sheds, 16 spare.</summary>
        public const int InboundCapacity = 80;

        /// <summary>Publishes the engine queues for the link thread, with room for the busy answers of a shed backlog.</summary>
        public const int OutboundCapacity = 48;

        /// <summary>QoS 1 publishes in flight, and acknowledged ids held for the pump.</summary>
        public const int AckCapacity = 32;

        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private MqttLinkEngine _engine;
        private X509Certificate _caCertificate;
        private X509Certificate _clientCertificate;
        private MqttClient _client;
        private int _session;

        /// <summary>The link for the board: the engine over this client, on the device clock.</summary>
        /// <returns>A stopped link; <see cref="IMqttLink.Start"/> starts its thread.</returns>
        public static MqttLinkEngine CreateLink()
        {
            return new MqttLinkEngine(new M2MqttLink(), new DeviceClock(), new RandomSource(), InboundCapacity, OutboundCapacity, AckCapacity, MqttLinkEngine.DefaultInboundWaitMs);
        }

        /// <inheritdoc />
        public void Bind(MqttLinkEngine engine)
        {
            _engine = engine;
        }

        /// <inheritdoc />
        /// <remarks>Parses the PEM certificates once; an unreadable one throws (the platform's exception type).</remarks>
        public void Prepare(MqttLinkOptions options)
        {
            if (!options.UseTls)
            {
                return;
            }

            _caCertificate = new X509Certificate(options.CaCertificate);

            if (options.ClientCertificate.Length > 0)
            {
                _clientCertificate = new X509Certificate2(options.ClientCertificate, options.ClientKey, null);
            }
        }

        /// <inheritdoc />
        public int Connect(MqttLinkOptions options, int session)
        {
            MqttClient client = new MqttClient(
                options.Host,
                options.Port,
                options.UseTls,
                _caCertificate,
                _clientCertificate,
                options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;

            if (options.UseTls)
            {
                client.Settings.ValidateServerCertificate = true;
            }

            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgPublished += OnPublished;
            client.ConnectionClosed += OnConnectionClosed;
            _session = session;
            _client = client;

            bool hasWill = options.WillTopic.Length > 0;
            MqttReasonCode code = client.Connect(
                options.ClientId,
                options.Username.Length > 0 ? options.Username : null,
                options.Password.Length > 0 ? options.Password : null,
                options.WillRetain,
                MqttQoSLevel.AtLeastOnce,
                hasWill,
                hasWill ? options.WillTopic : null,
                hasWill ? options.WillPayload : null,
                true,
                (ushort)options.KeepAliveS);

            // Success is 0 and the MQTT 3.1.1 refusals are 1 to 5, as on the wire
            return (int)code;
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            MqttClient client = _client;

            if (client == null)
            {
                return;
            }

            _client = null;
            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.MqttMsgPublished -= OnPublished;
            client.ConnectionClosed -= OnConnectionClosed;

            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect();
                }
            }
            catch (Exception)
            {
                // the socket is gone already; Close below releases it
            }

            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // nothing left to release
            }
        }

        /// <inheritdoc />
        public void Subscribe(string topic, int qos)
        {
            _client.Subscribe(new string[] { topic }, new MqttQoSLevel[] { ToQos(qos) });
        }

        /// <inheritdoc />
        public int Publish(string topic, byte[] payload, int qos, bool retain)
        {
            try
            {
                return _client.Publish(topic, payload, null, null, ToQos(qos), retain);
            }
            catch (MqttClientException ex)
            {
                // a full in-flight queue clears as acknowledgements arrive; anything else (a wildcard
                // or an over-long topic) never will
                return ex.ErrorCode == MqttClientErrorCode.InflightQueueFull ? MqttLinkEngine.PublishBusy : MqttLinkEngine.PublishRejected;
            }
        }

        /// <inheritdoc />
        public void Idle(int maxMs)
        {
            _wake.WaitOne(maxMs, false);
        }

        /// <inheritdoc />
        public void Wake()
        {
            _wake.Set();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (sender == _client)
            {
                _engine.OnMessageReceived(e.Topic, e.Message);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (sender == _client)
            {
                _engine.OnPublishCompleted(_session, e.MessageId, e.IsPublished);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (sender == _client)
            {
                _engine.OnConnectionLost(_session, "connection closed");
            }
        }

        private static MqttQoSLevel ToQos(int qos)
        {
            return qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }
    }
}
