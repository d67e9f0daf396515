using System;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Lowers the charging current on a warming connector before the thermal trip. At or above
    /// <see cref="HalfAtC"/> the step is <see cref="DerateStep.Half"/>, at or above <see cref="QuarterAtC"/>
    /// <see cref="DerateStep.Quarter"/>; a step higher than the present one takes effect at once. A step is left one at
    /// a time: only strictly below its threshold minus <see cref="HysteresisC"/> and only once it has been held for at
    /// least <see cref="HoldMs"/>, so the offered current does not chatter. <see cref="CapA"/> turns the step into a
    /// current cap; a cap below <see cref="MinimumA"/> is a pause (0 A).
    /// </summary>
    /// <remarks>
    /// The trip rules are untouched: if derating does not cool the connector, <see cref="ThermalRule"/> trips as before.
    /// A reading that is not finite leaves the step as it is (the supervisor trips on the sensor fault).
    /// Allocates nothing. Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class ThermalDerating
    {
        private readonly bool _enabled;
        private DerateStep _step;
        private long _changedAtMs;

        /// <summary>Creates the rule.</summary>
        /// <param name="enabled"><c>false</c> keeps the step at <see cref="DerateStep.None"/> for good.</param>
        /// <param name="limitC">The cable profile's long-term limit in degrees Celsius.</param>
        /// <param name="halfBelowLimitC">The half step starts this many degrees Celsius below the limit; more than <paramref name="quarterBelowLimitC"/>.</param>
        /// <param name="quarterBelowLimitC">The quarter step starts this many degrees Celsius below the limit; 0 or more.</param>
        /// <param name="hysteresisC">Depth of each step's exit band in degrees Celsius; 0 or more.</param>
        /// <param name="holdMs">Shortest time a step is held before a lower one, in milliseconds; 0 or more.</param>
        /// <param name="minimumA">Lowest current worth offering in amperes; more than 0.</param>
        /// <exception cref="ArgumentException">When a value is not finite or the values contradict each other.</exception>
        public ThermalDerating(bool enabled, double limitC, double halfBelowLimitC, double quarterBelowLimitC, double hysteresisC, int holdMs, double minimumA)
        {
            if (!Finite.IsFinite(limitC) || !Finite.IsFinite(halfBelowLimitC) || !Finite.IsFinite(quarterBelowLimitC) ||
                !Finite.IsFinite(hysteresisC) || !Finite.IsFinite(minimumA) || !Finite.AtLeast(quarterBelowLimitC, 0) ||
                !Finite.Below(quarterBelowLimitC, halfBelowLimitC) || !Finite.AtLeast(hysteresisC, 0) || holdMs < 0 || !Finite.Above(minimumA, 0))
            {
                throw new ArgumentException("derating steps contradict each other");
            }

            _enabled = enabled;
            HalfAtC = limitC - halfBelowLimitC;
            QuarterAtC = limitC - quarterBelowLimitC;
            HysteresisC = hysteresisC;
            HoldMs = holdMs;
            MinimumA = minimumA;
        }

        /// <summary>Temperature in degrees Celsius at or above which the current is halved.</summary>
        public double HalfAtC { get; private set; }

        /// <summary>Temperature in degrees Celsius at or above which the current is quartered.</summary>
        public double QuarterAtC { get; private set; }

        /// <summary>Depth of each step's exit band in degrees Celsius.</summary>
        public double HysteresisC { get; private set; }

        /// <summary>Shortest time a step is held before the next lower one, in milliseconds.</summary>
        public int HoldMs { get; private set; }

        /// <summary>A derated current below this, in amperes, is a pause (0 A).</summary>
        public double MinimumA { get; private set; }

        /// <summary>The step in force after the last <see cref="Evaluate"/>.</summary>
        public DerateStep Step
        {
            get { return _step; }
        }

        /// <summary>Monotonic time in milliseconds at which <see cref="Step"/> last changed; meaningful only while it is not None.</summary>
        public long ChangedAtMs
        {
            get { return _changedAtMs; }
        }

        /// <summary>Judges one reading and returns the step in force. Allocates nothing.</summary>
        /// <param name="temperatureC">Connector temperature in degrees Celsius; NaN or an infinity leaves the step as it is.</param>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        public DerateStep Evaluate(double temperatureC, long nowMs)
        {
            if (!_enabled || !Finite.IsFinite(temperatureC))
            {
                return _step;
            }

            DerateStep target = Finite.AtLeast(temperatureC, QuarterAtC) ? DerateStep.Quarter
                : (Finite.AtLeast(temperatureC, HalfAtC) ? DerateStep.Half : DerateStep.None);
            if (target > _step)
            {
                Change(target, nowMs);
            }
            else if (_step != DerateStep.None && nowMs - _changedAtMs >= HoldMs)
            {
                double exitC = (_step == DerateStep.Quarter ? QuarterAtC : HalfAtC) - HysteresisC;
                if (Finite.Below(temperatureC, exitC))
                {
                    Change(_step == DerateStep.Quarter ? DerateStep.Half : DerateStep.None, nowMs);
                }
            }

            return _step;
        }

        /// <summary>
        /// The current the session may draw under the present step, in amperes: <paramref name="allowedA"/> itself without
        /// derating, half or a quarter of it otherwise, and 0 (a pause) when that is below <see cref="MinimumA"/>.
        /// A non-finite or negative <paramref name="allowedA"/> gives 0.
        /// </summary>
        /// <param name="allowedA">The session's allowed current in amperes.</param>
        public double CapA(double allowedA)
        {
            if (!Finite.IsFinite(allowedA) || !Finite.Above(allowedA, 0))
            {
                return 0;
            }

            if (_step == DerateStep.None)
            {
                return allowedA;
            }

            double capA = _step == DerateStep.Half ? allowedA / 2.0 : allowedA / 4.0;
            return Finite.Below(capA, MinimumA) ? 0 : capA;
        }

        /// <summary>Forgets the step: back to <see cref="DerateStep.None"/>.</summary>
        public void Reset()
        {
            _step = DerateStep.None;
            _changedAtMs = 0;
        }

        private void Change(DerateStep step, long nowMs)
        {
            _step = step;
            _changedAtMs = nowMs;
        }
    }
}
