using System;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Rejects single-sample outliers without ever delaying a real step by more than one sample.
    /// </summary>
    /// <remarks>
    /// <para>Rule, per sample <c>x</c> (in the channel's engineering unit):</para>
    /// <list type="number">
    /// <item>The first sample (and the first after <see cref="Reset"/>) is accepted.</item>
    /// <item>A sample within <see cref="MaxStep"/> of the last accepted value is accepted.</item>
    /// <item>A sample that jumps further is held: the output repeats the last accepted value for this one sample.</item>
    /// <item>The sample after a held one is always accepted: if it confirms the jump, the step arrives one sample late;
    /// if it is back near the old value, the jump was a lone spike and never reached the output.</item>
    /// </list>
    /// <para>So no two samples in a row are held, and a real step is delayed by exactly one sample period, never more.</para>
    /// <para>Not thread-safe: owned by the control tick. Allocates nothing.</para>
    /// </remarks>
    public sealed class PlausibilityFilter
    {
        private readonly double _maxStep;
        private bool _hasValue;
        private bool _holding;
        private double _accepted;

        /// <summary>Creates a filter.</summary>
        /// <param name="maxStep">Largest believable change between two consecutive samples, in the channel's unit; finite and greater than 0.</param>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="maxStep"/> is not a finite number greater than 0.</exception>
        public PlausibilityFilter(double maxStep)
        {
            if (!Finite.IsFinite(maxStep) || !Finite.Above(maxStep, 0.0))
            {
                throw new ArgumentOutOfRangeException("maxStep", "must be a finite number greater than 0");
            }

            _maxStep = maxStep;
        }

        /// <summary>Largest believable change between two consecutive samples, in the channel's unit.</summary>
        public double MaxStep
        {
            get { return _maxStep; }
        }

        /// <summary><c>true</c> when the latest sample was held (the output repeated the previous accepted value).</summary>
        public bool IsHolding
        {
            get { return _holding; }
        }

        /// <summary>
        /// Feeds one sample and returns the value to use, in the same unit (see the rule in the remarks). A sample that is
        /// NaN or infinite is returned as it is and changes nothing (the drivers never pass one: <see cref="SensorConditioner"/>
        /// reports it as <see cref="SensorStatus.NotFinite"/> first).
        /// </summary>
        public double Filter(double sample)
        {
            if (!Finite.IsFinite(sample))
            {
                return sample;
            }

            if (_hasValue && !_holding)
            {
                double step = sample - _accepted;
                if (Finite.Above(step, _maxStep) || Finite.Below(step, -_maxStep))
                {
                    _holding = true;
                    return _accepted;
                }
            }

            _holding = false;
            _hasValue = true;
            _accepted = sample;
            return sample;
        }

        /// <summary>Forgets the history, so the next sample is accepted as it is (after a sensor fault clears).</summary>
        public void Reset()
        {
            _hasValue = false;
            _holding = false;
        }
    }
}
