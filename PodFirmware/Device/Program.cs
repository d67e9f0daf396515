using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.IO;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Json;
using PodFirmware.Core.Boot;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Device
{
    /// <summary>
    /// Device entry point and composition root: the only code, with nf-device-config/, that knows
    /// pin numbers. A short sequence of calls: the charging relay output opened de-energised before any
    /// other output, input, sensor or network work; then the config, the hardware, the tick thread, the
    /// network and the messaging thread. Every decision lives in portable, tested code.
    /// </summary>
    public class Program
    {
        /// <summary>Board pin map on the internal flash, deployed from nf-device-config/boards/.</summary>
        public const string BoardConfigPath = "I:\\board.json";

        /// <summary>Pod configuration on the internal flash, deployed from nf-device-config/pods/.</summary>
        public const string PodConfigPath = "I:\\pod.json";

        /// <summary>Directory on the internal flash holding the fault latch and the outbox.</summary>
        public const string StoreDirectory = "I:\\pod";

        /// <summary>UART the GNSS receiver is wired to; the board map's GNSS pins are routed to it.</summary>
        public const string GnssPort = "COM2";

        /// <summary>Boots the pod; never returns.</summary>
        public static void Main()
        {
            Log("PodFirmware starting");
            DeviceClock clock = new DeviceClock();
            IDigitalOutput[] locks = new IDigitalOutput[2];
            SafeOutputs safe = new SafeOutputs(null, locks);
            Thread tickThread = null;

            try
            {
                // Reading the pin map touches no pin: until the relay output is opened below, its GPIO is a
                // high-impedance input and the board's pull-down holds the driver off.
                BoardConfig board = LoadBoard();

                if (board != null)
                {
                    GpioController gpio = new GpioController();
                    PodPorts ports = new PodPorts();

                    // 1. Fail safe: the charging relay, de-energised, before anything else.
                    ports.Relay = OpenOutput(gpio, board.Outputs.RelayCoil);
                    safe = new SafeOutputs(ports.Relay, locks);
                    OpenHardware(board, gpio, ports, locks, clock);
                    PodConfig pod = LoadPod();

                    if (pod != null)
                    {
                        // 6. The tick thread before the (slow) network: the safety rules run from the first second.
                        IBlobFiles flash = new FlashFiles(StoreDirectory);
                        ports.Store = new FileBlobStore(flash);
                        SerialGnssFeed gnss = OpenGnss(pod, ports);
                        PodController controller = PodAssembly.CreateController(pod, clock, ports);
                        ControlLoopCore control = new ControlLoopCore(controller, clock, clock, safe, gnss, pod.TickPeriodMs);
                        tickThread = new Thread(new ThreadStart(control.Run));
                        tickThread.Priority = ThreadPriority.AboveNormal;
                        tickThread.Start();

                        // 7. Network and messaging, best effort: the tick runs with or without them.
                        NetworkServices network = new NetworkServices();
                        new NetworkStartup(network, network, clock, clock).Connect();
                        MessagingLoopCore messaging = MessagingStack.TryStartLoop(pod, new M2MqttLink(), controller, new FileBlobStore(flash), clock, network, control, clock);

                        if (messaging != null)
                        {
                            new Thread(new ThreadStart(messaging.Run)).Start();
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                Log(String.Concat("boot failed: ", ex.Message));
            }

            if (tickThread != null)
            {
                // The tick thread owns the outputs from now on and never ends: on a failure it holds the
                // safe state itself. A second writer here would fight it.
                tickThread.Join();
            }

            // No pin map, no valid pod config, or a failed boot: relay open, locks engaged, no network.
            Log("holding the safe state");
            safe.HoldForever(clock);
        }

        // 2. to 5.: the other outputs (de-energised), the inputs, the ADC1 channels, the GNSS UART pins.
        private static void OpenHardware(BoardConfig board, GpioController gpio, PodPorts ports, IDigitalOutput[] locks, DeviceClock clock)
        {
            ports.WheelLock = locks[0] = OpenOutput(gpio, board.Outputs.WheelLock);
            ports.CableLock = locks[1] = OpenOutput(gpio, board.Outputs.CableLock);
            ports.RelayFeedback = OpenInput(gpio, board.Inputs.RelayFeedback);
            ports.WheelLockSense = OpenInput(gpio, board.Inputs.WheelLockSense);
            ports.CableLockSense = OpenInput(gpio, board.Inputs.CableLockSense);
            ports.DockSense = OpenInput(gpio, board.Inputs.DockSense);
            ports.PlugSense = OpenInput(gpio, board.Inputs.PlugDetect);
            ports.VehicleSense = board.Inputs.VehiclePresence == null ? null : OpenInput(gpio, board.Inputs.VehiclePresence);

            // ADC1 only (ADC2 is unusable while Wi-Fi runs); bursts spaced on the microsecond timer.
            AdcController adc = new AdcController();
            ports.TemperatureChannel = new SampledAnalogChannel(new AdcInput(adc, board.Adc.Temperature.Channel), clock);
            ports.CurrentChannel = new SampledAnalogChannel(new AdcInput(adc, board.Adc.Current.Channel), clock);
            ports.VoltageChannel = new SampledAnalogChannel(new AdcInput(adc, board.Adc.Voltage.Channel), clock);

            // The GNSS UART opens at the pod config's position.gnssBaud (the board map names pins only).
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.RxGpio, DeviceFunction.COM2_RX);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.TxGpio, DeviceFunction.COM2_TX);
        }

        private static IDigitalOutput OpenOutput(GpioController gpio, OutputPin pin)
        {
            return new ActiveLevelOutput(new GpioLine(gpio, pin.Gpio, PinMode.Output), pin.ActiveLow);
        }

        private static IDigitalInput OpenInput(GpioController gpio, InputPin pin)
        {
            PinMode mode = pin.Pull == "up" ? PinMode.InputPullUp : (pin.Pull == "down" ? PinMode.InputPullDown : PinMode.Input);
            return new ActiveLevelInput(new GpioLine(gpio, pin.Gpio, mode), pin.ActiveLow);
        }

        private static SerialGnssFeed OpenGnss(PodConfig pod, PodPorts ports)
        {
            NmeaGnssReceiver receiver = PodAssembly.CreateGnssReceiver(pod);
            ports.Position = receiver;

            try
            {
                return receiver == null ? null : new SerialGnssFeed(new UartInput(GnssPort, pod.Position.GnssBaud), receiver);
            }
            catch (Exception ex)
            {
                Log(String.Concat("GNSS UART not opened, no fix will come: ", ex.Message));
                return null;
            }
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[boot] ", message));
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

            // An active-low relay driver would pulse the coil closed while the pin is set up: the board must drive it active-high.
            if (b.Outputs.RelayCoil != null && b.Outputs.RelayCoil.ActiveLow)
            {
                return "outputs.relayCoil must not be active-low (the coil would close while the pin is set up)";
            }

            OutputPin[] outputs = new OutputPin[] { b.Outputs.RelayCoil, b.Outputs.WheelLock, b.Outputs.CableLock };
            // Vehicle presence is optional: checked like the others when present.
            InputPin[] inputs = b.Inputs.VehiclePresence == null
                ? new InputPin[] { b.Inputs.RelayFeedback, b.Inputs.WheelLockSense, b.Inputs.CableLockSense, b.Inputs.DockSense, b.Inputs.PlugDetect }
                : new InputPin[]
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

        // ------------------------------------------------------------------ configuration shapes

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

            /// <summary>Vehicle presence sensor; optional: leave the key out when the pod has none.</summary>
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

        /// <summary>
        /// The GNSS receiver's UART pins. The baud rate is not here: it is the pod config's
        /// <c>position.gnssBaud</c>, the one source of truth (a <c>baud</c> key here is rejected as unknown).
        /// </summary>
        public sealed class GnssPins
        {
            /// <summary>ESP32 GPIO receiving from the GNSS TX line.</summary>
            public int RxGpio;

            /// <summary>ESP32 GPIO sending to the GNSS RX line.</summary>
            public int TxGpio;
        }
    }
}
