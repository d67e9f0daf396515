namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Per-channel calibration in engineering units: calibrated = measured * <see cref="Gain"/> + <see cref="Offset"/>,
    /// with gain and offset from the channel's configuration (found by comparing against a reference meter).
    /// </summary>
    /// <remarks>Immutable; safe to share between threads. Allocates nothing.</remarks>
    public sealed class LinearCalibration
    {
        private readonly double _gain;
        private readonly double _offset;

        /// <summary>Creates a calibration.</summary>
        /// <param name="gain">Multiplier, dimensionless.</param>
        /// <param name="offset">Added after the gain, in the channel's engineering unit (°C, A or V).</param>
        public LinearCalibration(double gain, double offset)
        {
            _gain = gain;
            _offset = offset;
        }

        /// <summary>Multiplier, dimensionless.</summary>
        public double Gain
        {
            get { return _gain; }
        }

        /// <summary>Offset in the channel's engineering unit.</summary>
        public double Offset
        {
            get { return _offset; }
        }

        /// <summary>Returns <paramref name="measured"/> * Gain + Offset, in the same unit as <paramref name="measured"/>.</summary>
        public double Apply(double measured)
        {
            return (measured * _gain) + _offset;
        }
    }
}
