using System;
using nanoFramework.TestFramework;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Config.Board;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Boot
{
    /// <summary>A board map with any problem gives no map at all, every problem named; a good one is returned.</summary>
    [TestClass]
    public class BoardConfigLoaderTests
    {
        private sealed class FixedParser : IConfigParser
        {
            public BoardConfig Result;
            public bool Throws;

            public object Parse(string json, Type type)
            {
                if (Throws)
                {
                    throw new Exception("bad token");
                }

                return Result;
            }
        }

        [TestMethod]
        public static void A_valid_map_is_returned()
        {
            var parser = new FixedParser();
            parser.Result = BoardConfig.BuiltIn();
            var errors = new ConfigErrors();
            Assert.AreSame(parser.Result, BoardConfigLoader.Load("{\"board\":\"x\"}", parser, errors));
            Assert.AreEqual(0, errors.Count);
        }

        [TestMethod]
        public static void A_duplicate_key_an_invalid_pin_or_an_unreadable_file_gives_no_map()
        {
            var parser = new FixedParser();
            parser.Result = BoardConfig.BuiltIn();
            var errors = new ConfigErrors();
            Assert.IsNull(BoardConfigLoader.Load("{\"board\":\"x\",\"board\":\"y\"}", parser, errors));
            Assert.AreEqual("board: given twice (the loader would keep only the last)\n", errors.ToString());

            parser.Result.Outputs.RelayCoil.Gpio = 7;
            errors = new ConfigErrors();
            Assert.IsNull(BoardConfigLoader.Load("{}", parser, errors));
            Assert.Contains("outputs.relayCoil.gpio:", errors.ToString());

            errors = new ConfigErrors();
            Assert.IsNull(BoardConfigLoader.Load(null, parser, errors));
            Assert.AreEqual("file: unreadable\n", errors.ToString());

            parser.Result = null;
            errors = new ConfigErrors();
            Assert.IsNull(BoardConfigLoader.Load("null", parser, errors));
            Assert.AreEqual("file: holds no pin map object\n", errors.ToString());

            parser.Throws = true;
            errors = new ConfigErrors();
            Assert.IsNull(BoardConfigLoader.Load("{", parser, errors));
            Assert.AreEqual("file: unreadable (malformed JSON or an unknown key): bad token\n", errors.ToString());
        }
    }
}
