using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Core.Config
{
    /// <summary>Config section <c>mqtt</c>: how the pod reaches the broker on its PLC/Wi-Fi AP module.</summary>
    /// <remarks>Boot-time only: read once, validated, then copied into <see cref="MqttLinkOptions"/>. Not thread-safe.</remarks>
    public sealed class MqttConfig : IConfigSection
    {
        /// <summary>Shortest allowed <see cref="ReconnectMinMs"/>, in milliseconds.</summary>
        public const int ReconnectMinLowestMs = 100;

        /// <summary>Longest allowed <see cref="ReconnectMinMs"/>, in milliseconds.</summary>
        public const int ReconnectMinHighestMs = 60000;

        /// <summary>Shortest allowed <see cref="ReconnectMaxMs"/>, in milliseconds.</summary>
        public const int ReconnectMaxLowestMs = 1000;

        /// <summary>Longest allowed <see cref="ReconnectMaxMs"/>, in milliseconds.</summary>
        public const int ReconnectMaxHighestMs = 600000;

        /// <summary><c>mqtt.host</c>: broker host name or address. Default "192.168.4.1" (the AP module).</summary>
        public string Host = "192.168.4.1";

        /// <summary><c>mqtt.port</c>: broker TCP port, 1..65535. Default 1883 (8883 is the TLS convention).</summary>
        public int Port = 1883;

        /// <summary><c>mqtt.useTls</c>: connect over TLS (1.2 or later, broker certificate verified). Default false.</summary>
        public bool UseTls;

        /// <summary>
        /// <c>mqtt.caCertificate</c>: PEM CA certificate that signed the broker's certificate
        /// (device: the PEM text; host: a file path). Required when <see cref="UseTls"/> is true.
        /// </summary>
        public string CaCertificate = "";

        /// <summary>
        /// <c>mqtt.clientCertificate</c>: PEM client certificate for brokers that require one
        /// (device: the PEM text; host: a file path), empty for none. Needs <see cref="ClientKey"/> and <see cref="UseTls"/>.
        /// </summary>
        public string ClientCertificate = "";

        /// <summary>
        /// <c>mqtt.clientKey</c>: unencrypted PEM private key of <see cref="ClientCertificate"/>
        /// (device: the PEM text; host: a file path), empty for none.
        /// </summary>
        public string ClientKey = "";

        /// <summary><c>mqtt.username</c>: broker user, empty for none.</summary>
        public string Username = "";

        /// <summary><c>mqtt.password</c>: broker password, empty for none; needs <see cref="Username"/> (MQTT 3.1.1).</summary>
        public string Password = "";

        /// <summary><c>mqtt.keepAliveS</c>: keep-alive in seconds, 5..600. Default 30.</summary>
        public int KeepAliveS = 30;

        /// <summary>
        /// <c>mqtt.reconnectMinMs</c>: first delay before reconnecting after a failed or lost
        /// connection, in milliseconds, 100..60000. Default 500. Doubles per failed attempt.
        /// </summary>
        public int ReconnectMinMs = 500;

        /// <summary>
        /// <c>mqtt.reconnectMaxMs</c>: longest delay between reconnect attempts, in milliseconds,
        /// 1000..600000 and at least <see cref="ReconnectMinMs"/>. Default 30000.
        /// </summary>
        public int ReconnectMaxMs = 30000;

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        /// <param name="keyPrefix">Dotted path of this section, normally <c>mqtt</c>.</param>
        /// <param name="errors">Collects one entry per problem.</param>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (IsEmpty(Host))
            {
                errors.Fail(keyPrefix + ".host", "must not be empty");
            }

            errors.Range(keyPrefix + ".port", Port, 1, 65535, "");
            errors.Range(keyPrefix + ".keepAliveS", KeepAliveS, 5, 600, "s");
            errors.Range(keyPrefix + ".reconnectMinMs", ReconnectMinMs, ReconnectMinLowestMs, ReconnectMinHighestMs, "ms");
            errors.Range(keyPrefix + ".reconnectMaxMs", ReconnectMaxMs, ReconnectMaxLowestMs, ReconnectMaxHighestMs, "ms");
            if (ReconnectMaxMs < ReconnectMinMs)
            {
                errors.Fail(keyPrefix + ".reconnectMaxMs", "must not be below reconnectMinMs (" + ReconnectMinMs.ToString() + " ms), is " + ReconnectMaxMs.ToString() + " ms");
            }

            if (UseTls && IsEmpty(CaCertificate))
            {
                errors.Fail(keyPrefix + ".caCertificate", "is required when useTls is true");
            }

            bool hasCertificate = !IsEmpty(ClientCertificate);
            bool hasKey = !IsEmpty(ClientKey);
            if (hasCertificate && !hasKey)
            {
                errors.Fail(keyPrefix + ".clientKey", "is required when clientCertificate is set");
            }

            if (hasKey && !hasCertificate)
            {
                errors.Fail(keyPrefix + ".clientCertificate", "is required when clientKey is set");
            }

            if ((hasCertificate || hasKey) && !UseTls)
            {
                errors.Fail(keyPrefix + (hasCertificate ? ".clientCertificate" : ".clientKey"), "is only used over TLS; set useTls to true");
            }

            if (!IsEmpty(Password) && IsEmpty(Username))
            {
                errors.Fail(keyPrefix + ".username", "is required when password is set (MQTT 3.1.1 sends no password without a user name)");
            }
        }

        /// <summary>
        /// Copies the broker address, TLS material, credentials, keep-alive and reconnect delays
        /// into <paramref name="options"/>. Leaves the client id and the Last Will, which the
        /// caller derives from the pod id, untouched. Null strings become empty.
        /// </summary>
        /// <param name="options">The options to fill; must not be null.</param>
        public void ApplyTo(MqttLinkOptions options)
        {
            options.Host = OrEmpty(Host);
            options.Port = Port;
            options.UseTls = UseTls;
            options.CaCertificate = OrEmpty(CaCertificate);
            options.ClientCertificate = OrEmpty(ClientCertificate);
            options.ClientKey = OrEmpty(ClientKey);
            options.Username = OrEmpty(Username);
            options.Password = OrEmpty(Password);
            options.KeepAliveS = KeepAliveS;
            options.ReconnectMinMs = ReconnectMinMs;
            options.ReconnectMaxMs = ReconnectMaxMs;
        }

        private static bool IsEmpty(string value)
        {
            return value == null || value.Length == 0;
        }

        private static string OrEmpty(string value)
        {
            return value == null ? "" : value;
        }
    }
}
