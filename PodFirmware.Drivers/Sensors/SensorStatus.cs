namespace PodFirmware.Drivers.Sensors
{
    /// <summary>Health of one sensor channel, as judged by its driver on the latest sample.</summary>
    public enum SensorStatus
    {
        /// <summary>The reading is plausible; its engineering value may be used.</summary>
        Ok = 0,

        /// <summary>The input sits at the rail an open circuit gives (broken wire, unplugged sensor).</summary>
        Open = 1,

        /// <summary>The input sits at the rail a short circuit gives.</summary>
        Short = 2,

        /// <summary>The raw value has not changed at all for longer than allowed while it must change.</summary>
        Stuck = 3,

        /// <summary>
        /// The conversion or calibration gave NaN or an infinity: no usable number (a fault of the chain or its math).
        /// Also what the safety supervisor names when a reading with status Ok is not finite.
        /// </summary>
        NotFinite = 4,
    }
}
