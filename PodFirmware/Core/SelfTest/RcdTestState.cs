namespace PodFirmware.Core.SelfTest
{
    /// <summary>Where <see cref="RcdSelfTest"/> stands.</summary>
    public enum RcdTestState
    {
        /// <summary>No test has run since the last <see cref="RcdSelfTest.Reset"/>.</summary>
        Idle = 0,

        /// <summary>The test input is driven; waiting for the fault output to rise.</summary>
        Pulsing = 1,

        /// <summary>The test input is released; waiting for the fault output to clear.</summary>
        Releasing = 2,

        /// <summary>The monitor raised and released its fault output in time.</summary>
        Passed = 3,

        /// <summary>The monitor did not raise, or did not release, its fault output in time.</summary>
        Failed = 4,
    }
}
