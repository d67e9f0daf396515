namespace PodFirmware.Core.Safety
{
    /// <summary>What <see cref="SafetySupervisor.TryReset"/> did, and why when it refused.</summary>
    public enum ResetResult
    {
        /// <summary>The latch was cleared, its record deleted and fault_cleared emitted; the relay is permitted again.</summary>
        Accepted = 0,

        /// <summary>Refused: nothing is latched.</summary>
        NothingLatched = 1,

        /// <summary>Refused: the connector is not yet strictly below the thermal reset level (limit minus hysteresis).</summary>
        TemperatureTooHigh = 2,

        /// <summary>Refused: a safety sensor (temperature, current or voltage, whether or not the relay is commanded closed) is not usable.</summary>
        SensorFaultPresent = 3,

        /// <summary>Refused: current or voltage is outside its limits right now.</summary>
        ConditionPresent = 4,

        /// <summary>Refused: the persisted latch could not be deleted, so the pod stays latched (it would come back latched after a reboot).</summary>
        StoreFailed = 5,
    }
}
