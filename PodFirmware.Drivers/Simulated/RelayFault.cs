namespace PodFirmware.Drivers.Simulated
{
    /// <summary>Faults a <see cref="SimulatedRelay"/> can be told to have.</summary>
    public enum RelayFault
    {
        /// <summary>Healthy: the contacts and the mirror follow the coil.</summary>
        Ok = 0,

        /// <summary>Contacts welded: closed whatever the coil does; the mirror reads closed.</summary>
        StuckClosed = 1,

        /// <summary>Contacts never close: open whatever the coil does; the mirror reads open.</summary>
        StuckOpen = 2,
    }
}
