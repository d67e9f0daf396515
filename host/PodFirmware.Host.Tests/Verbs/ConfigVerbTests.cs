using System;
using System.IO;
using PodFirmware.Host.Tests.Support;
using PodFirmware.Host.Verbs;
using Xunit;

namespace PodFirmware.Host.Tests.Verbs
{
    /// <summary><c>./pod config check</c>: each kind of bad pod config and board map is rejected with its key named; good files pass.</summary>
    public sealed class ConfigVerbTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("pod-config-check-").FullName;

        private static string Pod => File.ReadAllText(Path.Combine(RepoPaths.Root, "nf-device-config", "pods", "pod-demo.json"));

        private static string Board => File.ReadAllText(Path.Combine(RepoPaths.Root, "nf-device-config", "boards", "esp32-devkitc-pod-v1.json"));

        public void Dispose() => Directory.Delete(_dir, true);

        private (int Code, string Out, string Err) Check(params string[] files)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = ConfigVerb.Check(files, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private string Write(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void The_shipped_pod_config_and_board_map_pass()
        {
            var result = Check(Write("pod.json", Pod), Write("board.json", Board));
            Assert.Equal(0, result.Code);
            Assert.Contains("pod.json: ok (pod config)", result.Out);
            Assert.Contains("board.json: ok (board pin map)", result.Out);
            Assert.Equal("", result.Err);
        }

        [Theory]
        [InlineData("\"podId\": \"pod-017\",", "\"podId\": \"pod-017\", \"podId\": \"pod-018\",", "podId: given twice")]
        [InlineData("\"port\": 1883", "\"port\": 1883, \"port\": 1884", "mqtt.port: given twice")]
        [InlineData("\"parkingSpace\": 17,", "\"parkingSpace\": 17, \"tickPeriodMs\": 5,", "tickPeriodMs: must be between 20 ms and 1000 ms, is 5 ms")]
        [InlineData("\"parkingSpace\": 17,", "\"parkingSpace\": 0,", "parkingSpace: must be between 1 and 9999, is 0")]
        [InlineData("\"port\": 1883", "\"prot\": 1883", "mqtt.prot: unknown key")]
        [InlineData("\"parkingSpace\": 17,", "\"parkingSpace\": \"17\",", "parkingSpace: wrong type")]
        [InlineData("\"podId\": \"pod-017\",", "\"podId\": \"Pod 17\",", "podId: may hold only")]
        public void A_bad_pod_config_is_rejected_naming_the_key(string from, string to, string expected)
        {
            string text = Pod;
            Assert.Contains(from, text);
            var result = Check(Write("pod.json", text.Replace(from, to)));
            Assert.Equal(1, result.Code);
            Assert.Contains(expected, result.Err);
        }

        [Theory]
        [InlineData("\"relayCoil\": { \"gpio\": 26", "\"relayCoil\": { \"gpio\": 7", "outputs.relayCoil.gpio")]
        [InlineData("\"wheelLock\": { \"gpio\": 27", "\"wheelLock\": { \"gpio\": 35", "outputs.wheelLock.gpio")]
        [InlineData("\"channel\": 3, \"gpio\": 39", "\"channel\": 13, \"gpio\": 39", "adc.current.channel")]
        [InlineData("\"dockSense\": { \"gpio\": 4", "\"dockSense\": { \"gpio\": 21", "inputs.plugDetect.gpio")]
        [InlineData("\"gnss\": { \"rxGpio\": 18", "\"gnss\": { \"rxGpio\": 18, \"rxGpio\": 17", "gnss.rxGpio: given twice")]
        public void A_bad_board_map_is_rejected_naming_the_key(string from, string to, string expected)
        {
            string text = Board;
            Assert.Contains(from, text);
            var result = Check(Write("board.json", text.Replace(from, to)));
            Assert.Equal(1, result.Code);
            Assert.Contains(expected, result.Err);
        }

        [Fact]
        public void Every_file_is_checked_and_one_bad_file_fails_the_run()
        {
            var result = Check(Write("bad.json", "{\"podId\":"), Write("good.json", Pod));
            Assert.Equal(1, result.Code);
            Assert.Contains("bad.json: podId: wrong type or malformed value", result.Err);
            Assert.Contains("good.json: ok", result.Out);
        }

        [Fact]
        public void A_directory_or_a_missing_file_is_an_error_not_a_stack_trace()
        {
            var result = Check(_dir, Path.Combine(_dir, "missing.json"));
            Assert.Equal(1, result.Code);
            Assert.Contains(_dir + ": is a directory", result.Err);
            Assert.Contains("missing.json: cannot read", result.Err);
            Assert.DoesNotContain("   at ", result.Err);
        }

        [Fact]
        public void No_file_is_a_usage_error()
        {
            Assert.Equal(2, Check().Code);
        }
    }
}
