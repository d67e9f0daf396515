namespace PodFirmware.Drivers.Ports
{
    /// <summary>
    /// A 1 kHz PWM output (the control pilot generator) set by its duty in per mille: 0 is a constant low level
    /// (-12 V on the CP line), 1000 a constant high level (+12 V), 1..999 the PWM with that high time in µs per period.
    /// Every adapter must start at 0 (state F) so that boot never offers current.
    /// </summary>
    /// <remarks>Not thread-safe: owned by the control tick.</remarks>
    public interface IPwmOutput
    {
        /// <summary>Sets the duty, per mille, 0..1000 (clamped).</summary>
        void WriteDutyPermille(int permille);

        /// <summary>The last duty written, per mille; 0 before the first write.</summary>
        int DutyPermille { get; }
    }
}
