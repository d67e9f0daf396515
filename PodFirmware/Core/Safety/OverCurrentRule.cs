using System;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Charging current against the session's allowed current; the supervisor evaluates it only while charging.
    /// <list type="bullet">
    /// <item>Threshold = allowed x (100 + tolerancePercent) / 100. Strictly above it for strictly more than
    /// <see cref="ToleranceMs"/> reports <see cref="FaultCode.OverCurrent"/>; at or below it stops the timer (no band).</item>
    /// <item>Ceiling = the lower of allowed x (100 + ceilingPercent) / 100 and <see cref="AbsoluteMaxA"/>. At or above it
    /// reports <see cref="FaultCode.OverCurrentCeiling"/> at once.</item>
    /// <item>With no allowed current (0 or less) there is no threshold and the ceiling is <see cref="AbsoluteMaxA"/>. An allowed
    /// current that is NaN or infinite counts as none (the tightest limits), never as unlimited.</item>
    /// <item>A current reading that is NaN or infinite reports <see cref="FaultCode.CurrentSensorFault"/> (the supervisor only
    /// passes readings <see cref="SensorFaultRule.IsUsable"/> accepts; this keeps the rule fail-safe on its own).</item>
    /// <item>A lowered allowed current takes effect <see cref="ReductionGraceMs"/> after it last changed; until then the
    /// previous value sets both limits, so a vehicle that follows the reduction in time does not trip. A raised one takes effect at once.</item>
    /// </list>
    /// </summary>
    /// <remarks>Latches nothing. Allocates nothing. Not thread-safe: owned by the control tick.</remarks>
    public sealed class OverCurrentRule
    {
        private readonly SustainedTimer _timer = new SustainedTimer();
        private double _effectiveAllowedA;
        private bool _reducing;
        private double _pendingAllowedA;
        private long _reducedAtMs;
        private double _thresholdA = double.PositiveInfinity;
        private double _ceilingA;
        private double _lastLimitA;

        /// <summary>Creates the rule.</summary>
        /// <param name="tolerancePercent">Tolerated excess over the allowed current, in percent; 0 or more.</param>
        /// <param name="toleranceMs">Time allowed above the threshold, in milliseconds; more than 0.</param>
        /// <param name="ceilingPercent">Excess that trips at once, in percent; above <paramref name="tolerancePercent"/>.</param>
        /// <param name="absoluteMaxA">Current that trips at once whatever is allowed, in amperes; more than 0.</param>
        /// <param name="reductionGraceMs">Delay before a lowered allowed current sets the limits, in milliseconds; 0 or more.</param>
        /// <exception cref="ArgumentException">When a value is not finite or the values contradict each other.</exception>
        public OverCurrentRule(double tolerancePercent, int toleranceMs, double ceilingPercent, double absoluteMaxA, int reductionGraceMs)
        {
            if (!Finite.IsFinite(tolerancePercent) || !Finite.IsFinite(ceilingPercent) || !Finite.IsFinite(absoluteMaxA) ||
                !Finite.AtLeast(tolerancePercent, 0) || toleranceMs <= 0 || !Finite.Above(ceilingPercent, tolerancePercent) || !Finite.Above(absoluteMaxA, 0) || reductionGraceMs < 0)
            {
                throw new ArgumentException("current limits contradict each other");
            }

            TolerancePercent = tolerancePercent;
            ToleranceMs = toleranceMs;
            CeilingPercent = ceilingPercent;
            AbsoluteMaxA = absoluteMaxA;
            ReductionGraceMs = reductionGraceMs;
            _ceilingA = absoluteMaxA;
            _lastLimitA = absoluteMaxA;
        }

        /// <summary>Tolerated excess over the allowed current, in percent.</summary>
        public double TolerancePercent { get; private set; }

        /// <summary>Time allowed above the threshold, in milliseconds.</summary>
        public int ToleranceMs { get; private set; }

        /// <summary>Excess over the allowed current that trips at once, in percent.</summary>
        public double CeilingPercent { get; private set; }

        /// <summary>Current that trips at once whatever is allowed, in amperes.</summary>
        public double AbsoluteMaxA { get; private set; }

        /// <summary>Delay before a lowered allowed current sets the limits, in milliseconds.</summary>
        public int ReductionGraceMs { get; private set; }

        /// <summary>The allowed current, in amperes, that set the limits at the last <see cref="Evaluate"/>.</summary>
        public double EffectiveAllowedA
        {
            get { return _effectiveAllowedA; }
        }

        /// <summary>Threshold in amperes at the last <see cref="Evaluate"/>; positive infinity when no current was allowed.</summary>
        public double ThresholdA
        {
            get { return _thresholdA; }
        }

        /// <summary>Ceiling in amperes at the last <see cref="Evaluate"/>.</summary>
        public double CeilingA
        {
            get { return _ceilingA; }
        }

        /// <summary>The limit, in amperes, the code returned by the last <see cref="Evaluate"/> refers to (the ceiling or the threshold).</summary>
        public double LastLimitA
        {
            get { return _lastLimitA; }
        }

        /// <summary>Judges one reading taken while charging; returns the fault it shows or <see cref="FaultCode.None"/>.</summary>
        /// <param name="currentA">A valid charging current in amperes RMS (NaN or infinite: <see cref="FaultCode.CurrentSensorFault"/>, timer left as it is).</param>
        /// <param name="allowedCurrentA">The current the session allows now, in amperes; 0 or less, NaN or infinite for none.</param>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        public FaultCode Evaluate(double currentA, double allowedCurrentA, long nowMs)
        {
            FollowAllowed(AllowedOrNone(allowedCurrentA), nowMs);
            _thresholdA = ThresholdFor(_effectiveAllowedA);
            _ceilingA = CeilingFor(_effectiveAllowedA);
            if (!Finite.IsFinite(currentA))
            {
                _lastLimitA = _ceilingA;
                return FaultCode.CurrentSensorFault;
            }

            if (Finite.Above(currentA, _thresholdA))
            {
                _timer.Start(nowMs);
            }
            else
            {
                _timer.Stop();
            }

            if (Finite.AtLeast(currentA, _ceilingA))
            {
                _lastLimitA = _ceilingA;
                return FaultCode.OverCurrentCeiling;
            }

            _lastLimitA = _thresholdA;
            return _timer.HasLastedMoreThan(nowMs, ToleranceMs) ? FaultCode.OverCurrent : FaultCode.None;
        }

        /// <summary>
        /// <c>true</c> when <paramref name="currentA"/> is above the threshold or at/above the ceiling that
        /// <paramref name="allowedCurrentA"/> gives, ignoring time and the reduction grace; a NaN or infinite current counts as
        /// over (fail safe: a reset is refused on it). Changes no state.
        /// </summary>
        public bool IsOverLimit(double currentA, double allowedCurrentA)
        {
            double allowedA = AllowedOrNone(allowedCurrentA);
            return !Finite.IsFinite(currentA) || Finite.Above(currentA, ThresholdFor(allowedA)) || Finite.AtLeast(currentA, CeilingFor(allowedA));
        }

        /// <summary>Forgets the timer and the allowed-current history (called whenever the pod is not charging).</summary>
        public void Reset()
        {
            _timer.Stop();
            _effectiveAllowedA = 0;
            _reducing = false;
        }

        private void FollowAllowed(double allowedCurrentA, long nowMs)
        {
            if (Finite.AtLeast(allowedCurrentA, _effectiveAllowedA))
            {
                _effectiveAllowedA = allowedCurrentA;
                _reducing = false;
                return;
            }

            if (!_reducing || allowedCurrentA != _pendingAllowedA)
            {
                _reducing = true;
                _pendingAllowedA = allowedCurrentA;
                _reducedAtMs = nowMs;
            }

            if (nowMs - _reducedAtMs >= ReductionGraceMs)
            {
                _effectiveAllowedA = allowedCurrentA;
                _reducing = false;
            }
        }

        // A non-finite allowed current from the session is no allowed current: the tightest limits, never unlimited ones.
        private static double AllowedOrNone(double allowedCurrentA)
        {
            return Finite.IsFinite(allowedCurrentA) ? allowedCurrentA : 0;
        }

        // allowedA is finite here (AllowedOrNone), so the limits are finite or, for the threshold with nothing allowed, +infinity.
        private double ThresholdFor(double allowedA)
        {
            return Finite.Above(allowedA, 0) ? allowedA * (100 + TolerancePercent) / 100 : double.PositiveInfinity;
        }

        private double CeilingFor(double allowedA)
        {
            return Finite.Above(allowedA, 0) ? Finite.Min(allowedA * (100 + CeilingPercent) / 100, AbsoluteMaxA) : AbsoluteMaxA;
        }
    }
}
