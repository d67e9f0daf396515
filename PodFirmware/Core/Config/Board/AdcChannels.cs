namespace PodFirmware.Core.Config.Board
{
    /// <summary><c>adc</c>: the board's analog inputs, ADC1 only. The first three are required.</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class AdcChannels
    {
        /// <summary><c>temperature</c>: connector temperature (NTC divider).</summary>
        public AnalogPin Temperature;

        /// <summary><c>current</c>: charging current.</summary>
        public AnalogPin Current;

        /// <summary><c>voltage</c>: supply voltage.</summary>
        public AnalogPin Voltage;

        /// <summary><c>hazard</c>: analog smoke / gas sensor (<c>sensors.hazard.type</c> "analog"); optional.</summary>
        public AnalogPin Hazard;
    }
}
