using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// What the safety supervisor sees in one tick. The tick owns one instance, allocated at start-up,
    /// and overwrites every field before each <see cref="SafetySupervisor.Evaluate"/>.
    /// </summary>
    /// <remarks>Not thread-safe: written and read on the control tick only.</remarks>
    public sealed class SafetyInputs
    {
        /// <summary>Monotonic time of this tick in milliseconds (<c>IClock.MonotonicMs</c>); never goes back.</summary>
        public long NowMs;

        /// <summary>Connector temperature in degrees Celsius; used only while <see cref="TemperatureStatus"/> is Ok and the value is finite (else a sensor fault).</summary>
        public double TemperatureC;

        /// <summary>Health of the connector temperature channel.</summary>
        public SensorStatus TemperatureStatus;

        /// <summary>Charging current in amperes RMS; used only while <see cref="CurrentStatus"/> is Ok and the value is finite (else, while charging, a sensor fault).</summary>
        public double CurrentA;

        /// <summary>Health of the current channel.</summary>
        public SensorStatus CurrentStatus;

        /// <summary>Mains voltage at the dock in volts RMS (0 when undocked); used only while <see cref="VoltageStatus"/> is Ok and the value is finite (else, while charging, a sensor fault).</summary>
        public double VoltageV;

        /// <summary>Health of the voltage channel.</summary>
        public SensorStatus VoltageStatus;

        /// <summary>Current the session currently allows the vehicle to draw, in amperes; 0 or less when none (NaN or infinite counts as none).</summary>
        public double AllowedCurrentA;

        /// <summary>
        /// <c>true</c> while the tick commands the relay closed (the pod is charging). Current rules, current and
        /// voltage sensor faults and under-voltage are judged only then.
        /// </summary>
        public bool RelayCommandedClosed;

        /// <summary>Parking-space number the pod stands at, copied into events; 0 when not docked or unknown.</summary>
        public int SpaceNumber;

        /// <summary><c>true</c> when the board has a relay mirror contact and <see cref="RelayFeedbackClosed"/> is meaningful.</summary>
        public bool RelayFeedbackPresent;

        /// <summary>The mirror contact reads the main contacts closed; ignored unless <see cref="RelayFeedbackPresent"/>.</summary>
        public bool RelayFeedbackClosed;

        /// <summary>
        /// Monotonic time in milliseconds at which the coil command (<see cref="RelayCommandedClosed"/>) last changed;
        /// the tick sets it when it writes the relay. The relay feedback rule counts its settle time from here.
        /// </summary>
        public long RelayChangedAtMs;

        /// <summary>
        /// A trip-severity fault another monitor reports this tick (lock fault, self-test failed, geofence exit), or
        /// <see cref="FaultCode.None"/>. The supervisor latches it like its own rules and refuses a reset while it is present.
        /// </summary>
        public FaultCode EquipmentFault;

        /// <summary>
        /// <c>true</c> while the residual-current monitor's fault output is active outside its own test (false when no
        /// monitor is fitted). While charging it latches <see cref="FaultCode.GroundFailure"/>; a reset is refused while it holds.
        /// </summary>
        public bool ResidualCurrentFault;

        /// <summary>
        /// <c>true</c> while the smoke / gas detector reports smoke or gas (confirmed, after its warm-up). Latches
        /// <see cref="FaultCode.SmokeOrGasDetected"/> charging or not and raises fire_risk at once; a reset is refused while it holds.
        /// </summary>
        public bool HazardDetected;
    }
}
