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
using PodFirmware.Core.Config.Board;
using PodFirmware.Core.Console;
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Device
{
    /// <summary>
    /// Device entry point and composition root: with nf-device-config/ and the built-in map of
    /// BoardConfig, the only code that knows pin numbers. A short sequence of calls: the charging relay
    /// output opened de-energised before any other output, input, sensor or network work; then the
    /// config, the hardware, the tick thread, the network and the messaging thread. Every decision lives in portable, tested code.
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

        private static readonly LogRing BootLog = new LogRing();

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
                    safe.Pilot = ports.PilotOutput;
                    PodConfigLoader loaded = LoadPod();
                    PodConfig pod = loaded.Config;

                    // 6. The tick thread before the (slow) network: the safety rules run from the first second,
                    // also on the built-in safe defaults of a missing or invalid config (charging disabled then).
                    IBlobFiles flash = new FlashFiles(StoreDirectory);
                    ports.Store = new FileBlobStore(flash);
                    SerialGnssFeed gnss = OpenGnss(pod, ports);
                    PodController controller = PodAssembly.CreateController(pod, clock, ports);
                    if (loaded.Problem != null)
                    {
                        controller.DisableCharging(loaded.Problem);
                    }

                    StartConsole(board.Console, controller, pod, clock);

                    ControlLoopCore control = new ControlLoopCore(controller, clock, clock, safe, gnss, pod.TickPeriodMs);
                    tickThread = new Thread(new ThreadStart(control.Run));
                    tickThread.Priority = ThreadPriority.AboveNormal;
                    tickThread.Start();

                    // 7. Network and messaging, best effort: the tick runs with or without them.
                    if (loaded.Problem == null)
                    {
                        NetworkServices network = new NetworkServices();
                        new NetworkStartup(network, network, clock, clock).Connect();
                        IMqttLink link = M2MqttLink.CreateLink();
                        MessagingLoopCore messaging = MessagingStack.TryStartLoop(pod, link, controller, new FileBlobStore(flash), clock, network, control, clock, BuildFlavor.Production);
                        if (messaging != null)
                        {
                            messaging.LogPublisher = new LogPublisher(BootLog, link, pod.PodId);
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

            // No usable pin map, or a failed boot: relay open, locks engaged, no network.
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
            ports.RcdTest = board.Outputs.RcdTest == null ? null : OpenOutput(gpio, board.Outputs.RcdTest);
            ports.RcdFault = board.Inputs.RcdFault == null ? null : OpenInput(gpio, board.Inputs.RcdFault);
            ports.HazardAlarm = OpenInput(gpio, board.Inputs.HazardAlarm);
            ports.HazardTest = OpenOutput(gpio, board.Outputs.HazardTest);

            // ADC1 only (ADC2 is unusable while Wi-Fi runs); bursts spaced on the microsecond timer.
            AdcController adc = new AdcController();
            ports.TemperatureChannel = new SampledAnalogChannel(new AdcInput(adc, board.Adc.Temperature.Channel), clock);
            ports.Mains = new SampledMainsPair(new AdcInput(adc, board.Adc.Voltage.Channel), new AdcInput(adc, board.Adc.Current.Channel), clock);
            ports.HazardChannel = board.Adc.Hazard == null ? null : new SampledAnalogChannel(new AdcInput(adc, board.Adc.Hazard.Channel), clock);

            // The control pilot, when fitted: PWM at duty 0 (-12 V, state F) until the tick offers current.
            if (board.Pilot != null)
            {
                ports.PilotOutput = new PwmPilotOutput(board.Pilot.PwmGpio);
                ports.PilotChannel = new SampledAnalogChannel(new AdcInput(adc, board.Pilot.Cp.Channel), clock);
                ports.ProximityChannel = new SampledAnalogChannel(new AdcInput(adc, board.Pilot.Pp.Channel), clock);
            }

            // The card reader, when fitted; the messaging thread polls it (CardDesk).
            ports.CardReader = board.Card == null ? null : new Mfrc522Reader(board.Card);

            // The GNSS UART opens at the pod config's position.gnssBaud (the board map names pins only).
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.RxGpio, DeviceFunction.COM2_RX);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(board.Gnss.TxGpio, DeviceFunction.COM2_TX);
        }

        private static IDigitalOutput OpenOutput(GpioController gpio, OutputPin pin)
        {
            return pin == null ? null : new ActiveLevelOutput(new GpioLine(gpio, pin.Gpio, PinMode.Output), pin.ActiveLow);
        }

        private static IDigitalInput OpenInput(GpioController gpio, InputPin pin)
        {
            return pin == null ? null : new ActiveLevelInput(new GpioLine(gpio, pin.Gpio, pin.Pull == "up" ? PinMode.InputPullUp : (pin.Pull == "down" ? PinMode.InputPullDown : PinMode.Input)), pin.ActiveLow);
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

        // The serial console on COM3 at the map's pins, on its own thread; no section or a failing UART: no console.
        private static void StartConsole(ConsolePins pins, PodController controller, PodConfig pod, DeviceClock clock)
        {
            try
            {
                nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(pins.RxGpio, DeviceFunction.COM3_RX);
                nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(pins.TxGpio, DeviceFunction.COM3_TX);
                UartInput uart = new UartInput("COM3", pins.Baud);
                ConsoleInterpreter console = new ConsoleInterpreter(controller, pod, BootLog, uart, PodStore(), new NanoJsonParser());
                new Thread(new ThreadStart(new ConsoleLoop(uart, console, new LineAssembler(LineAssembler.DefaultMaxChars), clock).Run)).Start();
            }
            catch (Exception ex)
            {
                Log(String.Concat("no serial console: ", ex.Message));
            }
        }

        private static IConfigStore PodStore()
        {
            return new BlobConfigStore(new FlashFiles("I:\\"), "pod.json");
        }

        private static void Log(string message)
        {
            Debug.WriteLine(String.Concat("[boot] ", message));
            BootLog.Add(message);
        }

        // ------------------------------------------------------------------ configuration

        // I:\board.json when present, else the built-in map of the reference board. A file that is
        // present but unusable returns null: its pins may belong to another board revision, so
        // falling back to the built-in map could drive the wrong GPIOs. Nothing is opened then.
        private static BoardConfig LoadBoard()
        {
            if (!File.Exists(BoardConfigPath))
            {
                Log(String.Concat(BoardConfigPath, " not found: using the built-in pin map of ", BoardConfig.ReferenceBoard));
                return BoardConfig.BuiltIn();
            }

            ConfigErrors errors = new ConfigErrors();
            BoardConfig board = BoardConfigLoader.Load(new BlobConfigStore(new FlashFiles("I:\\"), "board.json").Read(), new NanoJsonParser(), errors);
            for (int i = 0; i < errors.Count; i++)
            {
                Log(String.Concat(BoardConfigPath, ": ", errors[i]));
            }

            Log(board != null ? String.Concat("pin map from ", BoardConfigPath) : String.Concat(BoardConfigPath, " rejected: no pin is opened"));
            return board;
        }

        // I:\pod.json through the portable loader (no key twice, readable, Validate): any problem means the
        // built-in safe defaults, charging disabled and no network, the tick still running.
        private static PodConfigLoader LoadPod()
        {
            PodConfigLoader loaded = PodConfigLoader.Load(PodStore().Read(), new NanoJsonParser());
            for (int i = 0; i < loaded.Errors.Count; i++)
            {
                Log(String.Concat(PodConfigPath, ": ", loaded.Errors[i]));
            }

            PodConfig pod = loaded.Config;
            Log(loaded.Problem != null ? "safe defaults: charging disabled, no network" : String.Concat("pod ", pod.PodId, " of ", String.Concat(pod.SiteId, ", space ", pod.ParkingSpace.ToString())));
            return loaded;
        }

        private sealed class NanoJsonParser : IConfigParser
        {
            public object Parse(string json, Type type)
            {
                return JsonConvert.DeserializeObject(json, type, ConfigJsonOptions());
            }
        }

        // JSON keys are camelCase and the fields PascalCase, so matching ignores case; an unknown
        // key is an error, as in the host loader, so a misspelt key never silently keeps a default.
        // The config classes hold only types nanoFramework.Json reads (no enum: named choices are
        // strings that Validate maps); NanoJsonReadableConfigTests on the host keeps it so.
        private static JsonSerializerOptions ConfigJsonOptions()
        {
            return new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ThrowExceptionWhenPropertyNotFound = true };
        }
    }
}

