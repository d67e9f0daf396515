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
using PodFirmware.Core.Control;
using PodFirmware.Core.Messaging;
using PodFirmware.Drivers.Adapters;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Gnss;
using PodFirmware.Drivers.Ports;

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
                        MessagingLoopCore messaging = MessagingStack.TryStartLoop(pod, M2MqttLink.CreateLink(), controller, new FileBlobStore(flash), clock, network, control, clock);

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
            ports.RcdTest = board.Outputs.RcdTest == null ? null : OpenOutput(gpio, board.Outputs.RcdTest);
            ports.RcdFault = board.Inputs.RcdFault == null ? null : OpenInput(gpio, board.Inputs.RcdFault);

            // ADC1 only (ADC2 is unusable while Wi-Fi runs); bursts spaced on the microsecond timer.
            AdcController adc = new AdcController();
            ports.TemperatureChannel = new SampledAnalogChannel(new AdcInput(adc, board.Adc.Temperature.Channel), clock);
            ports.Mains = new SampledMainsPair(new AdcInput(adc, board.Adc.Voltage.Channel), new AdcInput(adc, board.Adc.Current.Channel), clock);

            // The control pilot, when fitted: PWM at duty 0 (-12 V, state F) until the tick offers current.
            if (board.Pilot != null)
            {
                ports.PilotOutput = new PwmPilotOutput(board.Pilot.PwmGpio);
                ports.PilotChannel = new SampledAnalogChannel(new AdcInput(adc, board.Pilot.Cp.Channel), clock);
                ports.ProximityChannel = new SampledAnalogChannel(new AdcInput(adc, board.Pilot.Pp.Channel), clock);
            }

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
                    Log(String.Concat(BoardConfigPath, " not found: using the built-in pin map of ", BoardConfig.ReferenceBoard));
                    return BoardConfig.BuiltIn();
                }

                BoardConfig board = (BoardConfig)JsonConvert.DeserializeObject(File.ReadAllText(BoardConfigPath), typeof(BoardConfig), ConfigJsonOptions());

                if (board == null)
                {
                    Log(String.Concat(BoardConfigPath, " holds no pin map object"));
                    return null;
                }

                ConfigErrors errors = board.Validate();

                if (errors.Count == 0)
                {
                    Log(String.Concat("pin map from ", BoardConfigPath));
                    return board;
                }

                for (int i = 0; i < errors.Count; i++)
                {
                    Log(String.Concat(BoardConfigPath, ": ", errors[i]));
                }

                Log(String.Concat(BoardConfigPath, " rejected: no pin is opened"));
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

                PodConfig pod = (PodConfig)JsonConvert.DeserializeObject(File.ReadAllText(PodConfigPath), typeof(PodConfig), ConfigJsonOptions());

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
        // The config classes hold only types nanoFramework.Json reads (no enum: named choices are
        // strings that Validate maps); NanoJsonReadableConfigTests on the host keeps it so.
        private static JsonSerializerOptions ConfigJsonOptions()
        {
            return new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ThrowExceptionWhenPropertyNotFound = true };
        }
    }
}

