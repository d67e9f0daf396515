using PodFirmware.Drivers.Gnss;

namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// Where the pod is: an optional GNSS receiver on the device (<c>NmeaGnssReceiver</c> fed by the
    /// UART adapter), a settable position in the simulator.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IPositionSource
    {
        /// <summary>
        /// Copies the current position into <paramref name="into"/> and returns <c>true</c> when there
        /// is a valid fix no older than the source's configured maximum age at <paramref name="nowMs"/>;
        /// otherwise returns <c>false</c> and sets <c>into.Valid</c> to <c>false</c> (the other fields
        /// then hold the last known values, for display only). Allocates nothing.
        /// </summary>
        /// <param name="nowMs">Current monotonic time in milliseconds (the clock the fixes are stamped with).</param>
        /// <param name="into">Caller-owned fix to fill; must not be null.</param>
        /// <returns><c>true</c> when <paramref name="into"/> holds a usable, fresh position.</returns>
        bool TryGetFix(long nowMs, PositionFix into);
    }
}
