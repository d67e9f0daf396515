namespace PodFirmware.Drivers.Config
{
    /// <summary>
    /// One section of the pod config file (a JSON object under a key of its own), able to check its keys.
    /// Every section validates the same way, so the root config can check them all in one loop.
    /// </summary>
    public interface IConfigSection
    {
        /// <summary>
        /// Reports every invalid key into <paramref name="errors"/>, named <c>keyPrefix.key</c> (e.g. <c>locks.moveTimeoutMs</c>).
        /// Runs once at boot on the device and at load on the host; not called from the tick.
        /// </summary>
        void Validate(string keyPrefix, ConfigErrors errors);
    }
}
