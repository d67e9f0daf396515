namespace PodFirmware.Core.Heartbeat
{
    /// <summary>What one <see cref="HeartbeatMonitor.Update"/> call changed.</summary>
    public enum HeartbeatChange
    {
        /// <summary>Nothing changed.</summary>
        None = 0,

        /// <summary>The controller was just declared lost (missed beats); a ControllerLost warning (Arg 1) was written.</summary>
        Lost = 1,

        /// <summary>A beat arrived while lost; a ControllerLost warning with Arg 0 (cleared) was written.</summary>
        Recovered = 2,
    }
}
