using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config
{
    /// <summary>Config section <c>mqtt</c>: how the pod reaches the broker on its PLC/Wi-Fi AP module.</summary>
    public sealed class MqttConfig
    {
        /// <summary><c>mqtt.host</c>: broker host name or address. Default "192.168.4.1" (the AP module).</summary>
        public string Host = "192.168.4.1";

        /// <summary><c>mqtt.port</c>: broker TCP port, 1..65535. Default 1883.</summary>
        public int Port = 1883;

        /// <summary><c>mqtt.useTls</c>: connect over TLS. Default false.</summary>
        public bool UseTls;

        /// <summary><c>mqtt.caCertificate</c>: PEM CA certificate (device: text; host: file path) when TLS is on.</summary>
        public string CaCertificate = "";

        /// <summary><c>mqtt.username</c>: broker user, empty for none.</summary>
        public string Username = "";

        /// <summary><c>mqtt.password</c>: broker password, empty for none.</summary>
        public string Password = "";

        /// <summary><c>mqtt.keepAliveS</c>: keep-alive in seconds, 5..600. Default 30.</summary>
        public int KeepAliveS = 30;

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Host == null || Host.Length == 0)
            {
                errors.Fail(keyPrefix + ".host", "must not be empty");
            }

            errors.Range(keyPrefix + ".port", Port, 1, 65535, "");
            errors.Range(keyPrefix + ".keepAliveS", KeepAliveS, 5, 600, "s");
            if (UseTls && (CaCertificate == null || CaCertificate.Length == 0))
            {
                errors.Fail(keyPrefix + ".caCertificate", "is required when useTls is true");
            }
        }
    }
}
