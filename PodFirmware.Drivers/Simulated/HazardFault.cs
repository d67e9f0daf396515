namespace PodFirmware.Drivers.Simulated
{
    /// <summary>What is wrong with a <see cref="SimulatedHazardDetector"/> (scenario target <c>hazard_detector</c>).</summary>
    public enum HazardFault
    {
        /// <summary>Healthy: follows the smoke and answers its test input.</summary>
        Ok = 0,

        /// <summary>Sensor unplugged or heater dead: analog output 0 V, alarm output never active.</summary>
        Open = 1,

        /// <summary>Analog output shorted to the 5 V supply (clipped at the ADC's full scale); the alarm output stays active.</summary>
        Short = 2,

        /// <summary>Follows the smoke but ignores its test input, so its self-test fails.</summary>
        TestFails = 3,
    }
}
