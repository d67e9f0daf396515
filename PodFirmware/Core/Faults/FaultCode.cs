namespace PodFirmware.Core.Faults
{
    /// <summary>
    /// Every fault the pod can report. The numeric values are persisted (fault latch) and sent on
    /// the wire, so they are append-only: never renumber or reuse a value. Names, texts and the
    /// OCPP mapping live in <see cref="FaultCatalogue"/>, whose table is indexed by this value.
    /// </summary>
    public enum FaultCode
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>Connector above the cable profile's long-term limit for longer than its tolerance.</summary>
        ConnectorOverTemperature = 1,

        /// <summary>Connector at or above the cable profile's short-circuit ceiling; trips at once.</summary>
        ConnectorTemperatureCeiling = 2,

        /// <summary>Charging current above the allowed current plus its tolerance for longer than the window.</summary>
        OverCurrent = 3,

        /// <summary>Charging current at or above the hard current ceiling; trips at once.</summary>
        OverCurrentCeiling = 4,

        /// <summary>Mains voltage above the configured maximum for longer than its window.</summary>
        OverVoltage = 5,

        /// <summary>Mains voltage below the configured minimum for longer than its window while the relay is closed.</summary>
        UnderVoltage = 6,

        /// <summary>The connector temperature sensor is open, shorted, stuck or unreadable.</summary>
        TemperatureSensorFault = 7,

        /// <summary>The current sensor is open, shorted, stuck or unreadable while charging.</summary>
        CurrentSensorFault = 8,

        /// <summary>The voltage sensor is open, shorted, stuck or unreadable while charging.</summary>
        VoltageSensorFault = 9,

        /// <summary>Current flows or the mirror contact reports closed while the relay is commanded open.</summary>
        RelayWelded = 10,

        /// <summary>The relay did not close when commanded.</summary>
        RelayFailedToClose = 11,

        /// <summary>The wheel lock did not reach or hold its commanded position.</summary>
        WheelLockFault = 12,

        /// <summary>The cable lock did not reach or hold its commanded position.</summary>
        CableLockFault = 13,

        /// <summary>The power-on self-test failed.</summary>
        SelfTestFailed = 14,

        /// <summary>No heartbeat from the site controller within its timeout (warning).</summary>
        ControllerLost = 15,

        /// <summary>The pod left its permitted area.</summary>
        GeofenceExit = 16,

        /// <summary>The network dropped while the pod was moving (warning).</summary>
        NetworkLostWhileMoving = 17,

        /// <summary>The persistent record store is full; the oldest records are being dropped (warning).</summary>
        StoreOverflow = 18,

        /// <summary>The persisted fault latch could not be read back intact; treated as latched (fail safe).</summary>
        LatchRecordCorrupt = 19,

        /// <summary>The control pilot read E (shorted), an invalid level or no EV diode while the pod offered current or charged.</summary>
        EVCommunicationError = 20,

        /// <summary>The residual-current monitor (RDC-DD) reported a fault while charging.</summary>
        GroundFailure = 21,

        /// <summary>A stored message failed its checksum after it had been written whole (flash bit rot); it is lost (warning).</summary>
        StoreRecordDamaged = 22,

        /// <summary>The smoke / gas detector reported smoke or gas for its confirmation time (after its warm-up).</summary>
        SmokeOrGasDetected = 23,

        /// <summary>The smoke / gas detector failed its self-test, its input is missing, or its analog level is in a fault band.</summary>
        HazardDetectorFault = 24,
    }
}
