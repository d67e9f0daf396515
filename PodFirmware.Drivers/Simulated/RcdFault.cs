namespace PodFirmware.Drivers.Simulated
{
    /// <summary>What a <see cref="SimulatedRcd"/> does (scenario target <c>rcd ok|fault|test_fails</c>).</summary>
    public enum RcdFault
    {
        /// <summary>Healthy: no leak; the fault output answers the test input after the response time.</summary>
        Ok = 0,

        /// <summary>A leak: the fault output is active whatever the test input does.</summary>
        Fault = 1,

        /// <summary>A dead monitor: the fault output never rises, not even for the test input.</summary>
        TestFails = 2,
    }
}
