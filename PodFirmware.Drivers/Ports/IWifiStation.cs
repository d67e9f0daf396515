namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The board's Wi-Fi station with the credentials stored on the device (not in the pod config).
    /// After a successful connection the station reconnects by itself when the network drops.
    /// </summary>
    /// <remarks>Boot thread only.</remarks>
    public interface IWifiStation
    {
        /// <summary>
        /// Connects with the stored credentials, waiting at most <paramref name="timeoutMs"/> ms; returns
        /// <c>true</c> once the station has an IP address.
        /// </summary>
        bool Connect(int timeoutMs);

        /// <summary>Why the last <see cref="Connect"/> failed, for the log; empty after a success.</summary>
        string FailureText { get; }
    }
}
