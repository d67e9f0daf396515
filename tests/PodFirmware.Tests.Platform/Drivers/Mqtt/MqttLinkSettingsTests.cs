using System;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Mqtt;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Tests.Drivers.Mqtt
{
    [TestClass]
    public class MqttLinkSettingsTests
    {
        private static MqttLinkOptions Usable()
        {
            MqttLinkOptions options = new MqttLinkOptions();
            options.Host = "broker";
            options.ClientId = "P-1";
            return options;
        }

        [TestMethod]
        public static void The_checked_copy_is_independent_and_has_no_null_texts()
        {
            MqttLinkOptions options = Usable();
            options.Username = null;
            options.WillTopic = null;
            MqttLinkOptions copy = MqttLinkSettings.Validated(options);

            Assert.AreNotSame(options, copy);
            Assert.AreEqual("broker", copy.Host);
            Assert.AreEqual("", copy.Username);
            Assert.AreEqual("", copy.WillTopic);
            Assert.AreEqual("", copy.CaCertificate);

            options.Host = "elsewhere";
            Assert.AreEqual("broker", copy.Host, "later changes to the caller's object change nothing");
        }

        [TestMethod]
        public static void Unusable_options_are_refused()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => MqttLinkSettings.Validated(null));

            MqttLinkOptions noHost = Usable();
            noHost.Host = "";
            Assert.ThrowsException(typeof(ArgumentException), () => MqttLinkSettings.Validated(noHost));

            MqttLinkOptions tlsWithoutCa = Usable();
            tlsWithoutCa.UseTls = true;
            Assert.ThrowsException(typeof(ArgumentException), () => MqttLinkSettings.Validated(tlsWithoutCa));

            MqttLinkOptions certWithoutKey = Usable();
            certWithoutKey.UseTls = true;
            certWithoutKey.CaCertificate = "ca";
            certWithoutKey.ClientCertificate = "cert";
            Assert.ThrowsException(typeof(ArgumentException), () => MqttLinkSettings.Validated(certWithoutKey));

            MqttLinkOptions slowerMin = Usable();
            slowerMin.ReconnectMinMs = 2000;
            slowerMin.ReconnectMaxMs = 1000;
            Assert.ThrowsException(typeof(ArgumentException), () => MqttLinkSettings.Validated(slowerMin));
        }
    }
}
