using PodFirmware.Drivers.Config;

namespace PodFirmware.Core.Config.Board
{
    /// <summary>
    /// <c>pilot</c>: the control pilot generator's PWM pin and the CP and PP sense inputs (ADC1 only). The section is
    /// optional (a board without a pilot leaves it out); when present every entry is required.
    /// </summary>
    /// <remarks>Plain data, read at boot; not thread-safe.</remarks>
    public sealed class PilotPins
    {
        /// <summary><c>pwmGpio</c>: output-capable GPIO driving the ±12 V CP stage with the 1 kHz PWM (routed with <c>Configuration.SetPinFunction</c>).</summary>
        public int PwmGpio;

        /// <summary><c>cp</c>: the CP sense divider's ADC1 channel.</summary>
        public AnalogPin Cp;

        /// <summary><c>pp</c>: the PP sense's ADC1 channel.</summary>
        public AnalogPin Pp;
    }
}
