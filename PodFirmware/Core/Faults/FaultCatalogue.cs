namespace PodFirmware.Core.Faults
{
    /// <summary>
    /// The single list of every <see cref="FaultCode"/> with its stable name, OCPP 1.6 error code,
    /// severity, description and remedy. Alarms, status, the console and docs/safety.md all draw on it.
    /// </summary>
    /// <remarks>
    /// The table is built once when the type is first used; lookups index it by the code's value and
    /// allocate nothing, so they may be called from the control tick. Safe to read from any thread.
    /// </remarks>
    public static class FaultCatalogue
    {
        /// <summary>What <see cref="NameOf"/> returns for a value that is not in the catalogue.</summary>
        public const string UnknownName = "Unknown";

        // Row i describes (FaultCode)i; a catalogue test keeps it so.
        private static readonly FaultInfo[] Table = new FaultInfo[]
        {
            new FaultInfo(FaultCode.None, "None", "NoError", FaultSeverity.None,
                "No fault is present.",
                "Nothing to do; the pod is healthy."),
            new FaultInfo(FaultCode.ConnectorOverTemperature, "ConnectorOverTemperature", "HighTemperature", FaultSeverity.Trip,
                "Connector stayed above the cable profile's long-term temperature limit for longer than its tolerance.",
                "Let the connector cool; inspect plug and socket contacts for discolouration, loose crimps or a worn contact; check the cable profile matches the fitted cable."),
            new FaultInfo(FaultCode.ConnectorTemperatureCeiling, "ConnectorTemperatureCeiling", "HighTemperature", FaultSeverity.Trip,
                "Connector reached the cable profile's short-circuit temperature ceiling.",
                "Keep clear until it cools; check for a short circuit, arcing or a burnt contact; replace the connector before returning the pod to service."),
            new FaultInfo(FaultCode.OverCurrent, "OverCurrent", "OverCurrentFailure", FaultSeverity.Trip,
                "Charging current stayed above the allowed current plus its tolerance for longer than the window.",
                "Check the vehicle follows the offered current (pilot signal) and the current sensor calibration; review the allowed-current setting."),
            new FaultInfo(FaultCode.OverCurrentCeiling, "OverCurrentCeiling", "OverCurrentFailure", FaultSeverity.Trip,
                "Charging current reached the hard current ceiling.",
                "Inspect the vehicle inlet, cable and relay for a short circuit; check the current sensor; do not reset until the cause is found."),
            new FaultInfo(FaultCode.OverVoltage, "OverVoltage", "OverVoltage", FaultSeverity.Trip,
                "Mains voltage stayed above the configured maximum for longer than its window.",
                "Measure the supply at the dock; report persistent over-voltage to the site electrician or grid operator."),
            new FaultInfo(FaultCode.UnderVoltage, "UnderVoltage", "UnderVoltage", FaultSeverity.Trip,
                "Mains voltage stayed below the configured minimum for longer than its window while charging.",
                "Check the dock contacts and supply cable for a loose or high-resistance connection; measure the supply under load."),
            new FaultInfo(FaultCode.TemperatureSensorFault, "TemperatureSensorFault", "OtherError", FaultSeverity.Trip,
                "Connector temperature sensor is open, shorted, stuck or gives no usable reading.",
                "Check the NTC wiring and plug at the connector; measure the NTC resistance (about 10 kOhm at 25 degC); replace the sensor if out of range."),
            new FaultInfo(FaultCode.CurrentSensorFault, "CurrentSensorFault", "PowerMeterFailure", FaultSeverity.Trip,
                "Current sensor is open, shorted, stuck or gives no usable reading while charging.",
                "Check the current transformer wiring and burden resistor; verify the reading against a clamp meter."),
            new FaultInfo(FaultCode.VoltageSensorFault, "VoltageSensorFault", "PowerMeterFailure", FaultSeverity.Trip,
                "Voltage sensor is open, shorted, stuck or gives no usable reading while charging.",
                "Check the voltage sense wiring and its fuse; verify the reading against a multimeter at the dock."),
            new FaultInfo(FaultCode.RelayWelded, "RelayWelded", "PowerSwitchFailure", FaultSeverity.Trip,
                "Relay contacts stay closed (current flows or the mirror contact reports closed) while commanded open.",
                "Isolate the pod at the dock; replace the relay; check for the over-current that welded it."),
            new FaultInfo(FaultCode.RelayFailedToClose, "RelayFailedToClose", "PowerSwitchFailure", FaultSeverity.Trip,
                "Relay did not close when commanded.",
                "Check the relay coil supply and driver, the coil resistance and the mirror contact wiring."),
            new FaultInfo(FaultCode.WheelLockFault, "WheelLockFault", "OtherError", FaultSeverity.Trip,
                "Wheel lock did not reach or hold its commanded position.",
                "Check the wheel lock for obstruction, its actuator supply and its position switch."),
            new FaultInfo(FaultCode.CableLockFault, "CableLockFault", "ConnectorLockFailure", FaultSeverity.Trip,
                "Cable lock did not reach or hold its commanded position.",
                "Check the plug is fully inserted; check the lock pin for obstruction, its solenoid and its position switch."),
            new FaultInfo(FaultCode.SelfTestFailed, "SelfTestFailed", "InternalError", FaultSeverity.Trip,
                "Power-on self-test failed.",
                "Read the self-test detail on the console; power-cycle once; replace the controller board if it fails again."),
            new FaultInfo(FaultCode.ControllerLost, "ControllerLost", "OtherError", FaultSeverity.Warning,
                "No heartbeat from the site controller within its timeout.",
                "Check the site controller is running and reachable; check the pod's network link and broker connection."),
            new FaultInfo(FaultCode.GeofenceExit, "GeofenceExit", "OtherError", FaultSeverity.Trip,
                "Pod left its permitted area.",
                "Find and return the pod; check the position source before resetting."),
            new FaultInfo(FaultCode.NetworkLostWhileMoving, "NetworkLostWhileMoving", "OtherError", FaultSeverity.Warning,
                "Network connection dropped while the pod was moving.",
                "Check Wi-Fi coverage along the route; the pod reconnects by itself."),
            new FaultInfo(FaultCode.StoreOverflow, "StoreOverflow", "InternalError", FaultSeverity.Warning,
                "Persistent record store is full; the oldest records are being dropped.",
                "Restore the broker connection so pending records drain; check the flash file system for leftover files."),
            new FaultInfo(FaultCode.LatchRecordCorrupt, "LatchRecordCorrupt", "InternalError", FaultSeverity.Trip,
                "Persisted fault latch could not be read back intact; the pod stays latched to be safe.",
                "Check the last alarms for the original fault, inspect the pod, then reset; replace the board if it recurs."),
            new FaultInfo(FaultCode.EVCommunicationError, "EVCommunicationError", "EVCommunicationError", FaultSeverity.Trip,
                "Control pilot read a short to PE, an invalid level or no EV diode while offering current or charging.",
                "Unplug; inspect the cable, plug and vehicle inlet for damage or moisture on the CP contact; try another vehicle; then reset."),
            new FaultInfo(FaultCode.GroundFailure, "GroundFailure", "GroundFailure", FaultSeverity.Trip,
                "Residual-current monitor reported a leak (6 mA DC or 30 mA AC) while charging.",
                "Unplug; inspect cable, plug and vehicle inlet for damage or water; have the vehicle checked; reset once the monitor's fault output has cleared."),
            new FaultInfo(FaultCode.StoreRecordDamaged, "StoreRecordDamaged", "InternalError", FaultSeverity.Warning,
                "A stored message failed its checksum (flash damage) and was dropped.",
                "Reconcile the lost id from the store_damaged event; replace the board if it recurs."),
            new FaultInfo(FaultCode.SmokeOrGasDetected, "SmokeOrGasDetected", "OtherError", FaultSeverity.Trip,
                "Smoke or gas detector reported smoke, fumes or gas at the pod.",
                "Keep clear and alert the site; look for fire or burning insulation; ventilate; reset only once the detector reads clear."),
            new FaultInfo(FaultCode.HazardDetectorFault, "HazardDetectorFault", "OtherError", FaultSeverity.Trip,
                "Smoke or gas detector failed its self-test, is not connected or reads out of range.",
                "Check the detector's wiring, supply and heater; replace the detector; reset to test it again."),
        };

        /// <summary>Number of codes in the catalogue; codes run from 0 to <c>Count - 1</c>.</summary>
        public static int Count
        {
            get { return Table.Length; }
        }

        /// <summary>The row for <paramref name="code"/>, or <c>null</c> when the value is not a known code. Allocates nothing.</summary>
        public static FaultInfo Get(FaultCode code)
        {
            int index = (int)code;
            return index >= 0 && index < Table.Length ? Table[index] : null;
        }

        /// <summary>The row at <paramref name="index"/> (0 to <see cref="Count"/> - 1), for listing the whole catalogue.</summary>
        public static FaultInfo At(int index)
        {
            return Table[index];
        }

        /// <summary><c>true</c> when <paramref name="code"/> is in the catalogue.</summary>
        public static bool IsKnown(FaultCode code)
        {
            return Get(code) != null;
        }

        /// <summary>The stable name of <paramref name="code"/>, or <see cref="UnknownName"/> when it is not a known code. Allocates nothing.</summary>
        public static string NameOf(FaultCode code)
        {
            FaultInfo info = Get(code);
            return info == null ? UnknownName : info.Name;
        }

        /// <summary><c>true</c> when <paramref name="code"/> is a known code of severity <see cref="FaultSeverity.Trip"/>.</summary>
        public static bool IsTrip(FaultCode code)
        {
            FaultInfo info = Get(code);
            return info != null && info.Severity == FaultSeverity.Trip;
        }
    }
}
