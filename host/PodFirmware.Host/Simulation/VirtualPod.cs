using System;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Scenarios;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Simulated;

namespace PodFirmware.Host.Simulation
{
    /// <summary>
    /// A whole pod on the host: the portable control tick over simulated twins of its sensors,
    /// relay and flash. Scenario steps set engineering values on the twins, which turn them into
    /// the raw ADC counts the real sensors would give, so every run goes through the real
    /// conversion, safety and relay code.
    /// </summary>
    /// <remarks>
    /// Physical model: the EV draws <c>current_a</c> only while the relay is closed; the mains
    /// voltage and the connector temperature are whatever the scenario says. Not thread-safe.
    /// </remarks>
    public sealed class VirtualPod
    {
        private double _demandA;

        /// <summary>Builds the pod on <paramref name="clock"/> (a <see cref="VirtualClock"/> for simulation, a real-time one for <c>./pod run</c>).</summary>
        public VirtualPod(PodConfig config, IClock clock, IBlobStore store = null)
        {
            Config = config;
            Clock = clock;
            Temperature = new SimulatedNtcChannel(config.Sensors.Temperature) { TemperatureC = 25.0 };
            Current = new SimulatedAcChannel(config.Sensors.Current) { RmsValue = 0.0 };
            Voltage = new SimulatedAcChannel(config.Sensors.Voltage) { RmsValue = 230.0 };
            Relay = new SimulatedDigitalOutput();
            Store = store ?? new MemoryBlobStore();
            Events = new EventRing(64, 16);
            Controller = new PodController(config, clock, Temperature, Current, Voltage, Relay, Store, Events);

            // Until the charging session exists (relay, locks and session issue), a virtual pod
            // starts as a plugged-in, authorised EV wanting power, so every safety rule is live.
            Controller.ChargeRequested = true;
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

        /// <summary>Twin of the relay coil output.</summary>
        public SimulatedDigitalOutput Relay { get; }

        /// <summary>The pod's persistent store.</summary>
        public IBlobStore Store { get; }

        /// <summary>Events raised by the tick.</summary>
        public EventRing Events { get; }

        /// <summary>The portable control tick.</summary>
        public PodController Controller { get; }

        /// <summary>The current the EV would draw with the relay closed, in A.</summary>
        public double DemandA
        {
            get => _demandA;
            set => _demandA = value;
        }

        /// <summary>Applies one scenario step to the twins.</summary>
        public void Apply(ScenarioStep step)
        {
            switch (step.Target)
            {
                case "temp_c": Temperature.TemperatureC = step.Value; break;
                case "current_a": _demandA = step.Value; break;
                case "voltage_v": Voltage.RmsValue = step.Value; break;
                case "temp_sensor": Temperature.Fault = ParseFault(step); break;
                case "current_sensor": Current.Fault = ParseFault(step); break;
                case "voltage_sensor": Voltage.Fault = ParseFault(step); break;
                default: throw new ScenarioException(step.LineNumber, "the simulator cannot apply '" + step.Target + "'");
            }
        }

        /// <summary>Runs one control tick: the EV's draw follows the relay as it stood before the tick.</summary>
        public void Tick()
        {
            Current.RmsValue = Relay.IsEnergised ? _demandA : 0.0;
            Controller.Tick();
        }

        private static SensorStatus ParseFault(ScenarioStep step) => step.Text switch
        {
            "ok" => SensorStatus.Ok,
            "open" => SensorStatus.Open,
            "short" => SensorStatus.Short,
            "stuck" => SensorStatus.Stuck,
            _ => throw new ScenarioException(step.LineNumber, "unknown sensor state '" + step.Text + "'"),
        };
    }
}
