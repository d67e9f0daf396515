using nanoFramework.TestFramework;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Core.Config
{
    [TestClass]
    public class MqttConfigTests
    {
        private static ConfigErrors Validate(MqttConfig config)
        {
            var errors = new ConfigErrors();
            config.Validate("mqtt", errors);
            return errors;
        }

        private static MqttConfig Tls()
        {
            var config = new MqttConfig();
            config.UseTls = true;
            config.Port = 8883;
            config.CaCertificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
            return config;
        }

        private static void AssertOnlyProblemIs(ConfigErrors errors, string key)
        {
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains(key + ":", errors[0], "expected the problem to name " + key);
        }

        [TestMethod]
        public static void The_defaults_are_valid_plaintext_with_500ms_to_30s_reconnect_delays()
        {
            var config = new MqttConfig();
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
            Assert.IsFalse(config.UseTls);
            Assert.AreEqual(500, config.ReconnectMinMs);
            Assert.AreEqual(30000, config.ReconnectMaxMs);
            Assert.AreEqual("", config.ClientCertificate);
            Assert.AreEqual("", config.ClientKey);
        }

        [TestMethod]
        public static void Tls_with_a_CA_and_credentials_is_valid()
        {
            MqttConfig config = Tls();
            config.Username = "pod-017";
            config.Password = "secret";
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
        }

        [TestMethod]
        public static void Tls_without_a_CA_names_mqtt_caCertificate()
        {
            MqttConfig config = Tls();
            config.CaCertificate = "";
            AssertOnlyProblemIs(Validate(config), "mqtt.caCertificate");
        }

        [TestMethod]
        public static void A_null_CA_with_tls_names_mqtt_caCertificate()
        {
            MqttConfig config = Tls();
            config.CaCertificate = null;
            AssertOnlyProblemIs(Validate(config), "mqtt.caCertificate");
        }

        [TestMethod]
        public static void A_client_certificate_without_its_key_names_mqtt_clientKey()
        {
            MqttConfig config = Tls();
            config.ClientCertificate = "/etc/pod/client.crt";
            AssertOnlyProblemIs(Validate(config), "mqtt.clientKey");
        }

        [TestMethod]
        public static void A_client_key_without_its_certificate_names_mqtt_clientCertificate()
        {
            MqttConfig config = Tls();
            config.ClientKey = "/etc/pod/client.key";
            AssertOnlyProblemIs(Validate(config), "mqtt.clientCertificate");
        }

        [TestMethod]
        public static void A_client_certificate_and_key_over_tls_are_valid()
        {
            MqttConfig config = Tls();
            config.ClientCertificate = "/etc/pod/client.crt";
            config.ClientKey = "/etc/pod/client.key";
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
        }

        [TestMethod]
        public static void A_client_certificate_without_tls_names_mqtt_clientCertificate()
        {
            var config = new MqttConfig();
            config.ClientCertificate = "/etc/pod/client.crt";
            config.ClientKey = "/etc/pod/client.key";
            AssertOnlyProblemIs(Validate(config), "mqtt.clientCertificate");
        }

        [TestMethod]
        public static void A_password_without_a_user_name_names_mqtt_username()
        {
            var config = new MqttConfig();
            config.Password = "secret";
            AssertOnlyProblemIs(Validate(config), "mqtt.username");
        }

        [TestMethod]
        [DataRow(99)]
        [DataRow(60001)]
        [DataRow(0)]
        [DataRow(-500)]
        public static void ReconnectMinMs_outside_100_to_60000_is_rejected(int value)
        {
            var config = new MqttConfig();
            config.ReconnectMinMs = value;
            config.ReconnectMaxMs = 600000;
            AssertOnlyProblemIs(Validate(config), "mqtt.reconnectMinMs");
        }

        [TestMethod]
        [DataRow(100)]
        [DataRow(60000)]
        public static void ReconnectMinMs_at_its_bounds_is_accepted(int value)
        {
            var config = new MqttConfig();
            config.ReconnectMinMs = value;
            config.ReconnectMaxMs = 60000;
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
        }

        [TestMethod]
        [DataRow(999)]
        [DataRow(600001)]
        public static void ReconnectMaxMs_outside_1000_to_600000_is_rejected(int value)
        {
            var config = new MqttConfig();
            config.ReconnectMinMs = 100;
            config.ReconnectMaxMs = value;
            AssertOnlyProblemIs(Validate(config), "mqtt.reconnectMaxMs");
        }

        [TestMethod]
        public static void ReconnectMaxMs_below_ReconnectMinMs_is_rejected_naming_reconnectMaxMs()
        {
            var config = new MqttConfig();
            config.ReconnectMinMs = 5000;
            config.ReconnectMaxMs = 4000;
            ConfigErrors errors = Validate(config);
            AssertOnlyProblemIs(errors, "mqtt.reconnectMaxMs");
            Assert.Contains("reconnectMinMs", errors[0]);
        }

        [TestMethod]
        public static void ReconnectMaxMs_equal_to_ReconnectMinMs_is_accepted()
        {
            var config = new MqttConfig();
            config.ReconnectMinMs = 5000;
            config.ReconnectMaxMs = 5000;
            Assert.AreEqual(0, Validate(config).Count, Validate(config).ToString());
        }

        [TestMethod]
        public static void Every_problem_is_reported_in_one_run()
        {
            var config = new MqttConfig();
            config.UseTls = true;
            config.ClientKey = "k";
            config.ReconnectMinMs = 1;
            ConfigErrors errors = Validate(config);
            Assert.AreEqual(3, errors.Count, errors.ToString());
            string text = errors.ToString();
            Assert.Contains("mqtt.caCertificate:", text);
            Assert.Contains("mqtt.clientCertificate:", text);
            Assert.Contains("mqtt.reconnectMinMs:", text);
        }

        [TestMethod]
        public static void ApplyTo_copies_tls_material_credentials_and_delays_and_leaves_identity_and_will_alone()
        {
            MqttConfig config = Tls();
            config.Host = "broker.site-a";
            config.ClientCertificate = "/etc/pod/client.crt";
            config.ClientKey = "/etc/pod/client.key";
            config.Username = "pod-017";
            config.Password = "secret";
            config.KeepAliveS = 20;
            config.ReconnectMinMs = 250;
            config.ReconnectMaxMs = 8000;

            var options = new MqttLinkOptions();
            options.ClientId = "pod-017";
            options.WillTopic = "pods/pod-017/status";
            options.WillPayload = "offline";
            config.ApplyTo(options);

            Assert.AreEqual("broker.site-a", options.Host);
            Assert.AreEqual(8883, options.Port);
            Assert.IsTrue(options.UseTls);
            Assert.AreEqual(config.CaCertificate, options.CaCertificate);
            Assert.AreEqual("/etc/pod/client.crt", options.ClientCertificate);
            Assert.AreEqual("/etc/pod/client.key", options.ClientKey);
            Assert.AreEqual("pod-017", options.Username);
            Assert.AreEqual("secret", options.Password);
            Assert.AreEqual(20, options.KeepAliveS);
            Assert.AreEqual(250, options.ReconnectMinMs);
            Assert.AreEqual(8000, options.ReconnectMaxMs);
            Assert.AreEqual("pod-017", options.ClientId);
            Assert.AreEqual("pods/pod-017/status", options.WillTopic);
            Assert.AreEqual("offline", options.WillPayload);
        }

        [TestMethod]
        public static void ApplyTo_turns_null_strings_into_empty_ones()
        {
            var config = new MqttConfig();
            config.Username = null;
            config.Password = null;
            config.ClientCertificate = null;
            var options = new MqttLinkOptions();
            config.ApplyTo(options);
            Assert.AreEqual("", options.Username);
            Assert.AreEqual("", options.Password);
            Assert.AreEqual("", options.ClientCertificate);
        }
    }
}
