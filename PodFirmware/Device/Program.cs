using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.IO;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Json;
using nanoFramework.Networking;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Store;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Gnss;
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

        private const int WifiTimeoutMs = 30000;
        private const int ClockWaitMs = 15000;

        /// <summary>Boots the pod; never returns.</summary>
        public static void Main()
        {
            Log("PodFirmware starting");

            IDigitalOutput relay = null;
            Thread tickThread = null;

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

                if (pod == null)
                {
                    // No valid configuration: relay open, no network, nothing else runs.
                    HoldSafe(relay);
                    return;
                }

                // 6. The control core and its tick thread, before the (slow) network: the safety
                // rules run from the first second, the relay still open until a session closes it.
                SerialGnssReader gnss;
                PodController controller = BuildController(pod, hardware, clock, out gnss);
                ControlLoop control = new ControlLoop(controller, clock, relay, new IDigitalOutput[] { hardware.WheelLock, hardware.CableLock }, gnss, pod.TickPeriodMs);
                tickThread = new Thread(new ThreadStart(control.Run));
                tickThread.Priority = ThreadPriority.AboveNormal;
                tickThread.Start();
                Log(String.Concat("tick running every ", pod.TickPeriodMs.ToString(), " ms"));

                // 7. Network and messaging, best effort: the tick runs with or without them.
                StartMessaging(pod, controller, clock, control);
            }
            catch (Exception ex)
            {
                Log(String.Concat("boot failed: ", ex.Message));
            }

            if (tickThread != null)
            {
                // The tick thread owns the relay from now on and never ends: on a failure it holds
                // the relay open itself. A second writer here would fight it.
                tickThread.Join();
            }

            HoldSafe(relay);
        }

        /// <summary>Directory on the internal flash holding the fault latch and the outbox.</summary>
        public const string StoreDirectory = "I:\\pod";

        /// <summary>UART the GNSS receiver is wired to; Program routes the board map's GNSS pins to it.</summary>
        public const string GnssPort = "COM2";

        /// <summary>Events the tick can hold for the messaging thread.</summary>
        public const int EventCapacity = 64;

        /// <summary>Slots of <see cref="EventCapacity"/> kept for the events the pod must deliver (alarms, session records, command results).</summary>
        public const int EventsReservedForProtected = 16;

        private static PodController BuildController(PodConfig pod, PodHardware hardware, DeviceClock clock, out SerialGnssReader gnss)
        {
            PodPorts ports = new PodPorts();
            ports.Relay = hardware.RelayCoil;
            ports.RelayFeedback = hardware.RelayFeedback;
            ports.WheelLock = hardware.WheelLock;
            ports.WheelLockSense = hardware.WheelLockSense;
            ports.CableLock = hardware.CableLock;
            ports.CableLockSense = hardware.CableLockSense;
            ports.DockSense = hardware.DockSense;
            ports.PlugSense = hardware.PlugDetect;
            ports.VehicleSense = hardware.VehiclePresence;
            ports.TemperatureChannel = hardware.Temperature;
            ports.CurrentChannel = hardware.Current;
            ports.VoltageChannel = hardware.Voltage;
            ports.Store = new FlashBlobStore(StoreDirectory);
            ports.Position = null;
            gnss = null;

            if (pod.Position.GnssEnabled)
            {
                NmeaGnssReceiver receiver = new NmeaGnssReceiver(pod.Position.FixMaxAgeMs);

                // The receiver stays the position source even when its UART does not open: it then
                // never has a fix, which the geofence treats like a dead receiver.
                ports.Position = receiver;

                try
                {
                    gnss = new SerialGnssReader(GnssPort, pod.Position.GnssBaud, receiver);
                    Log(String.Concat("GNSS on ", GnssPort, " at baud ", pod.Position.GnssBaud.ToString()));
                }
                catch (Exception ex)
                {
                    Log(String.Concat("GNSS UART not opened, no fix will come: ", ex.Message));
                }
            }

            return new PodController(pod, clock, ports, new EventRing(EventCapacity, EventsReservedForProtected));
        }

        // Wi-Fi, SNTP, the MQTT link and the messaging thread. Any failure leaves the tick running
        // without messaging (NetworkUp false); it never touches the relay.
        private static void StartMessaging(PodConfig pod, PodController controller, DeviceClock clock, ControlLoop control)
        {
            IMqttLink link = null;

            try
            {
                ConnectNetwork(clock);
                link = StartMqtt(pod);

                if (link == null)
                {
                    controller.NetworkUp = false;
                    return;
                }

                Outbox outbox = new Outbox(new FlashBlobStore(StoreDirectory), pod.Outbox.Capacity, pod.Outbox.MaxPayloadBytes);
                ReliablePublisher publisher = new ReliablePublisher(link, outbox, pod.Outbox.MaxInFlight, pod.Outbox.AckTimeoutMs);
                MessagingPump pump = new MessagingPump(pod, link, controller, publisher);
                CommandAuthenticator authenticator = pod.Commands.CreateAuthenticator(pod.PodId);
                pump.EnableCommands(authenticator, controller.Commands, controller.Utc);
                pump.EnableHeartbeat(controller.Heartbeat);

                MessagingLoop messaging = new MessagingLoop(pump, link, controller, authenticator, clock, control);
                Thread pumpThread = new Thread(new ThreadStart(messaging.Run));
                pumpThread.Start();
                Log(String.Concat("messaging running every ", MessagingLoop.PumpPeriodMs.ToString(), " ms"));
            }
            catch (Exception ex)
            {
                controller.NetworkUp = false;
                Log(String.Concat("messaging not started, the pod runs offline: ", ex.Message));

                if (link != null)
                {
                    try
                    {
                        // no link without a pump: it would hold a connection with nothing behind it
                        link.Stop();
                    }
                    catch (Exception stopEx)
                    {
                        Log(String.Concat("stopping the MQTT link failed: ", stopEx.Message));
                    }
                }
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
            hardware.VehiclePresence = board.Inputs.VehiclePresence == null ? null : OpenInput(gpio, board.Inputs.VehiclePresence);

            // 4. Analog inputs, ADC1 only (ADC2 is unusable while Wi-Fi runs).
            AdcController adc = new AdcController();
            hardware.Temperature = new AdcAnalogChannel(adc, board.Adc.Temperature.Channel);
            hardware.Current = new AdcAnalogChannel(adc, board.Adc.Current.Channel);
            hardware.Voltage = new AdcAnalogChannel(adc, board.Adc.Voltage.Channel);

            // 5. GNSS serial pins routed to COM2; the GNSS reader opens the port itself, at the
            // pod config's position.gnssBaud (the board map names pins only).
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
                // Broker, TLS material, credentials, keep-alive and reconnect delays, all from pod.json.
                MqttLinkOptions options = new MqttLinkOptions();
                pod.Mqtt.ApplyTo(options);
                options.ClientId = pod.PodId;

                // The broker publishes the retained "offline" when the pod vanishes; the pump
                // publishes "online" on the same topic after every connect (docs/mqtt.md).
                options.WillTopic = new Topics(pod.PodId, pod.SiteId).Availability;
                options.WillPayload = "offline";
                options.WillRetain = true;

                IMqttLink link = M2MqttLink.CreateLink();
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

            /// <summary>Vehicle presence sensor; active while a vehicle is in the space; null when the map has none.</summary>
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
