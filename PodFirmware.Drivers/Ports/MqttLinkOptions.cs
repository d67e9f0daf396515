namespace PodFirmware.Drivers.Ports
{
    /// <summary>How an <see cref="IMqttLink"/> reaches its broker. Filled from the pod config at boot.</summary>
    public sealed class MqttLinkOptions
    {
        /// <summary>Broker host name or address.</summary>
        public string Host = "127.0.0.1";

        /// <summary>Broker TCP port (1883 plain, 8883 TLS by convention).</summary>
        public int Port = 1883;

        /// <summary>MQTT client id; the pod uses its pod id so the broker drops a stale twin session.</summary>
        public string ClientId = "";

        /// <summary>User name, or empty for none.</summary>
        public string Username = "";

        /// <summary>Password, or empty for none.</summary>
        public string Password = "";

        /// <summary>Keep-alive interval in seconds.</summary>
        public int KeepAliveS = 30;

        /// <summary>Topic of the Last Will, or empty for none.</summary>
        public string WillTopic = "";

        /// <summary>Payload of the Last Will (UTF-8 text).</summary>
        public string WillPayload = "";

        /// <summary>Whether the Last Will is retained.</summary>
        public bool WillRetain = true;

        /// <summary>Connect over TLS.</summary>
        public bool UseTls;

        /// <summary>
        /// PEM CA certificate that must have signed the broker's certificate: a file path on the
        /// host, the PEM text itself on the device. Required when <see cref="UseTls"/> is set; a
        /// link never falls back to plaintext or to an unverified broker.
        /// </summary>
        public string CaCertificate = "";

        /// <summary>
        /// PEM client certificate presented to the broker (path on the host, PEM text on the
        /// device), or empty for none. Only used with <see cref="UseTls"/>; needs <see cref="ClientKey"/>.
        /// </summary>
        public string ClientCertificate = "";

        /// <summary>
        /// Unencrypted PEM private key of <see cref="ClientCertificate"/> (path on the host, PEM
        /// text on the device), or empty for none.
        /// </summary>
        public string ClientKey = "";

        /// <summary>First reconnect delay in milliseconds; doubles per failure up to <see cref="ReconnectMaxMs"/>.</summary>
        public int ReconnectMinMs = 500;

        /// <summary>Longest reconnect delay in milliseconds.</summary>
        public int ReconnectMaxMs = 30000;
    }
}
