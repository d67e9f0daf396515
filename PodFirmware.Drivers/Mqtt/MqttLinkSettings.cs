using System;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>
    /// The checks an <see cref="MqttLinkEngine"/> makes on its <see cref="MqttLinkOptions"/> before it starts,
    /// and the copy it keeps (so a caller changing its options object later changes nothing).
    /// </summary>
    /// <remarks>Stateless; thread-safe.</remarks>
    public static class MqttLinkSettings
    {
        /// <summary>
        /// Checks <paramref name="options"/> and returns a copy in which every optional text is the empty
        /// string rather than null.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        /// <exception cref="ArgumentException">Host or client id empty, port (1 to 65535) or keep-alive (0 to 65535 s) out of range, reconnect delays below 1 ms or max below min, TLS without a CA, a client certificate without its key (or the reverse) or without TLS.</exception>
        public static MqttLinkOptions Validated(MqttLinkOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (IsEmpty(options.Host))
            {
                throw new ArgumentException("Host is empty", "options");
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentException("Port is out of range", "options");
            }

            if (IsEmpty(options.ClientId))
            {
                throw new ArgumentException("ClientId is empty", "options");
            }

            if (options.KeepAliveS < 0 || options.KeepAliveS > 65535)
            {
                throw new ArgumentException("KeepAliveS is out of range", "options");
            }

            if (options.ReconnectMinMs < 1 || options.ReconnectMaxMs < options.ReconnectMinMs)
            {
                throw new ArgumentException("reconnect delays are out of range", "options");
            }

            if (options.UseTls && IsEmpty(options.CaCertificate))
            {
                // no silent fallback to an unauthenticated broker
                throw new ArgumentException("UseTls needs the CaCertificate", "options");
            }

            if (IsEmpty(options.ClientCertificate) != IsEmpty(options.ClientKey))
            {
                throw new ArgumentException("ClientCertificate and ClientKey go together", "options");
            }

            if (!options.UseTls && !IsEmpty(options.ClientCertificate))
            {
                throw new ArgumentException("a client certificate is only used with UseTls", "options");
            }

            MqttLinkOptions copy = new MqttLinkOptions();
            copy.Host = options.Host;
            copy.Port = options.Port;
            copy.ClientId = options.ClientId;
            copy.Username = OrEmpty(options.Username);
            copy.Password = OrEmpty(options.Password);
            copy.KeepAliveS = options.KeepAliveS;
            copy.WillTopic = OrEmpty(options.WillTopic);
            copy.WillPayload = OrEmpty(options.WillPayload);
            copy.WillRetain = options.WillRetain;
            copy.UseTls = options.UseTls;
            copy.CaCertificate = OrEmpty(options.CaCertificate);
            copy.ClientCertificate = OrEmpty(options.ClientCertificate);
            copy.ClientKey = OrEmpty(options.ClientKey);
            copy.ReconnectMinMs = options.ReconnectMinMs;
            copy.ReconnectMaxMs = options.ReconnectMaxMs;
            return copy;
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
