namespace PodFirmware.Core.Site
{
    /// <summary>A pod's session state as its load message carries it (<c>"s"</c>: 0, 1, 2).</summary>
    public enum SitePodState
    {
        /// <summary>No session: draws nothing, takes no share.</summary>
        Idle = 0,

        /// <summary>A session that is offered current.</summary>
        Active = 1,

        /// <summary>A session paused because its share fell below the minimum; it still asks for a share.</summary>
        Paused = 2,
    }
}
