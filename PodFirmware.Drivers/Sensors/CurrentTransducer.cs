namespace PodFirmware.Drivers.Sensors
{
    /// <summary>What turns the charging current into a voltage at the ADC pin.</summary>
    public enum CurrentTransducer
    {
        /// <summary>Current transformer with a burden resistor, its low end held at a mid-rail bias.</summary>
        CurrentTransformer = 0,

        /// <summary>Hall-effect sensor IC whose output idles at a zero-current voltage (typically half its supply).</summary>
        Hall = 1,
    }
}
