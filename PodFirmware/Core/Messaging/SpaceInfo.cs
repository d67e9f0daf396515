using PodFirmware.Core.Session;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// What a <c>check_space</c> result reports about the pod's parking space: plain fields the integration fills
    /// (the tick, or the pump from a snapshot) and <see cref="CommandResultJson"/> writes as <c>"space":{...}</c>.
    /// </summary>
    /// <remarks>Not thread-safe: whoever fills it must do so on the thread that writes the result (the pump) or hand it over whole.</remarks>
    public sealed class SpaceInfo
    {
        /// <summary>Digits after the point of <see cref="LatDegScaled"/> and <see cref="LonDegScaled"/>: 7 (about 1 cm).</summary>
        public const int PositionDecimals = 7;

        /// <summary><c>true</c> while a charging session is running.</summary>
        public bool Charging;

        /// <summary>The connector's OCPP status.</summary>
        public ConnectorStatus Connector;

        /// <summary>Whether a vehicle stands in the space: "present", "absent" or "unknown" (a reference to a constant, never built).</summary>
        public string Vehicle = "unknown";

        /// <summary>Parking-space number the pod is docked at; 0 when not docked or unknown.</summary>
        public int SpaceNumber;

        /// <summary><c>true</c> when <see cref="LatDegScaled"/> and <see cref="LonDegScaled"/> hold a position fix.</summary>
        public bool HasPosition;

        /// <summary>Latitude in degrees × 10^7 (WGS84, north positive).</summary>
        public long LatDegScaled;

        /// <summary>Longitude in degrees × 10^7 (WGS84, east positive).</summary>
        public long LonDegScaled;
    }
}
