using System;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Connector temperature against a cable profile. At or above <see cref="CeilingC"/> it reports
    /// <see cref="FaultCode.ConnectorTemperatureCeiling"/> at once. Strictly above <see cref="LimitC"/> starts the
    /// tolerance timer; strictly below <see cref="ResetLevelC"/> (limit minus hysteresis) stops it; a reading inside
    /// the band [<see cref="ResetLevelC"/>, <see cref="LimitC"/>] leaves it as it is, running or not. Once the timer has
    /// run for strictly more than <see cref="ToleranceMs"/> it reports <see cref="FaultCode.ConnectorOverTemperature"/>
    /// on every evaluation until the timer stops.
    /// </summary>
    /// <remarks>
    /// Why the band does not restart the count: a connector hovering at its limit is still overheating, and sensor
    /// noise of a few tenths of a degree must not restart the tolerance forever. Only a real cool-down (below the band) does.
    /// The rule latches nothing; the supervisor latches. Allocates nothing. Not thread-safe: owned by the control tick.
    /// </remarks>
    public sealed class ThermalRule
    {
        private readonly SustainedTimer _timer = new SustainedTimer();
        private double _lastLimitC;

        /// <summary>Creates the rule.</summary>
        /// <param name="limitC">Long-term limit in degrees Celsius.</param>
        /// <param name="ceilingC">Short-circuit ceiling in degrees Celsius; above <paramref name="limitC"/>.</param>
        /// <param name="toleranceMs">Time allowed above the limit in milliseconds; more than 0.</param>
        /// <param name="hysteresisC">Depth of the band below the limit, in degrees Celsius; 0 or more and below <paramref name="limitC"/>.</param>
        /// <exception cref="ArgumentException">When a value is not finite or the values contradict each other.</exception>
        public ThermalRule(double limitC, double ceilingC, int toleranceMs, double hysteresisC)
        {
            if (!Finite.IsFinite(limitC) || !Finite.IsFinite(ceilingC) || !Finite.IsFinite(hysteresisC) ||
                !Finite.Below(limitC, ceilingC) || toleranceMs <= 0 || !Finite.AtLeast(hysteresisC, 0) || !Finite.Below(hysteresisC, limitC))
            {
                throw new ArgumentException("thermal limits contradict each other");
            }

            LimitC = limitC;
            CeilingC = ceilingC;
            ToleranceMs = toleranceMs;
            HysteresisC = hysteresisC;
            ResetLevelC = limitC - hysteresisC;
            _lastLimitC = limitC;
        }

        /// <summary>Long-term limit in degrees Celsius; a reading counts as above only when strictly greater.</summary>
        public double LimitC { get; private set; }

        /// <summary>Short-circuit ceiling in degrees Celsius; a reading equal or greater trips at once.</summary>
        public double CeilingC { get; private set; }

        /// <summary>Time allowed above the limit, in milliseconds.</summary>
        public int ToleranceMs { get; private set; }

        /// <summary>Depth of the hysteresis band below the limit, in degrees Celsius.</summary>
        public double HysteresisC { get; private set; }

        /// <summary><see cref="LimitC"/> minus <see cref="HysteresisC"/>, in degrees Celsius: a reading strictly below it has cooled.</summary>
        public double ResetLevelC { get; private set; }

        /// <summary>The limit, in degrees Celsius, that the code returned by the last <see cref="Evaluate"/> refers to (<see cref="CeilingC"/> for a ceiling, else <see cref="LimitC"/>).</summary>
        public double LastLimitC
        {
            get { return _lastLimitC; }
        }

        /// <summary><c>true</c> while the tolerance timer runs.</summary>
        public bool IsTiming
        {
            get { return _timer.IsRunning; }
        }

        /// <summary>Judges one reading taken at <paramref name="nowMs"/> (monotonic ms); returns the fault it shows or <see cref="FaultCode.None"/>.</summary>
        /// <param name="temperatureC">
        /// The connector temperature in degrees Celsius. The supervisor passes only readings <see cref="SensorFaultRule.IsUsable"/>
        /// accepts (status Ok and finite). A NaN or infinite one is still judged fail-safe here: it reports
        /// <see cref="FaultCode.TemperatureSensorFault"/> and leaves the tolerance timer as it is.
        /// </param>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        public FaultCode Evaluate(double temperatureC, long nowMs)
        {
            if (!Finite.IsFinite(temperatureC))
            {
                _lastLimitC = LimitC;
                return FaultCode.TemperatureSensorFault;
            }

            if (Finite.Above(temperatureC, LimitC))
            {
                _timer.Start(nowMs);
            }
            else if (Finite.Below(temperatureC, ResetLevelC))
            {
                _timer.Stop();
            }

            if (Finite.AtLeast(temperatureC, CeilingC))
            {
                _lastLimitC = CeilingC;
                return FaultCode.ConnectorTemperatureCeiling;
            }

            _lastLimitC = LimitC;
            return _timer.HasLastedMoreThan(nowMs, ToleranceMs) ? FaultCode.ConnectorOverTemperature : FaultCode.None;
        }

        /// <summary>
        /// <c>true</c> when <paramref name="temperatureC"/> (degrees Celsius) is strictly below <see cref="ResetLevelC"/>;
        /// <c>false</c> for NaN or an infinity (fail safe: an unknown temperature has not cooled down).
        /// </summary>
        public bool IsBelowResetLevel(double temperatureC)
        {
            return Finite.IsFinite(temperatureC) && Finite.Below(temperatureC, ResetLevelC);
        }

        /// <summary>Forgets the tolerance timer.</summary>
        public void Reset()
        {
            _timer.Stop();
        }
    }
}
