namespace PodFirmware.Drivers.Sensors
{
    /// <summary>How an NTC thermistor's resistance maps to temperature (T in kelvin, R in ohm).</summary>
    public enum NtcModel
    {
        /// <summary>Beta model from the datasheet's R25 and B25/85: 1/T = 1/298.15 K + ln(R / R25) / B.</summary>
        Beta = 0,

        /// <summary>Steinhart-Hart: 1/T = A + B ln R + C (ln R)^3, with A, B, C fitted to three points of the part's R-T table.</summary>
        SteinhartHart = 1,
    }
}
