using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using PodFirmware.Core.Config.Board;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Tests.Support;
using Xunit;

namespace PodFirmware.Host.Tests.Configuration
{
    /// <summary>The board pin maps in nf-device-config/boards load on the host and pass the same <see cref="BoardConfig.Validate"/> as on the device.</summary>
    public class BoardFileTests
    {
        private static string BoardsDir => Path.Combine(RepoPaths.Root, "nf-device-config", "boards");

        private static string Reference => Path.Combine(BoardsDir, BoardConfig.ReferenceBoard + ".json");

        public static IEnumerable<object[]> BoardFiles()
        {
            foreach (string path in Directory.GetFiles(Path.Combine(RepoPaths.Root, "nf-device-config", "boards"), "*.json"))
            {
                yield return new object[] { Path.GetFileName(path) };
            }
        }

        [Theory]
        [MemberData(nameof(BoardFiles))]
        public void Every_board_file_loads_and_is_valid(string file)
        {
            BoardConfig board = ConfigFile.LoadBoard(Path.Combine(BoardsDir, file));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), board.Board);
        }

        [Fact]
        public void The_reference_board_file_equals_the_built_in_map()
        {
            var options = new JsonSerializerOptions { IncludeFields = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
            JsonNode file = JsonSerializer.SerializeToNode(ConfigFile.LoadBoard(Reference), options);
            JsonNode builtIn = JsonSerializer.SerializeToNode(BoardConfig.BuiltIn(), options);
            Assert.True(JsonNode.DeepEquals(file, builtIn), "nf-device-config/boards/" + BoardConfig.ReferenceBoard + ".json and BoardConfig.BuiltIn() differ:\n" + file + "\n" + builtIn);
        }

        [Theory]
        [InlineData("\"gnss\": { \"rxGpio\": 18, \"txGpio\": 19 }", "\"gnss\": { \"rxGpio\": 18, \"txGpio\": 19, \"baud\": 9600 }", "gnss.baud: unknown key")]
        [InlineData("\"relayCoil\": { \"gpio\": 26, \"activeLow\": false }", "\"relayCoil\": { \"gpio\": 26, \"activeLow\": true }", "outputs.relayCoil.activeLow: must be false")]
        [InlineData("\"wheelLock\": { \"gpio\": 27,", "\"wheelLock\": { \"gpio\": 35,", "outputs.wheelLock.gpio: GPIO 35 is input-only")]
        [InlineData("\"dockSense\": { \"gpio\": 4,", "\"dockSense\": { \"gpio\": 26,", "inputs.dockSense.gpio: GPIO 26 is already used by outputs.relayCoil.gpio")]
        [InlineData("\"current\": { \"channel\": 3, \"gpio\": 39 }", "\"current\": { \"channel\": 3, \"gpio\": 38 }", "adc.current.gpio: must be 39")]
        [InlineData("\"current\": { \"channel\": 3, \"gpio\": 39 }", "\"current\": { \"channel\": \"3\", \"gpio\": 39 }", "adc.current.channel: wrong type")]
        public void A_broken_board_file_is_an_error_naming_the_key(string original, string broken, string expected)
        {
            string json = File.ReadAllText(Reference);
            Assert.Contains(original, json);
            var error = Assert.Throws<ConfigFileException>(() => ConfigFile.ParseBoard(json.Replace(original, broken), "board.json"));
            Assert.StartsWith("board.json: ", error.Message);
            Assert.Contains(expected, error.Message);
        }
    }
}
