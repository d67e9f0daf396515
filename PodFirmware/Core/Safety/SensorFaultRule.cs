using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Sensors;

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

        /// <summary>Status of the channel the last <see cref="Evaluate"/> reported (Ok when it reported none, or when the status was Ok but the value unusable).</summary>
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
                _lastStatus = inputs.TemperatureStatus;
            }
            else if (inputs.RelayCommandedClosed && !IsUsable(inputs.CurrentStatus, inputs.CurrentA))
            {
                found = FaultCode.CurrentSensorFault;
                _lastStatus = inputs.CurrentStatus;
            }
            else if (inputs.RelayCommandedClosed && !IsUsable(inputs.VoltageStatus, inputs.VoltageV))
            {
                found = FaultCode.VoltageSensorFault;
                _lastStatus = inputs.VoltageStatus;
            }

            return found;
        }

        /// <summary><c>true</c> when a reading may be used: its status is Ok and its value is a finite number.</summary>
        public static bool IsUsable(SensorStatus status, double value)
        {
            return status == SensorStatus.Ok && !double.IsNaN(value) && !double.IsInfinity(value);
        }
    }
}
