using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.IO;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Json;
using nanoFramework.Networking;
using PodFirmware.Core.Config;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Device;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// Device entry point and composition root: the only code, with nf-device-config/, that knows
    /// pin numbers. Boot order is fail-safe first: the charging relay output is opened de-energised
    /// before any other output, input, sensor or network work.
    /// </summary>
    public class Program
    {
        /// <summary>Board pin map on the internal flash, deployed from nf-device-config/boards/.</summary>
        public const string BoardConfigPath = "I:\\board.json";

        /// <summary>Pod configuration on the internal flash, deployed from nf-device-config/pods/.</summary>
        public const string PodConfigPath = "I:\\pod.json";

        // Tick period when there is no valid pod configuration (the default of tickPeriodMs).
        private const int DefaultTickPeriodMs = 100;

        private const int WifiTimeoutMs = 30000;
        private const int ClockWaitMs = 15000;

        /// <summary>Boots the pod; never returns.</summary>
        public static void Main()
        {
            Log("PodFirmware starting");

            IDigitalOutput relay = null;

            try
            {
                // Reading the pin map touches no pin: until the relay output is opened below, its
                // GPIO is a high-impedance input and the board's pull-down holds the driver off.
                BoardConfig board = LoadBoard();

                if (board == null)
                {
                    Log("no usable pin map: no pin is opened, the board's pull-downs keep every output off");
                    HoldSafe(null);
                    return;
                }

                GpioController gpio = new GpioController();

                // 1. Fail safe: the charging relay, de-energised, before anything else.
                relay = new GpioDigitalOutput(gpio, board.Outputs.RelayCoil.Gpio, board.Outputs.RelayCoil.ActiveLow);

                PodHardware hardware = BuildHardware(board, gpio, relay);
                DeviceClock clock = new DeviceClock();
                PodConfig pod = LoadPod();

                if (pod != null)
                {
                    ConnectNetwork(clock);
                }

                IMqttLink link = StartMqtt(pod);
                RunControlLoop(hardware, clock, link, pod != null ? pod.TickPeriodMs : DefaultTickPeriodMs);
            }
            catch (Exception ex)
            {
                Log(String.Concat("boot failed: ", ex.Message));
            }

            HoldSafe(relay);
        }

        /// <summary>
        /// The control tick. The control core is wired in here by the controller issue; until then
        /// this placeholder publishes nothing, reads nothing and keeps the relay open on every tick.
        /// </summary>
        /// <param name="hardware">The pod's adapters, built from the pin map.</param>
        /// <param name="clock">The device clock.</param>
        /// <param name="link">The MQTT link, or null when the pod has no configuration.</param>
        /// <param name="tickPeriodMs">Tick period in milliseconds.</param>
        public static void RunControlLoop(PodHardware hardware, IClock clock, IMqttLink link, int tickPeriodMs)
        {
            Log("control loop placeholder running: relay held open");

            while (true)
            {
                hardware.RelayCoil.Write(false);
                Thread.Sleep(tickPeriodMs);
            }
        }

        private static PodHardware BuildHardware(BoardConfig board, GpioController gpio, IDigitalOutput relay)
        {
            PodHardware hardware = new PodHardware();
            hardware.RelayCoil = relay;

            // 2. The other outputs, de-energised too.
            hardware.WheelLock = OpenOutput(gpio, board.Outputs.WheelLock);
            hardware.CableLock = OpenOutput(gpio, board.Outputs.CableLock);

            // 3. Inputs.
            hardware.RelayFeedback = OpenInput(gpio, board.Inputs.RelayFeedback);
            hardware.WheelLockSense = OpenInput(gpio, board.Inputs.WheelLockSense);
            hardware.CableLockSense = OpenInput(gpio, board.Inputs.CableLockSense);
            hardware.DockSense = OpenInput(gpio, board.Inputs.DockSense);
            hardware.PlugDetect = OpenInput(gpio, board.Inputs.PlugDetect);
            hardware.VehiclePresence = OpenInput(gpio, board.Inputs.VehiclePresence);

            // 4. Analog inputs, ADC1 only (ADC2 is unusable while Wi-Fi runs).
            AdcController adc = new AdcController();
            hardware.Temperature = new AdcAnalogChannel(adc, board.Adc.Temperature.Channel);
            hardware.Current = new AdcAnalogChannel(adc, board.Adc.Current.Channel);
            hardware.Voltage = new AdcAnalogChannel(adc, board.Adc.Voltage.Channel);

            // 5. GNSS serial pins routed to COM2; the GNSS reader opens the port itself.
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.RxGpio, DeviceFunction.COM2_RX);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.TxGpio, DeviceFunction.COM2_TX);

            return hardware;
        }

        private static IDigitalOutput OpenOutput(GpioController gpio, OutputPin pin)
        {
            return new GpioDigitalOutput(gpio, pin.Gpio, pin.ActiveLow);
        }

        private static IDigitalInput OpenInput(GpioController gpio, InputPin pin)
        {
            PinMode mode = PinMode.Input;

            if (pin.Pull == "up")
            {
                mode = PinMode.InputPullUp;
            }
            else if (pin.Pull == "down")
            {
                mode = PinMode.InputPullDown;
            }

            return new GpioDigitalInput(gpio, pin.Gpio, mode, pin.ActiveLow);
        }

        // ------------------------------------------------------------------ configuration

        // I:\board.json when present, else the built-in map of the reference board. A file that is
        // present but unusable returns null: its pins may belong to another board revision, so
        // falling back to the built-in map could drive the wrong GPIOs. Nothing is opened then.
        private static BoardConfig LoadBoard()
        {
            try
            {
                if (!File.Exists(BoardConfigPath))
                {
                    Log(String.Concat(BoardConfigPath, " not found: using the built-in pin map of esp32-devkitc-pod-v1"));
                    return DefaultBoard();
                }

                UseConfigJsonRules();
                BoardConfig board = (BoardConfig)JsonConvert.DeserializeObject(File.ReadAllText(BoardConfigPath), typeof(BoardConfig));
                string problem = CheckBoard(board);

                if (problem == null)
                {
                    Log(String.Concat("pin map from ", BoardConfigPath));
                    return board;
                }

                Log(String.Concat(BoardConfigPath, " rejected: ", problem));
            }
            catch (Exception ex)
            {
                Log(String.Concat(BoardConfigPath, " unreadable (malformed JSON or an unknown key): ", ex.Message));
            }

            return null;
        }

        // I:\pod.json into the portable PodConfig, then the same Validate() the host runs. Any
        // problem means no network and no MQTT: the pod still boots with the relay open.
        private static PodConfig LoadPod()
        {
            try
            {
                if (!File.Exists(PodConfigPath))
                {
                    Log(String.Concat(PodConfigPath, " not found: no network, no MQTT"));
                    return null;
                }

                UseConfigJsonRules();
                PodConfig pod = (PodConfig)JsonConvert.DeserializeObject(File.ReadAllText(PodConfigPath), typeof(PodConfig));

                if (pod == null)
                {
                    Log(String.Concat(PodConfigPath, " holds no config object: no network, no MQTT"));
                    return null;
                }

                ConfigErrors errors = pod.Validate();

                if (errors.Count > 0)
                {
                    for (int i = 0; i < errors.Count; i++)
                    {
                        Log(String.Concat(PodConfigPath, ": ", errors[i]));
                    }

                    Log("pod config invalid: no network, no MQTT");
                    return null;
                }

                Log(String.Concat("pod ", pod.PodId, " of ", String.Concat(pod.SiteId, ", space ", pod.ParkingSpace.ToString())));
                return pod;
            }
            catch (Exception ex)
            {
                // nanoFramework.Json names no key; an unknown or misspelt key lands here too
                Log(String.Concat(PodConfigPath, " unreadable (malformed JSON or an unknown key): ", ex.Message));
                return null;
            }
        }

        // JSON keys are camelCase and the fields PascalCase, so matching ignores case; an unknown
        // key is an error, as in the host loader, so a misspelt key never silently keeps a default.
        private static void UseConfigJsonRules()
        {
            nanoFramework.Json.Configuration.Settings.CaseSensitive = false;
            nanoFramework.Json.Configuration.Settings.ThrowExceptionWhenPropertyNotFound = true;
        }

        // The built-in pin map. Mirrors nf-device-config/boards/esp32-devkitc-pod-v1.json: change
        // both together. Used only when there is no I:\board.json.
        private static BoardConfig DefaultBoard()
        {
            BoardConfig board = new BoardConfig();
            board.Board = "esp32-devkitc-pod-v1";
            board.NanoffTarget = "ESP32_REV3";

            board.Outputs = new OutputPins();
            board.Outputs.RelayCoil = Output(26, false);
            board.Outputs.WheelLock = Output(27, false);
            board.Outputs.CableLock = Output(25, false);

            board.Inputs = new InputPins();
            board.Inputs.RelayFeedback = Input(32, true, "up");
            board.Inputs.WheelLockSense = Input(33, true, "up");
            board.Inputs.CableLockSense = Input(13, true, "up");
            board.Inputs.DockSense = Input(4, true, "up");
            board.Inputs.PlugDetect = Input(21, true, "up");
            board.Inputs.VehiclePresence = Input(22, true, "up");

            board.Adc = new AdcChannels();
            board.Adc.Temperature = Analog(0, 36);
            board.Adc.Current = Analog(3, 39);
            board.Adc.Voltage = Analog(6, 34);

            board.Gnss = new GnssPins();
            board.Gnss.RxGpio = 18;
            board.Gnss.TxGpio = 19;
            board.Gnss.Baud = 9600;
            return board;
        }

        private static OutputPin Output(int gpio, bool activeLow)
        {
            OutputPin pin = new OutputPin();
            pin.Gpio = gpio;
            pin.ActiveLow = activeLow;
            return pin;
        }

        private static InputPin Input(int gpio, bool activeLow, string pull)
        {
            InputPin pin = new InputPin();
            pin.Gpio = gpio;
            pin.ActiveLow = activeLow;
            pin.Pull = pull;
            return pin;
        }

        private static AnalogPin Analog(int channel, int gpio)
        {
            AnalogPin pin = new AnalogPin();
            pin.Channel = channel;
            pin.Gpio = gpio;
            return pin;
        }

        // Returns null when the map is usable, else what is wrong. Catches what a typo in the
        // JSON would turn into a wrong pin: missing entries, flash or non-existent GPIOs,
        // outputs on input-only pins, ADC2 channels, and one GPIO used twice.
        private static string CheckBoard(BoardConfig b)
        {
            if (b == null || b.Outputs == null || b.Inputs == null || b.Adc == null || b.Gnss == null)
            {
                return "a section is missing";
            }

            OutputPin[] outputs = new OutputPin[] { b.Outputs.RelayCoil, b.Outputs.WheelLock, b.Outputs.CableLock };
            InputPin[] inputs = new InputPin[]
            {
                b.Inputs.RelayFeedback, b.Inputs.WheelLockSense, b.Inputs.CableLockSense,
                b.Inputs.DockSense, b.Inputs.PlugDetect, b.Inputs.VehiclePresence,
            };
            AnalogPin[] analogs = new AnalogPin[] { b.Adc.Temperature, b.Adc.Current, b.Adc.Voltage };

            int[] used = new int[outputs.Length + inputs.Length + analogs.Length + 2];
            int count = 0;

            for (int i = 0; i < outputs.Length; i++)
            {
                if (outputs[i] == null || !IsUsableGpio(outputs[i].Gpio, true))
                {
                    return "an output is missing or not on an output-capable GPIO";
                }

                used[count++] = outputs[i].Gpio;
            }

            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] == null || !IsUsableGpio(inputs[i].Gpio, false))
                {
                    return "an input is missing or not on a usable GPIO";
                }

                if (inputs[i].Pull != "up" && inputs[i].Pull != "down" && inputs[i].Pull != "none")
                {
                    return "an input's pull is not \"up\", \"down\" or \"none\"";
                }

                used[count++] = inputs[i].Gpio;
            }

            for (int i = 0; i < analogs.Length; i++)
            {
                if (analogs[i] == null || analogs[i].Channel < 0 || analogs[i].Channel > 7)
                {
                    return "an ADC channel is missing or not on ADC1 (0 to 7)";
                }

                if (analogs[i].Gpio != AdcOneGpio(analogs[i].Channel))
                {
                    return "an ADC channel does not match its gpio";
                }

                used[count++] = AdcOneGpio(analogs[i].Channel);
            }

            if (!IsUsableGpio(b.Gnss.RxGpio, false) || !IsUsableGpio(b.Gnss.TxGpio, true))
            {
                return "a GNSS UART pin is not usable";
            }

            used[count++] = b.Gnss.RxGpio;
            used[count++] = b.Gnss.TxGpio;

            for (int i = 0; i < count; i++)
            {
                for (int j = i + 1; j < count; j++)
                {
                    if (used[i] == used[j])
                    {
                        return String.Concat("GPIO ", used[i].ToString(), " is used twice");
                    }
                }
            }

            return null;
        }

        private static bool IsUsableGpio(int gpio, bool output)
        {
            if (gpio < 0 || gpio > 39)
            {
                return false;
            }

            // 6 to 11 are the SPI flash; 20, 24 and 28 to 31 do not exist on the ESP32.
            if ((gpio >= 6 && gpio <= 11) || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31))
            {
                return false;
            }

            // 34 to 39 are input-only.
            return !(output && gpio >= 34);
        }

        // nanoFramework's logical ADC1 channel to its GPIO.
        private static int AdcOneGpio(int channel)
        {
            switch (channel)
            {
                case 0: return 36;
                case 1: return 37;
                case 2: return 38;
                case 3: return 39;
                case 4: return 32;
                case 5: return 33;
                case 6: return 34;
                default: return 35;
            }
        }

        // ------------------------------------------------------------------ network

        // Best effort and bounded: the pod runs (relay open) without a network, and the MQTT link
        // retries by itself once Wi-Fi comes up, which the ESP32 does on its own (the stored
        // network is set to reconnect automatically). The Wi-Fi credentials are not part of the pod
        // config: they are stored once per device in its network configuration (see nf-device-config).
        private static void ConnectNetwork(DeviceClock clock)
        {
            try
            {
                CancellationTokenSource timeout = new CancellationTokenSource(WifiTimeoutMs);

                if (!WifiNetworkHelper.Reconnect(false, 0, timeout.Token))
                {
                    Exception cause = WifiNetworkHelper.HelperException;
                    Log(String.Concat("Wi-Fi not up: ", WifiNetworkHelper.Status.ToString(), cause == null ? "" : String.Concat(", ", cause.Message)));
                    return;
                }

                Log("Wi-Fi up");

                // The firmware's default NTP servers: the pod config has no key for them yet.
                if (!Sntp.IsStarted)
                {
                    Sntp.Start();
                }

                Sntp.UpdateNow();

                long deadline = clock.MonotonicMs + ClockWaitMs;

                while (!clock.IsUtcValid && clock.MonotonicMs < deadline)
                {
                    Thread.Sleep(250);
                }

                Log(clock.IsUtcValid ? "clock set by SNTP" : "clock not set yet; SNTP keeps trying");
            }
            catch (Exception ex)
            {
                Log(String.Concat("network setup failed: ", ex.Message));
            }
        }

        private static IMqttLink StartMqtt(PodConfig pod)
        {
            if (pod == null)
            {
                return null;
            }

            try
            {
                MqttLinkOptions options = new MqttLinkOptions();
                options.Host = pod.Mqtt.Host;
                options.Port = pod.Mqtt.Port;
                options.UseTls = pod.Mqtt.UseTls;
                options.CaCertificate = pod.Mqtt.CaCertificate;
                options.Username = pod.Mqtt.Username;
                options.Password = pod.Mqtt.Password;
                options.KeepAliveS = pod.Mqtt.KeepAliveS;
                options.ClientId = pod.PodId;

                // Placeholder will until the messaging spec names the status topic; the
                // controller issue replaces it together with the control core.
                options.WillTopic = String.Concat("pods/", pod.PodId, "/status");
                options.WillPayload = "offline";
                options.WillRetain = true;

                M2MqttLink link = new M2MqttLink();
                link.Start(options);
                return link;
            }
            catch (Exception ex)
            {
                Log(String.Concat("MQTT link not started: ", ex.Message));
                return null;
            }
        }

        // Last resort: keep the relay open (when it was opened at all; if not, its pin is still an
        // input and the board's pull-down holds it open) and stay alive. Never returns.
        private static void HoldSafe(IDigitalOutput relay)
        {
            Log("holding safe state");

            while (true)
            {
                if (relay != null)
                {
                    try
                    {
                        relay.Write(false);
                    }
                    catch (Exception)
                    {
                        // nothing left to try
                    }
                }

                Thread.Sleep(1000);
            }
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[boot] ", message));
        }

        // ------------------------------------------------------------------ wiring and configuration shapes

        /// <summary>The pod's adapters, built from the pin map; handed to the control loop.</summary>
        public sealed class PodHardware
        {
            /// <summary>Charging relay coil driver.</summary>
            public IDigitalOutput RelayCoil;

            /// <summary>Wheel lock solenoid driver.</summary>
            public IDigitalOutput WheelLock;

            /// <summary>Cable lock solenoid driver.</summary>
            public IDigitalOutput CableLock;

            /// <summary>Relay mirror contact; active while the relay is closed.</summary>
            public IDigitalInput RelayFeedback;

            /// <summary>Wheel lock position switch; active while locked.</summary>
            public IDigitalInput WheelLockSense;

            /// <summary>Cable lock position switch; active while locked.</summary>
            public IDigitalInput CableLockSense;

            /// <summary>Dock sense; active while the pod sits in its dock.</summary>
            public IDigitalInput DockSense;

            /// <summary>Plug detect; active while the connector is plugged into a vehicle.</summary>
            public IDigitalInput PlugDetect;

            /// <summary>Vehicle presence sensor; active while a vehicle is in the space.</summary>
            public IDigitalInput VehiclePresence;

            /// <summary>Connector temperature sensor, raw counts.</summary>
            public IAnalogChannel Temperature;

            /// <summary>Charging current sensor, raw counts.</summary>
            public IAnalogChannel Current;

            /// <summary>Supply voltage sensor, raw counts.</summary>
            public IAnalogChannel Voltage;
        }

        /// <summary>Shape of I:\board.json (nf-device-config/boards/*.json); keys match case-insensitively.</summary>
        public sealed class BoardConfig
        {
            /// <summary>Board name.</summary>
            public string Board;

            /// <summary>nanoff target the board is flashed with; informational.</summary>
            public string NanoffTarget;

            /// <summary>Digital outputs.</summary>
            public OutputPins Outputs;

            /// <summary>Digital inputs.</summary>
            public InputPins Inputs;

            /// <summary>Analog inputs.</summary>
            public AdcChannels Adc;

            /// <summary>GNSS receiver UART.</summary>
            public GnssPins Gnss;
        }

        /// <summary>The board's digital outputs.</summary>
        public sealed class OutputPins
        {
            /// <summary>Charging relay coil driver.</summary>
            public OutputPin RelayCoil;

            /// <summary>Wheel lock solenoid driver.</summary>
            public OutputPin WheelLock;

            /// <summary>Cable lock solenoid driver.</summary>
            public OutputPin CableLock;
        }

        /// <summary>The board's digital inputs.</summary>
        public sealed class InputPins
        {
            /// <summary>Relay mirror contact.</summary>
            public InputPin RelayFeedback;

            /// <summary>Wheel lock position switch.</summary>
            public InputPin WheelLockSense;

            /// <summary>Cable lock position switch.</summary>
            public InputPin CableLockSense;

            /// <summary>Dock sense.</summary>
            public InputPin DockSense;

            /// <summary>Plug detect.</summary>
            public InputPin PlugDetect;

            /// <summary>Vehicle presence sensor.</summary>
            public InputPin VehiclePresence;
        }

        /// <summary>The board's analog inputs.</summary>
        public sealed class AdcChannels
        {
            /// <summary>Connector temperature.</summary>
            public AnalogPin Temperature;

            /// <summary>Charging current.</summary>
            public AnalogPin Current;

            /// <summary>Supply voltage.</summary>
            public AnalogPin Voltage;
        }

        /// <summary>One digital output.</summary>
        public sealed class OutputPin
        {
            /// <summary>ESP32 GPIO number.</summary>
            public int Gpio;

            /// <summary><c>true</c> when a low level energises the load.</summary>
            public bool ActiveLow;
        }

        /// <summary>One digital input.</summary>
        public sealed class InputPin
        {
            /// <summary>ESP32 GPIO number.</summary>
            public int Gpio;

            /// <summary><c>true</c> when a low level means the condition is active.</summary>
            public bool ActiveLow;

            /// <summary>Internal pull: "up", "down" or "none".</summary>
            public string Pull;
        }

        /// <summary>One analog input.</summary>
        public sealed class AnalogPin
        {
            /// <summary>nanoFramework logical ADC channel (ADC1: 0 to 7).</summary>
            public int Channel;

            /// <summary>The GPIO behind the channel; must be the channel's own, as a check on the map.</summary>
            public int Gpio;
        }

        /// <summary>The GNSS receiver's UART pins.</summary>
        public sealed class GnssPins
        {
            /// <summary>ESP32 GPIO receiving from the GNSS TX line.</summary>
            public int RxGpio;

            /// <summary>ESP32 GPIO sending to the GNSS RX line.</summary>
            public int TxGpio;

            /// <summary>Baud rate.</summary>
            public int Baud;
        }
    }
}
