using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Config
{
    /// <summary>Config section <c>sensors</c>: the three safety measurement channels. Keys are in PodFirmware.Drivers/Sensors/README.md.</summary>
    public sealed class SensorsConfig : IConfigSection
    {
        /// <summary><c>sensors.temperature</c>: the connector NTC.</summary>
        public TemperatureSensorConfig Temperature = new TemperatureSensorConfig();

        /// <summary><c>sensors.current</c>: the charging current sensor.</summary>
        public CurrentSensorConfig Current = new CurrentSensorConfig();

        /// <summary><c>sensors.voltage</c>: the mains voltage sensor.</summary>
        public VoltageSensorConfig Voltage = new VoltageSensorConfig();

        /// <summary><c>sensors.hazard</c>: the smoke / gas detector; optional (left out or null: none fitted).</summary>
        public HazardConfig Hazard = new HazardConfig();

        /// <summary>Checks every key; problems go to <paramref name="errors"/> named <c>keyPrefix.key</c>.</summary>
        public void Validate(string keyPrefix, ConfigErrors errors)
        {
            if (Temperature == null || Current == null || Voltage == null)
            {
                errors.Fail(keyPrefix, "temperature, current and voltage must all be present");
                return;
            }

            Temperature.Validate(keyPrefix + ".temperature", errors);
            Current.Validate(keyPrefix + ".current", errors);
            Voltage.Validate(keyPrefix + ".voltage", errors);
            MainsMeter.CheckSameBurst(keyPrefix + ".current.burst", Voltage.Burst, Current.Burst, errors);
            if (Hazard != null)
            {
                Hazard.Validate(keyPrefix + ".hazard", errors);
            }
        }
    }
}
