namespace PodFirmware.Core.Control
{
    /// <summary>The residual-current monitor as status shows it; wire names from <see cref="RcdStateNames"/>.</summary>
    public enum RcdState
    {
        /// <summary>No monitor fitted (the board map gives no RCD pins).</summary>
        None = 0,

        /// <summary>Fault output clear; the last test (if any) passed.</summary>
        Ok = 1,

        /// <summary>The test before a session is running.</summary>
        Testing = 2,

        /// <summary>The fault output is active outside a test.</summary>
        Fault = 3,

        /// <summary>The last test failed (self-test check <c>rcd</c>).</summary>
        TestFailed = 4,
    }
}
