using PodFirmware.Drivers.Ports;
using PodFirmware.Host.Configuration;
using Xunit;

namespace PodFirmware.Host.Tests.Configuration
{
    /// <summary>The TLS and reconnect keys of the <c>mqtt</c> section, read from JSON the way the host reads pod.json.</summary>
    public class MqttConfigFileTests
    {
        private const string Head = "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"},\"mqtt\":";

        [Fact]
        public void The_tls_keys_load_by_their_camelCase_names_and_reach_the_link_options()
        {
            var config = ConfigFile.Parse(Head +
                "{\"port\":8883,\"useTls\":true,\"caCertificate\":\"/etc/pod/ca.crt\"," +
                "\"clientCertificate\":\"/etc/pod/pod.crt\",\"clientKey\":\"/etc/pod/pod.key\"," +
                "\"username\":\"pod-017\",\"password\":\"pw\",\"reconnectMinMs\":250,\"reconnectMaxMs\":8000}}", "pod.json");

            var options = new MqttLinkOptions();
            config.Mqtt.ApplyTo(options);

            Assert.True(options.UseTls);
            Assert.Equal(8883, options.Port);
            Assert.Equal("/etc/pod/ca.crt", options.CaCertificate);
            Assert.Equal("/etc/pod/pod.crt", options.ClientCertificate);
            Assert.Equal("/etc/pod/pod.key", options.ClientKey);
            Assert.Equal("pod-017", options.Username);
            Assert.Equal("pw", options.Password);
            Assert.Equal(250, options.ReconnectMinMs);
            Assert.Equal(8000, options.ReconnectMaxMs);
        }

        [Theory]
        [InlineData("{\"useTls\":true}", "mqtt.caCertificate: is required when useTls is true")]
        [InlineData("{\"useTls\":true,\"caCertificate\":\"ca.crt\",\"clientCertificate\":\"pod.crt\"}", "mqtt.clientKey: is required when clientCertificate is set")]
        [InlineData("{\"reconnectMinMs\":50}", "mqtt.reconnectMinMs: must be between 100 ms and 60000 ms, is 50 ms")]
        [InlineData("{\"reconnectMaxMs\":700000}", "mqtt.reconnectMaxMs: must be between 1000 ms and 600000 ms")]
        [InlineData("{\"reconnectMinMs\":20000,\"reconnectMaxMs\":10000}", "mqtt.reconnectMaxMs: must not be below reconnectMinMs")]
        public void A_bad_tls_or_reconnect_setting_is_an_error_naming_its_key(string mqtt, string expected)
        {
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Parse(Head + mqtt + "}", "pod.json"));
            Assert.Contains(expected, error.Message);
        }
    }
}
