namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// One GPIO line as electrical levels (high / low), already opened in its mode by the adapter. The
    /// portable <c>ActiveLevelOutput</c> and <c>ActiveLevelInput</c> map levels to energised / active
    /// (the active-low inversion) on top of it.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IPinLine
    {
        /// <summary>Drives the line high (<c>true</c>) or low (<c>false</c>); output lines only.</summary>
        void WriteLevel(bool high);

        /// <summary>Samples the line now; <c>true</c> when it is high.</summary>
        bool ReadLevel();
    }
}
