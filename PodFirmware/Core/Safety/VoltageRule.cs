using System;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Mains voltage against a range. Strictly above <see cref="OverLimitV"/> for strictly more than
    /// <see cref="OverToleranceMs"/> reports <see cref="FaultCode.OverVoltage"/>, judged whenever the reading is valid.
    /// Strictly below <see cref="UnderLimitV"/> for strictly more than <see cref="UnderToleranceMs"/> reports
    /// <see cref="FaultCode.UnderVoltage"/>, judged only while the relay is commanded closed (an undocked pod reads 0 V).
    /// A reading back inside the range stops that timer at once (no band).
    /// </summary>
    /// <remarks>Latches nothing. Allocates nothing. Not thread-safe: owned by the control tick.</remarks>
    public sealed class VoltageRule
    {
        private readonly SustainedTimer _over = new SustainedTimer();
        private readonly SustainedTimer _under = new SustainedTimer();
        private double _lastLimitV;

        /// <summary>Creates the rule.</summary>
        /// <param name="overLimitV">Highest acceptable voltage in volts RMS.</param>
        /// <param name="overToleranceMs">Time allowed above it, in milliseconds; more than 0.</param>
        /// <param name="underLimitV">Lowest acceptable voltage while charging, in volts RMS; below <paramref name="overLimitV"/>.</param>
        /// <param name="underToleranceMs">Time allowed below it, in milliseconds; more than 0.</param>
        /// <exception cref="ArgumentException">When a limit is not finite or the values contradict each other.</exception>
        public VoltageRule(double overLimitV, int overToleranceMs, double underLimitV, int underToleranceMs)
        {
            if (!Finite.IsFinite(overLimitV) || !Finite.IsFinite(underLimitV) || !Finite.Below(underLimitV, overLimitV) || overToleranceMs <= 0 || underToleranceMs <= 0)
            {
                throw new ArgumentException("voltage limits contradict each other");
            }

            OverLimitV = overLimitV;
            OverToleranceMs = overToleranceMs;
            UnderLimitV = underLimitV;
            UnderToleranceMs = underToleranceMs;
            _lastLimitV = overLimitV;
        }

        /// <summary>Highest acceptable voltage in volts RMS.</summary>
        public double OverLimitV { get; private set; }

        /// <summary>Time allowed above <see cref="OverLimitV"/>, in milliseconds.</summary>
        public int OverToleranceMs { get; private set; }

        /// <summary>Lowest acceptable voltage while charging, in volts RMS.</summary>
        public double UnderLimitV { get; private set; }

        /// <summary>Time allowed below <see cref="UnderLimitV"/> while charging, in milliseconds.</summary>
        public int UnderToleranceMs { get; private set; }

        /// <summary>The limit, in volts, the code returned by the last <see cref="Evaluate"/> refers to; meaningful only after a fault.</summary>
        public double LastLimitV
        {
            get { return _lastLimitV; }
        }

        /// <summary>Judges one reading; returns the fault it shows or <see cref="FaultCode.None"/>. Over-voltage wins when both windows expired.</summary>
        /// <param name="voltageV">
        /// The mains voltage in volts RMS. The supervisor passes only readings <see cref="SensorFaultRule.IsUsable"/> accepts
        /// (status Ok and finite). A NaN or infinite one is still judged fail-safe here: it reports
        /// <see cref="FaultCode.VoltageSensorFault"/> and leaves both timers as they are.
        /// </param>
        /// <param name="relayCommandedClosed">Whether the relay is commanded closed; under-voltage is judged only then.</param>
        /// <param name="nowMs">Monotonic time of the reading in milliseconds.</param>
        public FaultCode Evaluate(double voltageV, bool relayCommandedClosed, long nowMs)
        {
            if (!Finite.IsFinite(voltageV))
            {
                return FaultCode.VoltageSensorFault;
            }

            if (Finite.Above(voltageV, OverLimitV))
            {
                _over.Start(nowMs);
            }
            else
            {
                _over.Stop();
            }

            if (relayCommandedClosed && Finite.Below(voltageV, UnderLimitV))
            {
                _under.Start(nowMs);
            }
            else
            {
                _under.Stop();
            }

            if (_over.HasLastedMoreThan(nowMs, OverToleranceMs))
            {
                _lastLimitV = OverLimitV;
                return FaultCode.OverVoltage;
            }

            if (_under.HasLastedMoreThan(nowMs, UnderToleranceMs))
            {
                _lastLimitV = UnderLimitV;
                return FaultCode.UnderVoltage;
            }

            return FaultCode.None;
        }

        /// <summary>
        /// <c>true</c> when <paramref name="voltageV"/> is outside the range the rule judges under the given relay command,
        /// ignoring time; a NaN or infinite value counts as outside (fail safe: a reset is refused on it). Changes no state.
        /// </summary>
        public bool IsOutOfRange(double voltageV, bool relayCommandedClosed)
        {
            return !Finite.IsFinite(voltageV) || Finite.Above(voltageV, OverLimitV) || (relayCommandedClosed && Finite.Below(voltageV, UnderLimitV));
        }

        /// <summary>Forgets both timers.</summary>
        public void Reset()
        {
            _over.Stop();
            _under.Stop();
        }
    }
}
