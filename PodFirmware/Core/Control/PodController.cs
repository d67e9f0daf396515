using PodFirmware.Core.Config;
using PodFirmware.Core.Events;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Ports;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// The control tick: samples every safety channel, evaluates every safety rule and drives the
    /// charging relay, in that order, once per <see cref="PodConfig.TickPeriodMs"/>. A trip opens
    /// the relay in the same <see cref="Tick"/> that decided it. The same class runs on the device
    /// (real ADC/GPIO adapters, hardware clock) and on the host (simulated twins, virtual clock).
    /// </summary>
    /// <remarks>
    /// Owns the pod's state: only the tick thread calls <see cref="Tick"/> and the setters. Other
    /// threads read <see cref="Status"/> (a snapshot refreshed every tick) and drain <see cref="Events"/>.
    /// Allocates nothing after construction.
    /// </remarks>
    public sealed class PodController
    {
        private readonly IClock _clock;
        private readonly IDigitalOutput _relay;
        private readonly TemperatureSensor _temperature;
        private readonly CurrentSensor _current;
        private readonly VoltageSensor _voltage;
        private readonly SafetySupervisor _supervisor;
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly PodEvent _scratch = new PodEvent();
        private readonly EventRing _events;
        private readonly PodStatus _status = new PodStatus();

        /// <summary>
        /// Wires the tick over its ports. Opens the relay first: whatever the hardware did before,
        /// the pod starts with no power on the connector.
        /// </summary>
        /// <param name="config">A validated pod config.</param>
        /// <param name="clock">Monotonic time source.</param>
        /// <param name="temperatureChannel">ADC channel of the connector NTC divider.</param>
        /// <param name="currentChannel">ADC channel of the current sensor.</param>
        /// <param name="voltageChannel">ADC channel of the mains voltage sensor.</param>
        /// <param name="relay">The charging relay coil; energised means closed.</param>
        /// <param name="store">Persistent store for the fault latch.</param>
        /// <param name="events">Where the tick writes events for the messaging side.</param>
        public PodController(PodConfig config, IClock clock, IAnalogChannel temperatureChannel, IAnalogChannel currentChannel,
            IAnalogChannel voltageChannel, IDigitalOutput relay, IBlobStore store, EventRing events)
        {
            _clock = clock;
            _relay = relay;
            _relay.Write(false);
            _events = events;
            _temperature = new TemperatureSensor(temperatureChannel, config.Sensors.Temperature);
            _current = new CurrentSensor(currentChannel, config.Sensors.Current);
            _voltage = new VoltageSensor(voltageChannel, config.Sensors.Voltage);
            _supervisor = new SafetySupervisor(config.Safety, store, events);
            _inputs.SpaceNumber = config.ParkingSpace;
            AllowedCurrentA = config.RatedCurrentA;
        }

        /// <summary>
        /// Whether the charging session wants power on the connector. The relay closes only when
        /// this is set and the safety supervisor permits it. Tick thread only.
        /// </summary>
        public bool ChargeRequested { get; set; }

        /// <summary>The current the session may draw now, in A; the over-current rule follows it. Tick thread only.</summary>
        public double AllowedCurrentA { get; set; }

        /// <summary>The safety supervisor, for an authorised reset and for tests.</summary>
        public SafetySupervisor Supervisor
        {
            get { return _supervisor; }
        }

        /// <summary>Events the tick raised, oldest first; drained by the messaging side.</summary>
        public EventRing Events
        {
            get { return _events; }
        }

        /// <summary>The snapshot refreshed at the end of every tick.</summary>
        public PodStatus Status
        {
            get { return _status; }
        }

        /// <summary>Runs one control tick at the clock's current time.</summary>
        public void Tick()
        {
            long nowMs = _clock.MonotonicMs;
            bool relayClosed = _relay.IsEnergised;

            _temperature.Sample(nowMs);
            // A current or voltage whose raw samples never move is only suspicious while power flows.
            _current.Sample(nowMs, relayClosed);
            _voltage.Sample(nowMs, relayClosed);

            _inputs.NowMs = nowMs;
            _inputs.TemperatureC = _temperature.TemperatureC;
            _inputs.TemperatureStatus = _temperature.Status;
            _inputs.CurrentA = _current.CurrentA;
            _inputs.CurrentStatus = _current.Status;
            _inputs.VoltageV = _voltage.VoltageV;
            _inputs.VoltageStatus = _voltage.Status;
            _inputs.AllowedCurrentA = AllowedCurrentA;
            _inputs.RelayCommandedClosed = relayClosed;
            _supervisor.Evaluate(_inputs);

            bool close = ChargeRequested && _supervisor.RelayPermitted;
            if (close != relayClosed)
            {
                _relay.Write(close);
                _scratch.Clear();
                _scratch.Kind = EventKind.Relay;
                _scratch.TimeMs = nowMs;
                _scratch.Arg = close ? 1 : 0;
                _scratch.SpaceNumber = _inputs.SpaceNumber;
                _events.TryWrite(_scratch);
            }

            _status.Update(nowMs, close, _inputs, _supervisor);
        }
    }
}
