namespace PodFirmware.Drivers.Simulated
{
    /// <summary>Faults a <see cref="SimulatedLock"/> can be told to have.</summary>
    public enum LockFault
    {
        /// <summary>Healthy: the sense follows the actuator after the travel time.</summary>
        Ok = 0,

        /// <summary>Jammed locked: the sense reads locked whatever the actuator does.</summary>
        StuckLocked = 1,

        /// <summary>Jammed open: the sense reads unlocked whatever the actuator does.</summary>
        StuckUnlocked = 2,
    }
}
