namespace PodFirmware.Core.Session
{
    /// <summary>
    /// Why a charging session ended. Values are stable (persisted in session records); wire names
    /// come from <see cref="StopReasonNames"/>, which also gives the OCPP 1.6 StopTransaction reason.
    /// </summary>
    public enum StopReason
    {
        /// <summary>The session has not stopped.</summary>
        None = 0,

        /// <summary>An authorised stop command.</summary>
        StopCommand = 1,

        /// <summary>The plug was pulled out.</summary>
        Unplugged = 2,

        /// <summary>A safety trip latched a fault and opened the relay.</summary>
        Trip = 3,

        /// <summary>The energy limit given at start was reached.</summary>
        EnergyLimit = 4,

        /// <summary>The duration limit given at start was reached.</summary>
        DurationLimit = 5,

        /// <summary>The amount limit (energy times the tariff given at start) was reached.</summary>
        AmountLimit = 6,

        /// <summary>The pod left its dock during the session.</summary>
        Undocked = 7,

        /// <summary>The site controller stayed silent and config says to stop (controller-lost policy).</summary>
        ControllerLost = 8,
    }
}
