namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// The board's SNTP client, which sets the system clock behind <see cref="IClock.UtcNow"/> in the
    /// background once started. The host has no twin: its clock is always valid.
    /// </summary>
    /// <remarks>Call from one thread at a time (boot, then the messaging thread).</remarks>
    public interface INetworkTime
    {
        /// <summary><c>true</c> once the client runs.</summary>
        bool IsStarted { get; }

        /// <summary>Starts the client with the firmware's default NTP servers.</summary>
        void Start();

        /// <summary>Asks for a time update now instead of at the next polling interval.</summary>
        void UpdateNow();
    }
}
