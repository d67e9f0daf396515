namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// Suspends the calling thread. The device sleeps the managed thread (other threads run meanwhile);
    /// tests advance a virtual clock instead, so a loop driven through this port runs in virtual time.
    /// </summary>
    /// <remarks>Safe to call from any thread; it suspends only the caller.</remarks>
    public interface IThreadPause
    {
        /// <summary>Suspends the caller for <paramref name="milliseconds"/> ms; 0 only yields to other threads.</summary>
        /// <param name="milliseconds">Pause in milliseconds, 0 or more.</param>
        void Pause(int milliseconds);
    }
}
