namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// The part current and voltage measurement share: one <see cref="RmsBurst"/> over whole mains cycles, the
    /// bias-free RMS at the ADC pin scaled to engineering units, then rails, stuck samples, calibration and the
    /// plausibility filter (<see cref="SensorConditioner"/>). <see cref="CurrentSensor"/> and <see cref="VoltageSensor"/>
    /// differ only in their config and unit, and wrap one of these each.
    /// </summary>
    /// <remarks>Not thread-safe: control tick only. Allocates nothing after construction.</remarks>
    internal sealed class MainsRmsChannel
    {
        private readonly RmsBurst _burst;
        private readonly double _unitsPerAdcMv;
        private readonly SensorConditioner _conditioner;

        /// <param name="burst">The burst sampler over the channel.</param>
        /// <param name="unitsPerAdcVolt">Engineering units (A or V) per volt RMS at the ADC pin.</param>
        /// <param name="conditioner">Rails, stuck, calibration and filter for this channel.</param>
        internal MainsRmsChannel(RmsBurst burst, double unitsPerAdcVolt, SensorConditioner conditioner)
        {
            _burst = burst;
            _unitsPerAdcMv = unitsPerAdcVolt / 1000.0;
            _conditioner = conditioner;
        }

        /// <summary>Latest value in engineering units, or NaN when <see cref="Status"/> is not Ok.</summary>
        internal double Value
        {
            get { return _conditioner.Value; }
        }

        /// <summary>Verdict on the latest burst.</summary>
        internal SensorStatus Status
        {
            get { return _conditioner.Status; }
        }

        /// <summary>Whether the latest burst touched an ADC rail.</summary>
        internal bool IsClipped
        {
            get { return _burst.IsClipped; }
        }

        /// <summary>The burst sampler; an interleaved burst fills and analyses it before <see cref="Condition"/>.</summary>
        internal RmsBurst Burst
        {
            get { return _burst; }
        }

        /// <summary>Engineering units per millivolt RMS at the ADC pin, before calibration.</summary>
        internal double UnitsPerAdcMv
        {
            get { return _unitsPerAdcMv; }
        }

        /// <summary>RMS of the latest burst in engineering units, before calibration and filtering.</summary>
        internal double RawValue
        {
            get { return _burst.RmsMv * _unitsPerAdcMv; }
        }

        /// <summary>Takes one burst and conditions it (see <see cref="CurrentSensor.Sample"/>).</summary>
        internal void Sample(long nowMs, bool mustChange)
        {
            _burst.Read();
            Condition(nowMs, mustChange);
        }

        /// <summary>Conditions the burst already analysed (rails, stuck, calibration, filter).</summary>
        internal void Condition(long nowMs, bool mustChange)
        {
            _conditioner.Update(nowMs, _burst.RailStatus, _burst.RmsMv * _unitsPerAdcMv, _burst.Fingerprint, mustChange);
        }
    }
}
