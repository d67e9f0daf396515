namespace PodFirmware.Core.Config.Board
{
    /// <summary><c>inputs</c>: the board's digital inputs. All are required except <see cref="VehiclePresence"/>, <see cref="RcdFault"/> and <see cref="HazardAlarm"/>.</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class InputPins
    {
        /// <summary><c>relayFeedback</c>: relay mirror contact.</summary>
        public InputPin RelayFeedback;

        /// <summary><c>wheelLockSense</c>: wheel lock position switch.</summary>
        public InputPin WheelLockSense;

        /// <summary><c>cableLockSense</c>: cable lock position switch.</summary>
        public InputPin CableLockSense;

        /// <summary><c>dockSense</c>: dock sense.</summary>
        public InputPin DockSense;

        /// <summary><c>plugDetect</c>: plug detect.</summary>
        public InputPin PlugDetect;

        /// <summary><c>vehiclePresence</c>: vehicle presence sensor; optional: leave the key out when the pod has none.</summary>
        public InputPin VehiclePresence;

        /// <summary><c>rcdFault</c>: fault output of the residual-current monitor module (RDC-DD); optional, together with <c>outputs.rcdTest</c>.</summary>
        public InputPin RcdFault;

        /// <summary><c>hazardAlarm</c>: alarm output of the smoke / gas detector (<c>sensors.hazard.type</c> "digital"); optional.</summary>
        public InputPin HazardAlarm;
    }
}
