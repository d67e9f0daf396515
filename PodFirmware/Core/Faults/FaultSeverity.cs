namespace PodFirmware.Core.Faults
{
    /// <summary>What a fault does to the pod.</summary>
    public enum FaultSeverity
    {
        /// <summary>Not a fault (only <see cref="FaultCode.None"/>).</summary>
        None = 0,

        /// <summary>Reported only; charging may continue.</summary>
        Warning = 1,

        /// <summary>Opens the relay and latches until an authorised reset.</summary>
        Trip = 2,
    }
}
