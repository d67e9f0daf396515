using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// The board pin map: <c>I:\board.json</c> on the device, <c>nf-device-config/boards/*.json</c> in the
    /// repository. Field names are the JSON keys in camelCase. Read at boot by nanoFramework.Json on the
    /// device (host: <c>ConfigFile.LoadBoard</c>), then <see cref="Validate"/> runs on both; the device opens
    /// no pin of a map that has any problem. The ESP32 facts the checks rely on are in this folder's README.md.
    /// </summary>
    /// <remarks>Read-only after boot; not thread-safe while being filled.</remarks>
    public sealed class BoardConfig
    {
        /// <summary>Name of the reference board, whose map <see cref="BuiltIn"/> returns.</summary>
        public const string ReferenceBoard = "esp32-devkitc-pod-v1";

        /// <summary><c>board</c>: board name, for people.</summary>
        public string Board;

        /// <summary><c>nanoffTarget</c>: nanoff target the board is flashed with; informational.</summary>
        public string NanoffTarget;

        /// <summary><c>outputs</c>: digital outputs.</summary>
        public OutputPins Outputs;

        /// <summary><c>inputs</c>: digital inputs.</summary>
        public InputPins Inputs;

        /// <summary><c>adc</c>: analog inputs.</summary>
        public AdcChannels Adc;

        /// <summary><c>gnss</c>: GNSS receiver UART.</summary>
        public GnssPins Gnss;

        /// <summary><c>pilot</c>: control pilot PWM and CP/PP sense; null on a board without a pilot.</summary>
        public PilotPins Pilot;

        /// <summary><c>console</c>: the serial console's UART; optional (null: no serial console).</summary>
        public ConsolePins Console;

        /// <summary><c>card</c>: the MFRC522 RFID reader's SPI pins; optional (null: no card reader).</summary>
        public CardPins Card;

        /// <summary>
        /// The built-in pin map of the reference board, used when the device has no <c>I:\board.json</c>.
        /// Mirrors nf-device-config/boards/esp32-devkitc-pod-v1.json (a host test keeps the two equal).
        /// </summary>
        /// <returns>A new, valid map.</returns>
        public static BoardConfig BuiltIn()
        {
            BoardConfig board = new BoardConfig();
            board.Board = ReferenceBoard;
            board.NanoffTarget = "ESP32_REV3";

            board.Outputs = new OutputPins();
            board.Outputs.RelayCoil = OutputPin.Of(26, false);
            board.Outputs.WheelLock = OutputPin.Of(27, false);
            board.Outputs.CableLock = OutputPin.Of(25, false);
            board.Outputs.RcdTest = OutputPin.Of(16, false);
            board.Outputs.HazardTest = OutputPin.Of(12, false);

            board.Inputs = new InputPins();
            board.Inputs.RelayFeedback = InputPin.Of(32, true, InputPin.PullUp);
            board.Inputs.WheelLockSense = InputPin.Of(14, true, InputPin.PullUp);
            board.Inputs.CableLockSense = InputPin.Of(13, true, InputPin.PullUp);
            board.Inputs.DockSense = InputPin.Of(4, true, InputPin.PullUp);
            board.Inputs.PlugDetect = InputPin.Of(21, true, InputPin.PullUp);
            board.Inputs.VehiclePresence = InputPin.Of(22, true, InputPin.PullUp);
            board.Inputs.RcdFault = InputPin.Of(17, true, InputPin.PullUp);
            board.Inputs.HazardAlarm = InputPin.Of(2, true, InputPin.PullUp);

            board.Adc = new AdcChannels();
            board.Adc.Temperature = AnalogPin.Of(0, 36);
            board.Adc.Current = AnalogPin.Of(3, 39);
            board.Adc.Voltage = AnalogPin.Of(6, 34);

            board.Gnss = new GnssPins();
            board.Gnss.RxGpio = 18;
            board.Gnss.TxGpio = 19;

            board.Pilot = new PilotPins();
            board.Pilot.PwmGpio = 23;
            board.Pilot.Cp = AnalogPin.Of(7, 35);
            board.Pilot.Pp = AnalogPin.Of(5, 33);
            board.Console = new ConsolePins();
            board.Console.RxGpio = 15;
            board.Console.TxGpio = 5;
            return board;
        }

        /// <summary>
        /// Checks the map: every section and entry present (only <c>inputs.vehiclePresence</c>, the RCD pair
        /// <c>inputs.rcdFault</c>/<c>outputs.rcdTest</c>, the smoke / gas detector's <c>inputs.hazardAlarm</c>, <c>outputs.hazardTest</c>
        /// (only with the alarm) and <c>adc.hazard</c>, and the <c>pilot</c> section as a whole may be left out), no flash or
        /// non-existent GPIO, no output on an input-only GPIO, no internal pull where the
        /// GPIO has none, ADC1 channels only and each on its own GPIO, an active-high relay coil, and no GPIO
        /// used twice. Each problem names its key, e.g. <c>outputs.relayCoil.gpio</c>.
        /// </summary>
        /// <returns>The problems found; empty when the map may be used.</returns>
        public ConfigErrors Validate()
        {
            var errors = new ConfigErrors();
            var used = new UsedGpios();

            if (Outputs == null)
            {
                errors.Fail("outputs", "section is missing");
            }
            else
            {
                CheckOutput("outputs.relayCoil", Outputs.RelayCoil, used, errors);
                CheckOutput("outputs.wheelLock", Outputs.WheelLock, used, errors);
                CheckOutput("outputs.cableLock", Outputs.CableLock, used, errors);
                if (Outputs.RcdTest != null)
                {
                    CheckOutput("outputs.rcdTest", Outputs.RcdTest, used, errors);
                }

                if (Outputs.HazardTest != null)
                {
                    CheckOutput("outputs.hazardTest", Outputs.HazardTest, used, errors);
                }

                // Entering output mode drives the pin low before the first write: an active-low coil
                // driver would pulse the relay closed while the pin is set up.
                if (Outputs.RelayCoil != null && Outputs.RelayCoil.ActiveLow)
                {
                    errors.Fail("outputs.relayCoil.activeLow", "must be false: an active-low coil would close while the pin is set up (wire the driver active-high)");
                }
            }

            if (Inputs == null)
            {
                errors.Fail("inputs", "section is missing");
            }
            else
            {
                CheckInput("inputs.relayFeedback", Inputs.RelayFeedback, true, used, errors);
                CheckInput("inputs.wheelLockSense", Inputs.WheelLockSense, true, used, errors);
                CheckInput("inputs.cableLockSense", Inputs.CableLockSense, true, used, errors);
                CheckInput("inputs.dockSense", Inputs.DockSense, true, used, errors);
                CheckInput("inputs.plugDetect", Inputs.PlugDetect, true, used, errors);
                CheckInput("inputs.vehiclePresence", Inputs.VehiclePresence, false, used, errors);
                CheckInput("inputs.rcdFault", Inputs.RcdFault, false, used, errors);
                CheckInput("inputs.hazardAlarm", Inputs.HazardAlarm, false, used, errors);
            }

            if (Outputs != null && Inputs != null && Outputs.HazardTest != null && Inputs.HazardAlarm == null)
            {
                errors.Fail("inputs.hazardAlarm", "is missing: outputs.hazardTest tests the detector's alarm output");
            }

            // The residual-current monitor is fitted with both of its pins or not at all.
            if (Outputs != null && Inputs != null && (Outputs.RcdTest == null) != (Inputs.RcdFault == null))
            {
                errors.Fail(Inputs.RcdFault == null ? "inputs.rcdFault" : "outputs.rcdTest", "is missing: the RCD module needs both rcdFault and rcdTest");
            }

            if (Adc == null)
            {
                errors.Fail("adc", "section is missing");
            }
            else
            {
                CheckAnalog("adc.temperature", Adc.Temperature, used, errors);
                CheckAnalog("adc.current", Adc.Current, used, errors);
                CheckAnalog("adc.voltage", Adc.Voltage, used, errors);
                if (Adc.Hazard != null)
                {
                    CheckAnalog("adc.hazard", Adc.Hazard, used, errors);
                }
            }

            if (Gnss == null)
            {
                errors.Fail("gnss", "section is missing");
            }
            else
            {
                Gnss.Validate("gnss", errors);
                used.Claim("gnss.rxGpio", Gnss.RxGpio, false, errors);
                used.Claim("gnss.txGpio", Gnss.TxGpio, true, errors);
            }

            if (Pilot != null)
            {
                string problem = Esp32Gpio.Unusable(Pilot.PwmGpio, true);
                if (problem != null)
                {
                    errors.Fail("pilot.pwmGpio", problem);
                }

                used.Claim("pilot.pwmGpio", Pilot.PwmGpio, true, errors);
                CheckAnalog("pilot.cp", Pilot.Cp, used, errors);
                CheckAnalog("pilot.pp", Pilot.Pp, used, errors);
            }

            if (Console != null)
            {
                Console.Validate("console", errors);
                used.Claim("console.rxGpio", Console.RxGpio, false, errors);
                used.Claim("console.txGpio", Console.TxGpio, true, errors);
            }

            if (Card != null)
            {
                Card.Validate("card", errors);
                used.Claim("card.csGpio", Card.CsGpio, true, errors);
                used.Claim("card.sckGpio", Card.SckGpio, true, errors);
                used.Claim("card.mosiGpio", Card.MosiGpio, true, errors);
                used.Claim("card.misoGpio", Card.MisoGpio, false, errors);
                if (Card.ResetGpio != -1)
                {
                    used.Claim("card.resetGpio", Card.ResetGpio, true, errors);
                }
            }

            return errors;
        }

        private static void CheckOutput(string key, OutputPin pin, UsedGpios used, ConfigErrors errors)
        {
            if (pin == null)
            {
                errors.Fail(key, "is missing");
                return;
            }

            pin.Validate(key, errors);
            used.Claim(key + ".gpio", pin.Gpio, true, errors);
        }

        private static void CheckInput(string key, InputPin pin, bool required, UsedGpios used, ConfigErrors errors)
        {
            if (pin == null)
            {
                if (required)
                {
                    errors.Fail(key, "is missing");
                }

                return;
            }

            pin.Validate(key, errors);
            used.Claim(key + ".gpio", pin.Gpio, false, errors);
        }

        private static void CheckAnalog(string key, AnalogPin pin, UsedGpios used, ConfigErrors errors)
        {
            if (pin == null)
            {
                errors.Fail(key, "is missing");
                return;
            }

            pin.Validate(key, errors);

            // The pin the channel really samples, whatever the gpio key says (reported above when they differ).
            int gpio = Esp32Gpio.Adc1Gpio(pin.Channel);
            if (gpio >= 0)
            {
                used.Claim(key + ".channel", gpio, false, errors);
            }
        }

        // The GPIOs claimed so far and the key that claimed each; a second claim is an error naming both keys.
        // A pin unusable in its role is already reported and claims nothing, so it is not reported twice.
        private sealed class UsedGpios
        {
            private readonly string[] _keyOfGpio = new string[Esp32Gpio.HighestGpio + 1];

            public void Claim(string key, int gpio, bool output, ConfigErrors errors)
            {
                if (!Esp32Gpio.IsUsable(gpio, output))
                {
                    return;
                }

                if (_keyOfGpio[gpio] != null)
                {
                    errors.Fail(key, "GPIO " + gpio.ToString() + " is already used by " + _keyOfGpio[gpio]);
                    return;
                }

                _keyOfGpio[gpio] = key;
            }
        }
    }
}
