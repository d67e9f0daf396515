using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Sensors;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Fail safe on the sensors themselves: a safety channel whose status is not Ok, or whose value is NaN or
    /// infinite, reports its own code at once. Temperature is judged always; current and voltage only while the
    /// relay is commanded closed. Order when several fail: temperature, current, voltage.
    /// </summary>
    /// <remarks>Stateless apart from <see cref="LastStatus"/>; the drivers debounce (Stuck is their judgement over time). Allocates nothing. Not thread-safe.</remarks>
    public sealed class SensorFaultRule
    {
        private SensorStatus _lastStatus;

        /// <summary>
        /// Status of the channel the last <see cref="Evaluate"/> reported: Ok when it reported none, and
        /// <see cref="SensorStatus.NotFinite"/> when the status was Ok but the value NaN or infinite.
        /// </summary>
        public SensorStatus LastStatus
        {
            get { return _lastStatus; }
        }

        /// <summary>Judges the channels in <paramref name="inputs"/>; returns the first sensor fault or <see cref="FaultCode.None"/>.</summary>
        public FaultCode Evaluate(SafetyInputs inputs)
        {
            FaultCode found = FaultCode.None;
            _lastStatus = SensorStatus.Ok;
            if (!IsUsable(inputs.TemperatureStatus, inputs.TemperatureC))
            {
                found = FaultCode.TemperatureSensorFault;
                _lastStatus = StatusOf(inputs.TemperatureStatus);
            }
            else if (inputs.RelayCommandedClosed && !IsUsable(inputs.CurrentStatus, inputs.CurrentA))
            {
                found = FaultCode.CurrentSensorFault;
                _lastStatus = StatusOf(inputs.CurrentStatus);
            }
            else if (inputs.RelayCommandedClosed && !IsUsable(inputs.VoltageStatus, inputs.VoltageV))
            {
                found = FaultCode.VoltageSensorFault;
                _lastStatus = StatusOf(inputs.VoltageStatus);
            }

            return found;
        }

        /// <summary>
        /// <c>true</c> when a reading may be used: its status is Ok and its value is a finite number. This is where every
        /// safety reading is proven finite: the supervisor, the tick and the session pass a value to a comparison only
        /// after this returned <c>true</c>.
        /// </summary>
        public static bool IsUsable(SensorStatus status, double value)
        {
            return status == SensorStatus.Ok && Finite.IsFinite(value);
        }

        // An unusable reading whose driver said Ok was NaN or infinite: name it so in the alarm's Arg.
        private static SensorStatus StatusOf(SensorStatus status)
        {
            return status == SensorStatus.Ok ? SensorStatus.NotFinite : status;
        }
    }
}
