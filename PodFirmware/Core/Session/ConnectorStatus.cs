namespace PodFirmware.Core.Session
{
    /// <summary>
    /// The connector's state as OCPP 1.6 ChargePointStatus names it, so the gateway and technicians
    /// read the same words they know from other chargers. Values are stable (published as numbers in
    /// events); wire names come from <see cref="ConnectorStatusNames"/>.
    /// </summary>
    public enum ConnectorStatus
    {
        /// <summary>Docked, no fault, no plug, no reservation: free for a new session.</summary>
        Available = 0,

        /// <summary>Plugged in, awaiting an authorised start.</summary>
        Preparing = 1,

        /// <summary>A session runs and the relay is closed with the EV drawing current.</summary>
        Charging = 2,

        /// <summary>A session runs, the relay is closed, but the EV draws no current.</summary>
        SuspendedEV = 3,

        /// <summary>A session runs but the controller limited the current to 0 A, so the relay is open.</summary>
        SuspendedEVSE = 4,

        /// <summary>The session stopped and the plug is still in.</summary>
        Finishing = 5,

        /// <summary>Bound to one account for a window; only that account may start.</summary>
        Reserved = 6,

        /// <summary>Not docked to a lamp post (moving or parked off-dock), or disabled.</summary>
        Unavailable = 7,

        /// <summary>A fault is latched; nothing starts until an authorised reset.</summary>
        Faulted = 8,
    }
}
