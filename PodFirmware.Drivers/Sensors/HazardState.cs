namespace PodFirmware.Drivers.Sensors
{
    /// <summary>What the smoke / gas detector reports (<see cref="HazardDetector.State"/>); wire names from <see cref="HazardDetector.NameOf"/>.</summary>
    public enum HazardState
    {
        /// <summary>No detector fitted (<c>sensors.hazard.type</c> "none").</summary>
        None = 0,

        /// <summary>Within <c>sensors.hazard.warmUpMs</c> of boot: not judged yet.</summary>
        WarmingUp = 1,

        /// <summary>Judged, no smoke or gas.</summary>
        Clear = 2,

        /// <summary>The detector's self-test runs (its alarm output answers the test input, no hazard then).</summary>
        Testing = 3,

        /// <summary>Smoke or gas for at least <c>sensors.hazard.confirmMs</c>.</summary>
        Detected = 4,

        /// <summary>The detector failed its self-test, its input is missing, or the analog level sits in a fault band.</summary>
        Fault = 5,
    }
}
