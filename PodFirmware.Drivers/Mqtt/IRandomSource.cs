namespace PodFirmware.Drivers.Mqtt
{
    /// <summary>Random numbers for the reconnect jitter; injected so tests can pin them.</summary>
    /// <remarks>Called only from the link's own thread (or the test driving it).</remarks>
    public interface IRandomSource
    {
        /// <summary>A number in [0, <paramref name="maxExclusive"/>); 0 when <paramref name="maxExclusive"/> is 1 or less.</summary>
        int Next(int maxExclusive);
    }
}
