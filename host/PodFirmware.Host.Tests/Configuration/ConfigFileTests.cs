using PodFirmware.Host.Configuration;
using Xunit;

namespace PodFirmware.Host.Tests.Configuration
{
    public class ConfigFileTests
    {
        // commands.keyHex is the one key without a default: each pod has its own signing key.
        private const string Minimal = "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}";

        [Fact]
        public void A_minimal_file_loads_with_defaults_for_every_other_key()
        {
            var config = ConfigFile.Parse(Minimal, "pod.json");
            Assert.Equal("pod-017", config.PodId);
            Assert.Equal(17, config.ParkingSpace);
            Assert.Equal(100, config.TickPeriodMs);
            Assert.Equal(1883, config.Mqtt.Port);
        }

        [Theory]
        [InlineData("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"tickPeriodMs\":5}", "tickPeriodMs: must be between 20 ms and 1000 ms, is 5 ms")]
        [InlineData("{\"podId\":\"Pod 17\",\"siteId\":\"site-a\",\"parkingSpace\":17}", "podId: may hold only")]
        [InlineData("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"mqtt\":{\"port\":70000}}", "mqtt.port: must be between 1 and 65535")]
        [InlineData("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"mqtt\":{\"prot\":1883}}", "mqtt.prot: unknown key")]
        [InlineData("{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":\"seventeen\"}", "parkingSpace: wrong type")]
        [InlineData("{\"podId\":\"pod-017\",", "malformed JSON")]
        [InlineData("{\"siteId\":\"site-a\",\"parkingSpace\":17}", "podId: must be 1 to 32 characters")]
        public void A_bad_file_is_an_error_naming_the_key(string json, string expected)
        {
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Parse(json, "pod.json"));
            Assert.Contains(expected, error.Message);
            Assert.StartsWith("pod.json: ", error.Message);
        }

        [Theory]
        [InlineData("\"hall\"", 1)]
        [InlineData("\"Hall\"", 1)]
        [InlineData("\"HALL\"", 1)]
        [InlineData("\"currentTransformer\"", 0)]
        [InlineData("\"CurrentTransformer\"", 0)]
        public void A_named_choice_loads_by_its_documented_name_in_any_letter_case(string name, int expected)
        {
            string json = Minimal.Substring(0, Minimal.Length - 1) + ",\"sensors\":{\"current\":{\"transducer\":" + name + "}}}";
            var config = ConfigFile.Parse(json, "pod.json");
            Assert.Equal(expected, (int)config.Sensors.Current.ParsedTransducer);
        }

        [Theory]
        [InlineData("{\"current\":{\"transducer\":\"shunt\"}}", "sensors.current.transducer: must be one of \"currentTransformer\", \"hall\"")]
        [InlineData("{\"current\":{\"transducer\":\"1\"}}", "sensors.current.transducer: must be one of")]
        [InlineData("{\"current\":{\"transducer\":1}}", "sensors.current.transducer: wrong type")]
        [InlineData("{\"temperature\":{\"model\":\"steinhart\"}}", "sensors.temperature.model: must be one of \"beta\", \"steinhartHart\"")]
        [InlineData("{\"temperature\":{\"ntcPosition\":null}}", "sensors.temperature.ntcPosition: must be one of \"lowSide\", \"highSide\" (letter case ignored), is null")]
        public void A_number_or_an_unknown_name_for_a_named_choice_is_an_error_naming_the_key(string sensors, string expected)
        {
            string json = "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17,\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"},\"sensors\":" + sensors + "}";
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Parse(json, "pod.json"));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void Every_problem_is_reported_at_once()
        {
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.Parse("{\"podId\":\"\",\"siteId\":\"\",\"parkingSpace\":0}", "pod.json"));
            Assert.Contains("podId:", error.Message);
            Assert.Contains("siteId:", error.Message);
            Assert.Contains("parkingSpace:", error.Message);
        }
    }
}
