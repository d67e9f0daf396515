namespace PodFirmware.Core.Config.Board
{
    /// <summary><c>outputs</c>: the board's digital outputs, each driving a transistor or MOSFET stage. All are required except <see cref="RcdTest"/> and <see cref="HazardTest"/>.</summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class OutputPins
    {
        /// <summary><c>relayCoil</c>: charging relay coil driver; must be active-high.</summary>
        public OutputPin RelayCoil;

        /// <summary><c>wheelLock</c>: wheel lock solenoid driver.</summary>
        public OutputPin WheelLock;

        /// <summary><c>cableLock</c>: cable lock solenoid driver.</summary>
        public OutputPin CableLock;

        /// <summary><c>rcdTest</c>: test input of the residual-current monitor module; optional, together with <c>inputs.rcdFault</c>.</summary>
        public OutputPin RcdTest;

        /// <summary><c>hazardTest</c>: test input of the smoke / gas detector; optional, only with <c>inputs.hazardAlarm</c>.</summary>
        public OutputPin HazardTest;
    }
}
