using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PodFirmware.Core.Commands;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Host.Simulation
{
    /// <summary>What became of a command handed to a <see cref="VirtualPod"/>.</summary>
    /// <param name="Queued">True when verified and queued for the tick (which answers with a command_result event).</param>
    /// <param name="Id">The command id.</param>
    /// <param name="Auth">The authenticator's verdict; Ok with <paramref name="Queued"/> false means the queue was full (busy).</param>
    /// <param name="Reason">The authenticator's reason when refused.</param>
    public sealed record CommandIntake(bool Queued, string Id, CommandAuthResult Auth, string Reason);

    /// <summary>
    /// A whole pod on the host: the portable control tick over simulated twins of its sensors, relay,
    /// locks, inputs, GNSS and flash. Scenario steps set engineering values and inputs on the twins,
    /// which turn them into the raw counts and levels the real hardware would give, so every run goes
    /// through the real conversion, safety, lock, session and relay code. Commands go through the
    /// pod's real authenticator, signed with the pod's own key, exactly as they would arrive over MQTT.
    /// </summary>
    /// <remarks>
    /// Physical model: the EV (<see cref="Ev"/>) sits on the control pilot and answers the pod's duty. Until a scenario
    /// gives an <c>ev</c> line it is the implicit EV of older scenarios: connected with the plug, asking for power as soon
    /// as the pilot offers it, following at once, and drawing <c>current_a</c>. After the first <c>ev</c> line it draws
    /// what it reads from the duty (after <c>ev reaction_ms</c>, up to <c>ev max_a</c>); a <c>current_a</c> step overrides
    /// the draw from then on. Current flows only while the relay contacts are closed and the plug is in; a welded relay
    /// keeps them closed whatever the coil does. The pod starts docked, with
    /// no plug, no vehicle, healthy relay and locks (at the locked position), and a position source that
    /// has no fix until a <c>position</c> step gives one. The site controller beats from the first tick
    /// until a <c>controller down</c> step. Not thread-safe.
    /// </remarks>
    public sealed class VirtualPod
    {
        private readonly CommandAuthenticator _authenticator;
        private readonly Command _verified = new Command();
        private int _commandCount;
        private long _nextBeatMs;
        private bool _explicitEv;
        private bool _drawSet;

        /// <summary>Builds the pod on <paramref name="clock"/> (a <see cref="VirtualClock"/> for simulation, a real-time one for <c>./pod run</c>).</summary>
        /// <param name="config">A validated pod config.</param>
        /// <param name="clock">The clock the tick reads.</param>
        /// <param name="store">The pod's flash; a fresh <see cref="MemoryBlobStore"/> when null.</param>
        /// <param name="wirePorts">
        /// Test hook, null in normal use: called with the ports just before the controller is built, so a test can
        /// replace a port with a wrapper (e.g. a spy that sees every write to the relay coil or a lock actuator).
        /// The twin properties (<see cref="Relay"/>, <see cref="WheelLock"/>, ...) keep referring to the unwrapped twins.
        /// </param>
        public VirtualPod(PodConfig config, IClock clock, IBlobStore store = null, Action<PodPorts> wirePorts = null)
        {
            Config = config;
            Clock = clock;
            // +-2 counts: the single-read noise of the ESP32's SAR ADC at 12 bits is several LSB, so a healthy NTC never
            // repeats the same count for long and the tick's stuck check has something to see.
            Temperature = new SimulatedNtcChannel(config.Sensors.Temperature) { TemperatureC = 25.0, NoiseCounts = 2 };
            Current = new SimulatedAcChannel(config.Sensors.Current) { RmsValue = 0.0 };
            Voltage = new SimulatedAcChannel(config.Sensors.Voltage) { RmsValue = 230.0 };
            Relay = new SimulatedRelay();
            WheelLock = new SimulatedLock(clock);
            CableLock = new SimulatedLock(clock);
            Dock = new SimulatedDigitalInput { Value = true };
            Plug = new SimulatedDigitalInput();
            Vehicle = new SimulatedDigitalInput();
            Position = new SimulatedPositionSource();
            PilotOutput = new SimulatedPwmOutput();
            Ev = new SimulatedEv(clock, PilotOutput) { ReactionMs = 0 };
            Rcd = new SimulatedRcd(clock);
            Hazard = new SimulatedHazardDetector();
            CardReader = new SimulatedCardReader(clock);
            Store = store ?? new MemoryBlobStore();
            Events = new EventRing(128, 32);
            var ports = new PodPorts
            {
                TemperatureChannel = Temperature,
                Mains = new SimulatedMains(Voltage, Current),
                Relay = Relay,
                RelayFeedback = Relay.Feedback,
                WheelLock = WheelLock,
                WheelLockSense = WheelLock.Sense,
                CableLock = CableLock,
                CableLockSense = CableLock.Sense,
                DockSense = Dock,
                PlugSense = Plug,
                VehicleSense = Vehicle,
                Position = Position,
                PilotOutput = PilotOutput,
                PilotChannel = Ev.CpChannel,
                ProximityChannel = Ev.PpChannel,
                RcdFault = Rcd.FaultOutput,
                RcdTest = Rcd,
                HazardAlarm = Hazard.AlarmOutput,
                HazardTest = Hazard,
                HazardChannel = Hazard.Analog,
                Store = Store,
                CardReader = CardReader,
            };
            wirePorts?.Invoke(ports);
            Controller = new PodController(config, clock, ports, Events);
            _authenticator = config.Commands.CreateAuthenticator(config.PodId);
            if (clock.IsUtcValid)
            {
                Controller.Utc.SetFromSntp(clock.MonotonicMs, UtcMs(clock.UtcNow));
            }
        }

        /// <summary>The validated config the pod runs with.</summary>
        public PodConfig Config { get; }

        /// <summary>The clock the tick reads.</summary>
        public IClock Clock { get; }

        /// <summary>Twin of the connector NTC channel.</summary>
        public SimulatedNtcChannel Temperature { get; }

        /// <summary>Twin of the current sensor channel.</summary>
        public SimulatedAcChannel Current { get; }

        /// <summary>Twin of the mains voltage channel.</summary>
        public SimulatedAcChannel Voltage { get; }

        /// <summary>Twin of the relay: coil, contacts and mirror contact.</summary>
        public SimulatedRelay Relay { get; }

        /// <summary>Twin of the wheel lock: actuator and position switch.</summary>
        public SimulatedLock WheelLock { get; }

        /// <summary>Twin of the cable lock: actuator and position switch.</summary>
        public SimulatedLock CableLock { get; }

        /// <summary>Dock sense; starts docked.</summary>
        public SimulatedDigitalInput Dock { get; }

        /// <summary>Plug detection; starts unplugged.</summary>
        public SimulatedDigitalInput Plug { get; }

        /// <summary>Vehicle presence sensor; starts absent.</summary>
        public SimulatedDigitalInput Vehicle { get; }

        /// <summary>Residual-current monitor twin; starts healthy, answering its test at once.</summary>
        public SimulatedRcd Rcd { get; }

        /// <summary>Smoke / gas detector twin (MQ-2 module: analog output, alarm output, test input); starts healthy in clean air. The config's <c>sensors.hazard.type</c> decides which output the pod reads.</summary>
        public SimulatedHazardDetector Hazard { get; }

        /// <summary>The MFRC522 twin: a scenario's <c>card &lt;uid-hex&gt;</c> taps a card on it; the messaging side polls it.</summary>
        public SimulatedCardReader CardReader { get; }

        /// <summary>GNSS twin; starts without a fix.</summary>
        public SimulatedPositionSource Position { get; }

        /// <summary>Twin of the control pilot generator.</summary>
        public SimulatedPwmOutput PilotOutput { get; }

        /// <summary>The EV on the connector: CP resistors and diode, charger, cable's PP resistor.</summary>
        public SimulatedEv Ev { get; }

        /// <summary>The pod's persistent store.</summary>
        public IBlobStore Store { get; }

        /// <summary>The pod's command keys (the configured one until a <c>rotate_key</c> replaced it).</summary>
        public CommandKeys KeyRing => _authenticator.Keys;

        /// <summary>Events raised by the tick.</summary>
        public EventRing Events { get; }

        /// <summary>The portable control tick.</summary>
        public PodController Controller { get; }

        /// <summary>Whether the site controller is sending its heartbeat (every <c>heartbeat.periodMs</c>, from the first tick on).</summary>
        public bool ControllerUp { get; set; } = true;

        /// <summary>The current the EV draws with the relay contacts closed and the plug in, in A.</summary>
        public double DemandA { get; set; }

        /// <summary>Applies one scenario step (other than a command) to the twins.</summary>
        public void Apply(ScenarioStep step)
        {
            switch (step.Target)
            {
                case "temp_c": Temperature.TemperatureC = step.Value; break;
                case "current_a": DemandA = step.Value; _drawSet = true; break;
                case "voltage_v": Voltage.RmsValue = step.Value; break;
                case "temp_sensor": Temperature.Fault = ParseFault(step); break;
                case "current_sensor": Current.Fault = ParseFault(step); break;
                case "voltage_sensor": Voltage.Fault = ParseFault(step); break;
                case "plug": Plug.Value = step.Text == "in"; Ev.Connected = Plug.Value; break;
                case "ev": ApplyEv(step); break;
                case "pp": Ev.PpOhms = step.Text == "open" ? double.PositiveInfinity : step.Value; break;
                case "dock": Dock.Value = step.Text == "in"; break;
                case "vehicle": Vehicle.Value = step.Text == "present"; break;
                case "relay_feedback": Relay.Fault = ParseRelayFault(step); break;
                case "wheel_lock_sense": WheelLock.Fault = ParseLockFault(step); break;
                case "cable_lock_sense": CableLock.Fault = ParseLockFault(step); break;
                case "controller": ControllerUp = step.Text == "up"; break;
                case "card": CardReader.Tap(Convert.FromHexString(step.Text)); break;
                case "rcd": Rcd.Fault = step.Text == "fault" ? RcdFault.Fault : step.Text == "test_fails" ? RcdFault.TestFails : RcdFault.Ok; break;
                case "smoke_ppm": Hazard.SmokePpm = step.Value; break;
                case "hazard_detector": Hazard.Fault = step.Text == "open" ? HazardFault.Open : step.Text == "short" ? HazardFault.Short : step.Text == "test_fails" ? HazardFault.TestFails : HazardFault.Ok; break;
                case "position":
                    if (step.Text == "none")
                    {
                        Position.Lose();
                    }
                    else
                    {
                        Position.Set(step.Value, step.Value2);
                    }

                    break;
                default: throw new ScenarioException(step.LineNumber, "the simulator cannot apply '" + step.Target + "'");
            }
        }

        /// <summary>
        /// Sends a command as the back end would: completes what <paramref name="commandJson"/> leaves out
        /// (<c>pod</c>, <c>id</c> as <c>cmd-N</c>, <c>ts</c> from the pod's UTC, a random <c>nonce</c>), signs it with
        /// the pod's key, and verifies the envelope with the pod's authenticator. An accepted command is
        /// queued for the next tick, which answers it with a command_result event.
        /// </summary>
        /// <returns>Whether it was queued, the id used, and the authenticator's verdict.</returns>
        public CommandIntake SendCommand(string commandJson)
        {
            (byte[] envelope, string id) = SignCommand(commandJson);
            return Verify(envelope, id);
        }

        /// <summary>
        /// Completes <paramref name="commandJson"/> as <see cref="SendCommand"/> does and signs it with the pod's key,
        /// giving the MQTT envelope a back end would publish on <c>pods/{podId}/cmd</c>.
        /// </summary>
        /// <exception cref="FormatException">When the text is not a JSON object.</exception>
        public (byte[] Envelope, string Id) SignCommand(string commandJson)
        {
            JsonObject command = JsonNode.Parse(commandJson) as JsonObject
                ?? throw new FormatException("a command must be a JSON object");
            _commandCount++;
            command["pod"] ??= Config.PodId;
            command["id"] ??= "cmd-" + _commandCount.ToString(CultureInfo.InvariantCulture);
            long nowMs = Clock.MonotonicMs;
            command["ts"] ??= Controller.Utc.IsValid ? Controller.Utc.UtcSeconds(nowMs) : 0;
            command["nonce"] ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            byte[] bytes = Encoding.UTF8.GetBytes(command.ToJsonString());
            // The pod's current key: the configured one until a rotate_key replaced it.
            return (CommandSigner.Sign(_authenticator.Keys.Find(null, 0), bytes, bytes.Length), (string)command["id"]);
        }

        /// <summary>Verifies a signed envelope exactly as received over MQTT and queues it when accepted.</summary>
        public CommandIntake Verify(byte[] envelope, string id)
        {
            long nowMs = Clock.MonotonicMs;
            long utcS = Controller.Utc.IsValid ? Controller.Utc.UtcSeconds(nowMs) : 0;
            CommandAuthResult result = _authenticator.Verify(envelope, envelope.Length, utcS, _verified);
            if (result != CommandAuthResult.Ok)
            {
                return new CommandIntake(false, id, result, _authenticator.LastReason);
            }

            if (_verified.Type == CommandType.RotateKey)
            {
                // As the messaging pump does: the keys belong to the messaging side, the tick never sees a rotation.
                CommandResultCode code = _authenticator.Keys.Rotate(_verified, _authenticator.LastKeyId, utcS);
                Events.TryWrite(new PodEvent { Kind = EventKind.CommandResult, TimeMs = nowMs, Text = _verified.Id, Arg = (int)code });
                return new CommandIntake(true, _verified.Id, result, "");
            }

            return new CommandIntake(Controller.Commands.TryEnqueue(_verified), _verified.Id, result, "");
        }

        /// <summary>Runs one control tick: the EV's draw follows the relay contacts and the plug as they stood before the tick.</summary>
        public void Tick()
        {
            long nowMs = Clock.MonotonicMs;
            if (ControllerUp && nowMs >= _nextBeatMs)
            {
                Controller.Heartbeat.OnBeat(nowMs, Clock.IsUtcValid ? UtcMs(Clock.UtcNow) : 0);
                _nextBeatMs = nowMs + Config.Heartbeat.PeriodMs;
            }

            if (!_explicitEv)
            {
                // The implicit EV comes and goes with the plug, however the plug was set (a scenario step or a test).
                Ev.Connected = Plug.Value;
            }

            double drawA = _drawSet || !_explicitEv ? DemandA : Ev.DrawA;
            Current.RmsValue = Relay.ContactsClosed && Plug.Value ? drawA : 0.0;
            Ev.Charge(Current.RmsValue, Voltage.RmsValue, Config.TickPeriodMs);
            Controller.Tick();
        }

        // The first ev line turns the implicit EV into a scripted one: connected only by ev connect, asking only on ev charge,
        // following the duty after 1000 ms unless ev reaction_ms says otherwise.
        private void ApplyEv(ScenarioStep step)
        {
            if (!_explicitEv)
            {
                _explicitEv = true;
                Ev.AsksForPower = false;
                Ev.ReactionMs = 1000;
            }

            switch (step.Text)
            {
                case "connect": Ev.Connected = true; Plug.Value = true; break;
                case "unplug": Ev.Connected = false; Plug.Value = false; Ev.AsksForPower = false; break;
                case "charge": Ev.AsksForPower = true; Ev.Ventilation = false; break;
                case "ventilation": Ev.AsksForPower = true; Ev.Ventilation = true; break;
                case "stop": Ev.AsksForPower = false; break;
                case "max_a": Ev.MaxA = step.Value; break;
                case "battery_wh": Ev.BatteryToFillWh = step.Value; break;
                case "reaction_ms": Ev.ReactionMs = (int)step.Value; break;
                case "ignores_limit": Ev.IgnoresLimit = step.Value != 0; break;
                case "diode": Ev.DiodeMissing = step.Value != 0; break;
                case "cp": Ev.CpShorted = step.Value != 0; break;
                default: throw new ScenarioException(step.LineNumber, "the simulator cannot apply 'ev " + step.Text + "'");
            }
        }

        private static long UtcMs(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

        private static SensorStatus ParseFault(ScenarioStep step) => step.Text switch
        {
            "ok" => SensorStatus.Ok,
            "open" => SensorStatus.Open,
            "short" => SensorStatus.Short,
            "stuck" => SensorStatus.Stuck,
            _ => throw new ScenarioException(step.LineNumber, "unknown sensor state '" + step.Text + "'"),
        };

        private static RelayFault ParseRelayFault(ScenarioStep step) => step.Text switch
        {
            "ok" => RelayFault.Ok,
            "stuck_closed" => RelayFault.StuckClosed,
            "stuck_open" => RelayFault.StuckOpen,
            _ => throw new ScenarioException(step.LineNumber, "unknown relay state '" + step.Text + "'"),
        };

        private static LockFault ParseLockFault(ScenarioStep step) => step.Text switch
        {
            "ok" => LockFault.Ok,
            "stuck_locked" => LockFault.StuckLocked,
            "stuck_unlocked" => LockFault.StuckUnlocked,
            _ => throw new ScenarioException(step.LineNumber, "unknown lock state '" + step.Text + "'"),
        };
    }
}
