using PodFirmware.Core.Faults;
using PodFirmware.Core.Locks;
using PodFirmware.Core.Pilot;
using PodFirmware.Core.Safety;
using PodFirmware.Core.SelfTest;
using PodFirmware.Core.Session;
using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Sensors;

namespace PodFirmware.Core.Control
{
    /// <summary>
    /// What the pod looks like after the latest tick: measurements, sensor health, relay, locks, dock,
    /// session, reservation and warnings. The tick overwrites the fields in place (no allocation);
    /// <see cref="Version"/> counts meaningful changes so a publisher can send status on change.
    /// </summary>
    /// <remarks>
    /// Written by the tick thread only, except <see cref="StorePending"/>, <see cref="StoreOverflow"/>, <see cref="StoreDamaged"/>,
    /// <see cref="CommandKeyId"/>, the intake counters (<see cref="IntakeShed"/>, <see cref="IntakeDropped"/>, <see cref="IntakeLost"/>)
    /// and the lifetime counters (<see cref="CountedEnergyMilliWh"/> to <see cref="TodayChargingMs"/>), which the messaging thread writes. A reader on another thread may see one tick's fields mixed with
    /// the next; status is advisory (the relay, the latch and the locks are decided in the tick, never from
    /// this snapshot). String fields only ever reference existing strings (ids, accounts, constants).
    /// </remarks>
    public sealed class PodStatus
    {
        /// <summary>
        /// The first problem of the pod config (<c>key: reason</c>) when the pod runs on built-in safe defaults with
        /// charging disabled; null with a valid config. Set once at boot.
        /// </summary>
        public string ConfigError;

        /// <summary>Monotonic time of the tick that wrote this snapshot, ms since boot.</summary>
        public long UptimeMs;

        /// <summary>Whether the relay coil is energised (power commanded onto the connector).</summary>
        public bool RelayClosed;

        /// <summary>Whether the relay contacts are seen closed although commanded open (welded); reported while it lasts.</summary>
        public bool RelayWelded;

        /// <summary>The latched fault, or <see cref="FaultCode.None"/>.</summary>
        public FaultCode LatchedFault;

        /// <summary>Connector temperature in °C (valid when <see cref="TemperatureStatus"/> is Ok).</summary>
        public double TemperatureC;

        /// <summary>Health of the temperature sensor.</summary>
        public SensorStatus TemperatureStatus;

        /// <summary>Charging current RMS in A (valid when <see cref="CurrentStatus"/> is Ok).</summary>
        public double CurrentA;

        /// <summary>Health of the current sensor.</summary>
        public SensorStatus CurrentStatus;

        /// <summary>Mains voltage RMS in V (valid when <see cref="VoltageStatus"/> is Ok).</summary>
        public double VoltageV;

        /// <summary>Health of the voltage sensor.</summary>
        public SensorStatus VoltageStatus;

        /// <summary>The current the session may draw, in A (the over-current rule's reference).</summary>
        public double AllowedCurrentA;

        /// <summary>The control pilot's confirmed state; F while the pod drives -12 V (unavailable).</summary>
        public CpState PilotState = CpState.F;

        /// <summary>The CP duty in per mille: 1000 while the PWM is stopped (constant +12 V), 0 in state F.</summary>
        public int DutyPermille;

        /// <summary>The current the CP duty offers the EV, in A; 0 while the PWM is stopped.</summary>
        public double OfferedCurrentA;

        /// <summary>This pod's share of the site's capacity, A (0: paused or no share); NaN when site sharing is off.</summary>
        public double SiteShareA = double.NaN;

        /// <summary>The cable's rating in A (from its PP resistor, or <c>ev.cable</c> when tethered); 0 when unknown (no plug, PP open).</summary>
        public int CableRatingA;

        /// <summary>Real power of the latest burst in watts, mean(v·i); NaN when the voltage or current reading is unusable.</summary>
        public double PowerW = double.NaN;

        /// <summary>Power factor of the latest burst, -1 to 1; NaN with no usable reading or under 0.5 A.</summary>
        public double PowerFactor = double.NaN;

        /// <summary>Thermal derating step in force; None when the full allowed current is offered.</summary>
        public DerateStep Derate;

        /// <summary>The residual-current monitor: none fitted, ok, testing, fault or test failed.</summary>
        public RcdState Rcd;

        /// <summary>The connector's OCPP status.</summary>
        public ConnectorStatus Connector = ConnectorStatus.Unavailable;

        /// <summary>Whether the pod is latched to a lamp post.</summary>
        public bool Docked;

        /// <summary>Whether a plug is detected in the connector.</summary>
        public bool Plugged;

        /// <summary>Whether a vehicle stands in the space.</summary>
        public VehiclePresence Vehicle;

        /// <summary>State of the wheel lock.</summary>
        public LockState WheelLock;

        /// <summary>State of the cable lock.</summary>
        public LockState CableLock;

        /// <summary>Whether the locks are released for a move.</summary>
        public bool Moving;

        /// <summary>Time left before the move times out and the locks relock, ms; 0 when not moving.</summary>
        public long MoveTimeLeftMs;

        /// <summary>Whether <see cref="LatitudeDeg"/> and <see cref="LongitudeDeg"/> hold a fresh GNSS fix.</summary>
        public bool HasPosition;

        /// <summary>Latitude of the latest fix, degrees (WGS84, south negative).</summary>
        public double LatitudeDeg;

        /// <summary>Longitude of the latest fix, degrees (WGS84, west negative).</summary>
        public double LongitudeDeg;

        /// <summary>Warning: the site controller's heartbeat is missing.</summary>
        public bool ControllerLost;

        /// <summary>Warning: the network dropped while the pod was moving; kept until the pod relocks.</summary>
        public bool NetworkLostWhileMoving;

        /// <summary>The self-test check that failed last, or <see cref="SelfTestCheck.None"/>.</summary>
        public SelfTestCheck SelfTestFailure;

        /// <summary>Whether a charging session is running.</summary>
        public bool SessionActive;

        /// <summary>Id of the running session (its start command's id); null when none.</summary>
        public string SessionId;

        /// <summary>Account of the running session; null when none.</summary>
        public string SessionAccount;

        /// <summary>Hashed card of the running session (a second read of it stops the session); null when none or started without a card.</summary>
        public string SessionCard;

        /// <summary>Energy delivered in the running session, mWh.</summary>
        public long SessionEnergyMilliWh;

        /// <summary>Time since the running session started, ms.</summary>
        public long SessionElapsedMs;

        /// <summary>Progress towards the session's target, 0..100; -1 when it has none.</summary>
        public int SessionProgressPercent = -1;

        /// <summary>Estimated time to the session's target, s; -1 when unknown.</summary>
        public long SessionRemainingS = -1;

        /// <summary>Account holding the reservation; null when none.</summary>
        public string ReservationAccount;

        /// <summary>Seconds left of the reservation; 0 when none.</summary>
        public long ReservationLeftS;

        /// <summary>The smoke / gas detector's state (<c>none</c> when not fitted).</summary>
        public HazardState Hazard;

        /// <summary>Messages in the store awaiting the broker's acknowledgement. Written by the messaging thread.</summary>
        public int StorePending;

        /// <summary>Whether the store has had to drop a message (StoreOverflow warning). Written by the messaging thread.</summary>
        public bool StoreOverflow;

        /// <summary>Stored messages found damaged (flash bit rot) and dropped since boot (StoreRecordDamaged warning while above 0). Written by the messaging thread.</summary>
        public int StoreDamaged;

        /// <summary>Id of the key that checks commands now (CommandKeys.CurrentId), or null when commands are off. Written by the messaging thread.</summary>
        public string CommandKeyId;

        /// <summary>Commands answered <c>busy</c> unverified because the pod's intake had a backlog (MessagingPump.ShedCount), since boot. Written by the messaging thread; in telemetry only, so a flood does not churn the retained status.</summary>
        public int IntakeShed;

        /// <summary>Received messages the link dropped with its receive queue full (IMqttLink.DroppedInboundCount), since boot. Written by the messaging thread.</summary>
        public int IntakeDropped;

        /// <summary>Command results that could be neither stored nor handed to the link (MessagingPump.LostResultCount), since boot. Written by the messaging thread.</summary>
        public int IntakeLost;

        /// <summary>UTC of the tick that wrote this snapshot, s since 1970-01-01; 0 while the pod has no valid UTC.</summary>
        public long UtcS;

        /// <summary>Amount of the running session so far (Mc), currency scaled by 10^4; 0 when none.</summary>
        public long SessionAmountScaled;

        /// <summary>Prepaid amount of the running session (Mp, its start's <c>maxAmount</c>), currency scaled by 10^4; -1 when none.</summary>
        public long SessionPrepaidScaled = -1;

        /// <summary>Lifetime energy from the counters on flash, mWh. Written by the messaging thread.</summary>
        public long CountedEnergyMilliWh;

        /// <summary>Lifetime sessions from the counters on flash. Written by the messaging thread.</summary>
        public int CountedSessions;

        /// <summary>Lifetime charging time from the counters on flash, ms. Written by the messaging thread.</summary>
        public long CountedChargingMs;

        /// <summary>Whether the today figures are known (the pod has UTC). Written by the messaging thread.</summary>
        public bool TodayKnown;

        /// <summary>Energy of the sessions that stopped today (UTC day), mWh. Written by the messaging thread.</summary>
        public long TodayEnergyMilliWh;

        /// <summary>Sessions that stopped today (UTC day). Written by the messaging thread.</summary>
        public int TodaySessions;

        /// <summary>Time of the sessions that stopped today (UTC day), ms. Written by the messaging thread.</summary>
        public long TodayChargingMs;

        /// <summary>Incremented whenever a discrete field changes (relay, fault, sensors, connector, dock, plug, vehicle, locks, moving, warnings, session, reservation, CP state, derating step, RCD state, hazard detector) or the allowed current changes by 0.01 A or more.</summary>
        public int Version;

        // A fold of the discrete fields at the last Version bump.
        private long _signature = long.MinValue;
        private int _allowedCentiA = -2;

        /// <summary>Bumps <see cref="Version"/> when the discrete fields differ from the last call. Tick thread only.</summary>
        public void CommitChanges()
        {
            long signature = (RelayClosed ? 1L : 0L) | (RelayWelded ? 2L : 0L) | (Docked ? 4L : 0L) | (Plugged ? 8L : 0L) |
                             (Moving ? 16L : 0L) | (ControllerLost ? 32L : 0L) | (NetworkLostWhileMoving ? 64L : 0L) |
                             (SessionActive ? 128L : 0L) | (ReservationAccount != null ? 256L : 0L) | (HasPosition ? 512L : 0L) |
                             (StoreOverflow ? 1024L : 0L) | (StoreDamaged > 0 ? 2048L : 0L);
            signature = signature * 32 + (long)LatchedFault;
            signature = signature * 8 + (long)TemperatureStatus;
            signature = signature * 8 + (long)CurrentStatus;
            signature = signature * 8 + (long)VoltageStatus;
            signature = signature * 16 + (long)Connector;
            signature = signature * 4 + (long)Vehicle;
            signature = signature * 8 + (long)WheelLock;
            signature = signature * 8 + (long)CableLock;
            signature = signature * 8 + (long)SelfTestFailure;
            signature = signature * 8 + (long)PilotState;
            signature = signature * 4 + (long)Derate;
            signature = signature * 8 + (long)Rcd;
            signature = signature * 8 + (long)Hazard;
            // The allowed current is set by commands, the derating step and the site's share, never by noise: a change is news.
            int allowedCentiA = Finite.Within(AllowedCurrentA, 0, 1000) ? (int)((AllowedCurrentA * 100) + 0.5) : -1;
            if (signature != _signature || allowedCentiA != _allowedCentiA)
            {
                _signature = signature;
                _allowedCentiA = allowedCentiA;
                Version++;
            }
        }
    }
}
