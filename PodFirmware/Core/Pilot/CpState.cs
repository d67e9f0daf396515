namespace PodFirmware.Core.Pilot
{
    /// <summary>
    /// The control pilot's state as IEC 61851-1 names it, read from the CP line's high level (A to E), the pod's
    /// own unavailable output (F), or a reading that fits no band. Values are stable (sent in events); wire
    /// names come from <see cref="CpStateNames"/>.
    /// </summary>
    public enum CpState
    {
        /// <summary>+12 V: no EV connected.</summary>
        A = 0,

        /// <summary>+9 V: EV connected, not asking for power.</summary>
        B = 1,

        /// <summary>+6 V: EV asks for power.</summary>
        C = 2,

        /// <summary>+3 V: EV asks for power with ventilation.</summary>
        D = 3,

        /// <summary>0 V: the CP line is shorted to PE.</summary>
        E = 4,

        /// <summary>-12 V driven by the pod: unavailable (fault latched, self-test failed, moving, undocked); not read.</summary>
        F = 5,

        /// <summary>A high level outside every band.</summary>
        Invalid = 6,

        /// <summary>B, C or D with a low level that is not -12 V while the PWM runs: the EV's diode is missing.</summary>
        NoDiode = 7,
    }
}
