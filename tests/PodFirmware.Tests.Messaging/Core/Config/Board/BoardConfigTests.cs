using nanoFramework.TestFramework;
using PodFirmware.Core.Config.Board;
using PodFirmware.Drivers.Config;

namespace PodFirmware.Tests.Core.Config.Board
{
    [TestClass]
    public class BoardConfigTests
    {
        private static void AssertOnlyProblemIs(ConfigErrors errors, string key, string detail)
        {
            Assert.AreEqual(1, errors.Count, errors.ToString());
            Assert.Contains(key + ":", errors[0], "expected the problem to name " + key);
            Assert.Contains(detail, errors[0]);
        }

        private static OutputPin OutputNamed(BoardConfig board, string name)
        {
            if (name == "relayCoil")
            {
                return board.Outputs.RelayCoil;
            }

            return name == "wheelLock" ? board.Outputs.WheelLock : board.Outputs.CableLock;
        }

        private static InputPin InputNamed(BoardConfig board, string name)
        {
            switch (name)
            {
                case "relayFeedback": return board.Inputs.RelayFeedback;
                case "wheelLockSense": return board.Inputs.WheelLockSense;
                case "cableLockSense": return board.Inputs.CableLockSense;
                case "dockSense": return board.Inputs.DockSense;
                case "plugDetect": return board.Inputs.PlugDetect;
                default: return board.Inputs.VehiclePresence;
            }
        }

        private static AnalogPin AnalogNamed(BoardConfig board, string name)
        {
            if (name == "temperature")
            {
                return board.Adc.Temperature;
            }

            return name == "current" ? board.Adc.Current : board.Adc.Voltage;
        }

        [TestMethod]
        public static void The_built_in_map_of_the_reference_board_is_valid()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
            Assert.AreEqual("esp32-devkitc-pod-v1", board.Board);
            Assert.AreEqual(26, board.Outputs.RelayCoil.Gpio);
            Assert.IsFalse(board.Outputs.RelayCoil.ActiveLow);
            Assert.AreEqual(3, board.Adc.Current.Channel);
            Assert.AreEqual(19, board.Gnss.TxGpio);
        }

        [TestMethod]
        public static void Each_missing_section_is_named()
        {
            var board = new BoardConfig();
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(4, errors.Count, errors.ToString());
            Assert.Contains("outputs: section is missing", errors[0]);
            Assert.Contains("inputs: section is missing", errors[1]);
            Assert.Contains("adc: section is missing", errors[2]);
            Assert.Contains("gnss: section is missing", errors[3]);
        }

        [TestMethod]
        [DataRow("relayCoil")]
        [DataRow("wheelLock")]
        [DataRow("cableLock")]
        public static void A_missing_output_is_named(string name)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            if (name == "relayCoil")
            {
                board.Outputs.RelayCoil = null;
            }
            else if (name == "wheelLock")
            {
                board.Outputs.WheelLock = null;
            }
            else
            {
                board.Outputs.CableLock = null;
            }

            AssertOnlyProblemIs(board.Validate(), "outputs." + name, "is missing");
        }

        [TestMethod]
        [DataRow("relayFeedback")]
        [DataRow("wheelLockSense")]
        [DataRow("cableLockSense")]
        [DataRow("dockSense")]
        [DataRow("plugDetect")]
        public static void A_missing_required_input_is_named(string name)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            switch (name)
            {
                case "relayFeedback": board.Inputs.RelayFeedback = null; break;
                case "wheelLockSense": board.Inputs.WheelLockSense = null; break;
                case "cableLockSense": board.Inputs.CableLockSense = null; break;
                case "dockSense": board.Inputs.DockSense = null; break;
                default: board.Inputs.PlugDetect = null; break;
            }

            AssertOnlyProblemIs(board.Validate(), "inputs." + name, "is missing");
        }

        [TestMethod]
        public static void The_pilot_section_is_optional_but_complete_when_present()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Pilot = null;
            Assert.AreEqual(0, board.Validate().Count);
            board = BoardConfig.BuiltIn();
            board.Pilot.Cp = null;
            AssertOnlyProblemIs(board.Validate(), "pilot.cp", "is missing");
        }

        [TestMethod]
        public static void The_pilot_PWM_needs_an_output_pin_and_its_sense_inputs_ADC1()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Pilot.PwmGpio = 36;
            AssertOnlyProblemIs(board.Validate(), "pilot.pwmGpio", "input-only");
            board = BoardConfig.BuiltIn();
            board.Pilot.Pp = AnalogPin.Of(12, 15);
            AssertOnlyProblemIs(board.Validate(), "pilot.pp.channel", "ADC1");
            board = BoardConfig.BuiltIn();
            board.Pilot.PwmGpio = 26;
            AssertOnlyProblemIs(board.Validate(), "pilot.pwmGpio", "already used by outputs.relayCoil");
        }

        [TestMethod]
        public static void The_rcd_pins_are_optional_together_but_not_one_without_the_other()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.RcdFault = null;
            board.Outputs.RcdTest = null;
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
            board = BoardConfig.BuiltIn();
            board.Inputs.RcdFault = null;
            AssertOnlyProblemIs(board.Validate(), "inputs.rcdFault", "needs both rcdFault and rcdTest");
            board = BoardConfig.BuiltIn();
            board.Outputs.RcdTest = null;
            AssertOnlyProblemIs(board.Validate(), "outputs.rcdTest", "needs both rcdFault and rcdTest");
        }

        [TestMethod]
        public static void The_rcd_test_output_is_checked_like_every_output()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Outputs.RcdTest.Gpio = 35;
            AssertOnlyProblemIs(board.Validate(), "outputs.rcdTest.gpio", "input-only");
        }

        [TestMethod]
        public static void The_vehicle_presence_input_is_optional()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.VehiclePresence = null;
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        [DataRow("temperature")]
        [DataRow("current")]
        [DataRow("voltage")]
        public static void A_missing_ADC_entry_is_named(string name)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            if (name == "temperature")
            {
                board.Adc.Temperature = null;
            }
            else if (name == "current")
            {
                board.Adc.Current = null;
            }
            else
            {
                board.Adc.Voltage = null;
            }

            AssertOnlyProblemIs(board.Validate(), "adc." + name, "is missing");
        }

        [TestMethod]
        [DataRow("relayCoil", 34, "input-only")]
        [DataRow("wheelLock", 39, "input-only")]
        [DataRow("cableLock", 6, "SPI flash")]
        [DataRow("relayCoil", 11, "SPI flash")]
        [DataRow("wheelLock", 20, "does not exist")]
        [DataRow("cableLock", 24, "does not exist")]
        [DataRow("relayCoil", 28, "does not exist")]
        [DataRow("wheelLock", 31, "does not exist")]
        [DataRow("cableLock", 40, "does not exist")]
        [DataRow("relayCoil", -1, "does not exist")]
        public static void An_output_on_a_GPIO_that_cannot_drive_is_named(string name, int gpio, string reason)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            OutputNamed(board, name).Gpio = gpio;
            AssertOnlyProblemIs(board.Validate(), "outputs." + name + ".gpio", reason);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2)]
        [DataRow(12)]
        public static void An_output_may_use_any_output_capable_free_GPIO(int gpio)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Console = null; // these tests borrow the console's free pins 35 and 23
            board.Inputs.HazardAlarm = null; // and the smoke detector's 2 and 12
            board.Outputs.HazardTest = null;
            board.Outputs.CableLock.Gpio = gpio;
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void An_active_low_relay_coil_is_refused()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Outputs.RelayCoil.ActiveLow = true;
            AssertOnlyProblemIs(board.Validate(), "outputs.relayCoil.activeLow", "must be false");
        }

        [TestMethod]
        public static void An_active_low_lock_output_is_allowed()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Outputs.WheelLock.ActiveLow = true;
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        [DataRow("relayFeedback", 7, "SPI flash")]
        [DataRow("wheelLockSense", 10, "SPI flash")]
        [DataRow("cableLockSense", 20, "does not exist")]
        [DataRow("dockSense", 30, "does not exist")]
        [DataRow("plugDetect", 41, "does not exist")]
        [DataRow("vehiclePresence", 24, "does not exist")]
        public static void An_input_on_a_GPIO_that_cannot_be_read_is_named(string name, int gpio, string reason)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            InputNamed(board, name).Gpio = gpio;
            AssertOnlyProblemIs(board.Validate(), "inputs." + name + ".gpio", reason);
        }

        [TestMethod]
        public static void An_input_may_sit_on_an_input_only_GPIO_without_internal_pull()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.DockSense.Gpio = 37;
            board.Inputs.DockSense.Pull = "none";
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        [DataRow("up")]
        [DataRow("down")]
        public static void An_internal_pull_on_an_input_only_GPIO_is_named(string pull)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.DockSense.Gpio = 37;
            board.Inputs.DockSense.Pull = pull;
            AssertOnlyProblemIs(board.Validate(), "inputs.dockSense.pull", "no internal pull");
        }

        [TestMethod]
        [DataRow("Up")]
        [DataRow("pullup")]
        [DataRow("")]
        public static void An_unknown_pull_is_named(string pull)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.PlugDetect.Pull = pull;
            AssertOnlyProblemIs(board.Validate(), "inputs.plugDetect.pull", "must be \"up\", \"down\" or \"none\"");
        }

        [TestMethod]
        public static void A_missing_pull_is_named()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.RelayFeedback.Pull = null;
            AssertOnlyProblemIs(board.Validate(), "inputs.relayFeedback.pull", "is null");
        }

        [TestMethod]
        [DataRow("temperature", 8)]
        [DataRow("current", 10)]
        [DataRow("voltage", 19)]
        [DataRow("voltage", -1)]
        public static void An_ADC_channel_off_ADC1_is_named(string name, int channel)
        {
            BoardConfig board = BoardConfig.BuiltIn();
            AnalogNamed(board, name).Channel = channel;
            AssertOnlyProblemIs(board.Validate(), "adc." + name + ".channel", "ADC1");
        }

        [TestMethod]
        [DataRow(0, 36)]
        [DataRow(1, 37)]
        [DataRow(2, 38)]
        [DataRow(3, 39)]
        [DataRow(4, 32)]
        [DataRow(5, 33)]
        [DataRow(6, 34)]
        [DataRow(7, 35)]
        public static void Each_ADC1_channel_is_on_its_documented_GPIO(int channel, int gpio)
        {
            Assert.AreEqual(gpio, Esp32Gpio.Adc1Gpio(channel));
        }

        [TestMethod]
        public static void An_ADC_gpio_that_is_not_its_channels_is_named_with_the_right_one()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Adc.Temperature.Gpio = 39;
            AssertOnlyProblemIs(board.Validate(), "adc.temperature.gpio", "must be 36, the GPIO of ADC1 channel 0, is 39");
        }

        [TestMethod]
        public static void A_GNSS_receive_pin_must_exist()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Gnss.RxGpio = 9;
            AssertOnlyProblemIs(board.Validate(), "gnss.rxGpio", "SPI flash");
        }

        [TestMethod]
        public static void A_GNSS_transmit_pin_must_be_output_capable()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Gnss.TxGpio = 36;
            ConfigErrors errors = board.Validate();

            // 36 is also ADC channel 0 (temperature): an unusable pin is named once, not also as a double use.
            AssertOnlyProblemIs(errors, "gnss.txGpio", "GPIO 36 is input-only");
        }

        [TestMethod]
        public static void A_GNSS_receive_pin_may_be_input_only()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Gnss.RxGpio = 37;
            ConfigErrors errors = board.Validate();
            Assert.AreEqual(0, errors.Count, errors.ToString());
        }

        [TestMethod]
        public static void A_GPIO_used_by_two_outputs_names_the_second_and_the_first()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Outputs.CableLock.Gpio = 26;
            AssertOnlyProblemIs(board.Validate(), "outputs.cableLock.gpio", "GPIO 26 is already used by outputs.relayCoil.gpio");
        }

        [TestMethod]
        public static void A_GPIO_shared_by_an_output_and_an_input_is_named()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.DockSense.Gpio = 27;
            AssertOnlyProblemIs(board.Validate(), "inputs.dockSense.gpio", "GPIO 27 is already used by outputs.wheelLock.gpio");
        }

        [TestMethod]
        public static void An_input_on_an_ADC_channels_GPIO_is_named()
        {
            // Channel 6 samples GPIO 34; the input is checked after the outputs, before the ADC.
            BoardConfig board = BoardConfig.BuiltIn();
            board.Inputs.PlugDetect.Gpio = 34;
            board.Inputs.PlugDetect.Pull = "none";
            AssertOnlyProblemIs(board.Validate(), "adc.voltage.channel", "GPIO 34 is already used by inputs.plugDetect.gpio");
        }

        [TestMethod]
        public static void The_GNSS_pins_may_not_reuse_another_pin()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Gnss.RxGpio = 4;
            AssertOnlyProblemIs(board.Validate(), "gnss.rxGpio", "GPIO 4 is already used by inputs.dockSense.gpio");
        }

        [TestMethod]
        public static void Every_problem_is_reported_at_once()
        {
            BoardConfig board = BoardConfig.BuiltIn();
            board.Outputs.RelayCoil.ActiveLow = true;
            board.Outputs.WheelLock.Gpio = 35;
            board.Inputs.DockSense.Pull = "sideways";
            board.Adc.Current.Channel = 12;
            board.Gnss.RxGpio = 8;
            ConfigErrors errors = board.Validate();
            string all = errors.ToString();
            Assert.AreEqual(5, errors.Count, all);
            Assert.Contains("outputs.relayCoil.activeLow:", all);
            Assert.Contains("outputs.wheelLock.gpio:", all);
            Assert.Contains("inputs.dockSense.pull:", all);
            Assert.Contains("adc.current.channel:", all);
            Assert.Contains("gnss.rxGpio:", all);
        }
    }
}
