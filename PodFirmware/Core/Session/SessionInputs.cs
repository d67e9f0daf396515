using PodFirmware.Core.Faults;

namespace PodFirmware.Core.Session
{
    /// <summary>
    /// What the control tick knows about the pod, handed to every <see cref="ChargingSession"/> call.
    /// Plain fields so that one instance is filled in place every tick.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the tick thread.</remarks>
    public sealed class SessionInputs
    {
        /// <summary>Monotonic time, ms since boot.</summary>
        public long NowMs;

        /// <summary><c>true</c> when <see cref="UtcS"/> holds the wall clock (SNTP synchronised).</summary>
        public bool UtcValid;

        /// <summary>Wall clock, UTC seconds since 1970-01-01; meaningful only when <see cref="UtcValid"/>.</summary>
        public long UtcS;

        /// <summary>The pod is docked to a lamp post.</summary>
        public bool Docked;

        /// <summary>A charging plug is detected in the connector.</summary>
        public bool Plugged;

        /// <summary>The pod is moving: its wheel and cable locks are released.</summary>
        public bool Moving;

        /// <summary>A safety fault is latched (the relay must stay open until an authorised reset).</summary>
        public bool FaultLatched;

        /// <summary>The latched fault; <see cref="FaultCode.None"/> when none.</summary>
        public FaultCode LatchedFault;

        /// <summary>The charging relay is closed (as commanded and confirmed by the tick).</summary>
        public bool RelayClosed;

        /// <summary>Mains voltage, V RMS; meaningful only when <see cref="VoltageUsable"/>.</summary>
        public double VoltageV;

        /// <summary>The voltage reading is trustworthy: status Ok and a finite value (<c>SensorFaultRule.IsUsable</c>, set by the tick). The session still checks finiteness before it meters.</summary>
        public bool VoltageUsable;

        /// <summary>Charging current, A RMS; meaningful only when <see cref="CurrentUsable"/>.</summary>
        public double CurrentA;

        /// <summary>The current reading is trustworthy: status Ok and a finite value (<c>SensorFaultRule.IsUsable</c>, set by the tick). The session still checks finiteness before it compares or meters.</summary>
        public bool CurrentUsable;

        /// <summary>Real power in watts, mean(v·i) of this tick's burst; metering uses it while finite (NaN when a reading is unusable).</summary>
        public double PowerW = double.NaN;

        /// <summary>Connector temperature, °C; meaningful only when <see cref="TemperatureUsable"/>.</summary>
        public double TemperatureC;

        /// <summary>The temperature reading is trustworthy: status Ok and a finite value (<c>SensorFaultRule.IsUsable</c>, set by the tick). The session still checks finiteness before it records a peak.</summary>
        public bool TemperatureUsable;

        /// <summary>Every fault active this tick, warnings included: bit n set means <see cref="FaultCode"/> n is active.</summary>
        public int ActiveFaultsMask;

        /// <summary>Number of the parking space the pod stands on; 0 when unknown. Copied into events.</summary>
        public int SpaceNumber;

        /// <summary>The controller-lost policy says stop now (the site controller stayed silent too long).</summary>
        public bool ControllerLostStop;

        /// <summary>
        /// <c>true</c> while the pod offers no current although the session allows some (thermal derating paused it):
        /// a running session shows SuspendedEVSE.
        /// </summary>
        public bool OfferPaused;
    }
}
