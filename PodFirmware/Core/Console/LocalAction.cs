namespace PodFirmware.Core.Console
{
    /// <summary>An action a technician at the pod hands to the tick through <c>PodController.TryRequestLocal</c>.</summary>
    public enum LocalAction
    {
        /// <summary>Nothing requested.</summary>
        None = 0,

        /// <summary>A physically present fault reset (the same rules as the reset_fault command).</summary>
        ResetFault = 1,

        /// <summary>Bench mode: hold the relay closed (no plug, no session, nothing latched).</summary>
        BenchRelayOn = 2,

        /// <summary>Bench mode: release the relay (always allowed).</summary>
        BenchRelayOff = 3,

        /// <summary>Bench mode: command the wheel lock locked.</summary>
        BenchWheelLock = 4,

        /// <summary>Bench mode: command the wheel lock unlocked.</summary>
        BenchWheelUnlock = 5,

        /// <summary>Bench mode: command the cable lock locked.</summary>
        BenchCableLock = 6,

        /// <summary>Bench mode: command the cable lock unlocked.</summary>
        BenchCableUnlock = 7,

        /// <summary>Bench mode: hand the control pilot back to the pod's sequencer (always allowed).</summary>
        BenchEvRelease = 8,

        /// <summary>Bench mode: take one CP burst and one PP reading now (<c>PodController.PilotHighV</c> and the rest).</summary>
        BenchEvRead = 9,

        /// <summary>
        /// Bench mode: drive the control pilot at a fixed duty; the request is this value plus the duty in per mille
        /// (0: -12 V, state F; 1000: +12 V), see <c>PodController.TryRequestBenchDuty</c>.
        /// </summary>
        BenchEvDuty = 1000,
    }

    /// <summary>How the tick answered a <see cref="LocalAction"/>.</summary>
    public enum LocalOutcome
    {
        /// <summary>Applied.</summary>
        Ok = 0,

        /// <summary>A bench action outside bench mode (<c>benchMode</c> false, or the pod runs on built-in defaults).</summary>
        NotBenchMode = 1,

        /// <summary>A bench action with a plug in the connector.</summary>
        PlugSensed = 2,

        /// <summary>A bench action while a charging session runs.</summary>
        SessionActive = 3,

        /// <summary>A bench action while a fault is latched.</summary>
        FaultLatched = 4,

        /// <summary>The reset rules refused the reset; <c>PodController.LocalResetCode</c> says why.</summary>
        ResetRefused = 5,

        /// <summary>A bench EV action on a pod without a control pilot.</summary>
        NoPilot = 6,

        /// <summary>A bench action while the residual-current monitor's fault output is active.</summary>
        ResidualCurrentFault = 7,
    }
}
