namespace PodFirmware.Drivers.Sensors
{
    /// <summary>Where the NTC sits in the voltage divider that feeds the ADC pin.</summary>
    public enum NtcPosition
    {
        /// <summary>
        /// NTC from the ADC node to ground, series resistor from the supply to the node (pull-down position).
        /// Hotter reads fewer counts; an open NTC reads full scale, a shorted one reads 0.
        /// </summary>
        LowSide = 0,

        /// <summary>
        /// NTC from the supply to the ADC node, series resistor to ground (pull-up position).
        /// Hotter reads more counts; an open NTC reads 0, a shorted one reads full scale.
        /// </summary>
        HighSide = 1,
    }
}
