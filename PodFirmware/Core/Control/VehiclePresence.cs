namespace PodFirmware.Core.Control
{
    /// <summary>Whether a vehicle stands in the pod's space, as its presence sensor says; wire names are lowercase.</summary>
    public enum VehiclePresence
    {
        /// <summary>No presence sensor fitted.</summary>
        Unknown = 0,

        /// <summary>The sensor sees no vehicle.</summary>
        Absent = 1,

        /// <summary>The sensor sees a vehicle.</summary>
        Present = 2,
    }
}
