using nanoFramework.TestFramework;
using PodFirmware.Core.Config.Board;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Config.Board
{
    /// <summary>The optional console UART of the board map: the GNSS pin rules, its baud range, no GPIO shared.</summary>
    [TestClass]
    public class ConsolePinsTests
    {
        private static void AssertOnlyProblemIs(ConfigErrors errors, string key, string detail)
        {
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains(key + ":", errors[0]);
            Assert.Contains(detail, errors[0]);
        }

        [TestMethod]
        public static void The_built_in_map_has_a_valid_console_on_gpio_15_and_5_at_115200()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            Assert.AreEqual(0, board.Validate().Count);
            Assert.AreEqual(15, board.Console.RxGpio);
            Assert.AreEqual(5, board.Console.TxGpio);
            Assert.AreEqual(115200, board.Console.Baud);
        }

        [TestMethod]
        public static void A_map_without_a_console_is_valid()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console = null;
            Assert.AreEqual(0, board.Validate().Count);
        }

        [TestMethod]
        public static void A_console_on_a_flash_pin_is_named()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console.RxGpio = 7;
            AssertOnlyProblemIs(board.Validate(), "console.rxGpio", "SPI flash");
        }

        [TestMethod]
        public static void A_console_tx_on_an_input_only_pin_is_named()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console.TxGpio = 38;
            AssertOnlyProblemIs(board.Validate(), "console.txGpio", "input-only");
        }

        [TestMethod]
        public static void A_console_pin_used_elsewhere_is_named()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console.RxGpio = 18;
            AssertOnlyProblemIs(board.Validate(), "console.rxGpio", "already used by gnss.rxGpio");
        }

        [TestMethod]
        [DataRow(9599)]
        [DataRow(921601)]
        [DataRow(0)]
        public static void A_baud_rate_out_of_range_is_named(int baud)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console.Baud = baud;
            AssertOnlyProblemIs(board.Validate(), "console.baud", "must be between 9600 and 921600");
        }
    }
}
