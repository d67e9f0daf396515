using PodFirmware.Core.Faults;
using PodFirmware.Core.Safety;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// What the pod looks like after the latest tick: measurements, sensor health, relay and fault.
    /// The tick overwrites the fields in place (no allocation); <see cref="Version"/> counts
    /// meaningful changes so a publisher can send status on change.
    /// </summary>
    /// <remarks>
    /// Written by the tick thread only. A reader on another thread may see one tick's fields mixed
    /// with the next; each field is a single word or a double, and status is advisory (the relay
    /// and the latch are decided in the tick, never from this snapshot).
    /// </remarks>
    public sealed class PodStatus
    {
        /// <summary>Monotonic time of the tick that wrote this snapshot, ms since boot.</summary>
        public long UptimeMs;

        /// <summary>Whether the relay is closed (power on the connector).</summary>
        public bool RelayClosed;

        /// <summary>The latched fault, or <see cref="FaultCode.None"/>.</summary>
        public FaultCode LatchedFault;

        /// <summary>Connector temperature in °C (valid when <see cref="TemperatureStatus"/> is Ok).</summary>
        public double TemperatureC;

        /// <summary>Health of the temperature sensor.</summary>
        public SensorStatus TemperatureStatus;

        /// <summary>Charging current RMS in A (valid when <see cref="CurrentStatus"/> is Ok).</summary>
        public double CurrentA;

        /// <summary>Health of the current sensor.</summary>
        public SensorStatus CurrentStatus;

        /// <summary>Mains voltage RMS in V (valid when <see cref="VoltageStatus"/> is Ok).</summary>
        public double VoltageV;

        /// <summary>Health of the voltage sensor.</summary>
        public SensorStatus VoltageStatus;

        /// <summary>The current the session may draw, in A.</summary>
        public double AllowedCurrentA;

        /// <summary>Incremented whenever the relay, the latched fault or a sensor's health changes.</summary>
        public int Version;

        /// <summary>Refreshes the snapshot from one tick's inputs and decisions.</summary>
        public void Update(long nowMs, bool relayClosed, SafetyInputs inputs, SafetySupervisor supervisor)
        {
            FaultCode latched = supervisor.IsLatched ? supervisor.LatchedCode : FaultCode.None;
            if (relayClosed != RelayClosed || latched != LatchedFault || inputs.TemperatureStatus != TemperatureStatus ||
                inputs.CurrentStatus != CurrentStatus || inputs.VoltageStatus != VoltageStatus)
            {
                Version++;
            }

            UptimeMs = nowMs;
            RelayClosed = relayClosed;
            LatchedFault = latched;
            TemperatureC = inputs.TemperatureC;
            TemperatureStatus = inputs.TemperatureStatus;
            CurrentA = inputs.CurrentA;
            CurrentStatus = inputs.CurrentStatus;
            VoltageV = inputs.VoltageV;
            VoltageStatus = inputs.VoltageStatus;
            AllowedCurrentA = inputs.AllowedCurrentA;
        }
    }
}
