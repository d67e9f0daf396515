using System;
using PodFirmware.Core.Faults;
using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Core.Safety
{
    /// <summary>
    /// Checks that the relay contacts follow the coil (energised coil = closed contacts). Once the coil has been
    /// commanded open for at least <see cref="SettleMs"/>: <see cref="FaultCode.RelayWelded"/> when the mirror contact
    /// (if fitted) reads closed, or when the current reading is usable and at least <see cref="WeldCurrentA"/> (with or
    /// without a mirror). Once commanded closed for at least <see cref="SettleMs"/> with a mirror that reads open:
    /// <see cref="FaultCode.RelayFailedToClose"/>.
    /// </summary>
    /// <remarks>
    /// <para>The settle time counts from <see cref="SafetyInputs.RelayChangedAtMs"/>. As a safeguard, when the rule sees
    /// the command change but the tick has not reported a newer change time, it counts from the Evaluate that saw
    /// the change instead, so a missing time stamp can only delay a decision by one tick, never bring it forward.</para>
    /// <para>Latches nothing. Allocates nothing. Not thread-safe: owned by the control tick.</para>
    /// </remarks>
    public sealed class RelayFeedbackRule
    {
        private bool _started;
        private bool _seenClosed;
        private long _changedAtMs;
        private bool _lastByCurrent;

        /// <summary>Creates the rule.</summary>
        /// <param name="settleMs">Time after a command change before the contacts are judged, in milliseconds; more than 0.</param>
        /// <param name="weldCurrentA">Current in amperes RMS that shows welded contacts while commanded open; more than 0.</param>
        /// <exception cref="ArgumentException">When a value is out of range.</exception>
        public RelayFeedbackRule(int settleMs, double weldCurrentA)
        {
            if (settleMs <= 0 || !Finite.IsFinite(weldCurrentA) || !Finite.Above(weldCurrentA, 0))
            {
                throw new ArgumentException("relay settle time and weld current must be positive");
            }

            SettleMs = settleMs;
            WeldCurrentA = weldCurrentA;
        }

        /// <summary>Time after a coil command change before the contacts are judged, in milliseconds.</summary>
        public int SettleMs { get; private set; }

        /// <summary>Current in amperes RMS at or above which open-commanded contacts count as welded.</summary>
        public double WeldCurrentA { get; private set; }

        /// <summary>Monotonic time in milliseconds the rule counts the settle time from (the last command change).</summary>
        public long ChangedAtMs
        {
            get { return _changedAtMs; }
        }

        /// <summary><c>true</c> when the last <see cref="Evaluate"/> reported a weld because of the current reading (otherwise the mirror decided).</summary>
        public bool LastByCurrent
        {
            get { return _lastByCurrent; }
        }

        /// <summary>Judges the relay; returns <see cref="FaultCode.RelayWelded"/>, <see cref="FaultCode.RelayFailedToClose"/> or <see cref="FaultCode.None"/>.</summary>
        /// <param name="inputs">This tick's inputs: the coil command, its change time, the mirror and the current reading.</param>
        public FaultCode Evaluate(SafetyInputs inputs)
        {
            long nowMs = inputs.NowMs;
            bool closed = inputs.RelayCommandedClosed;
            if (!_started || closed != _seenClosed)
            {
                long reportedMs = inputs.RelayChangedAtMs;
                _changedAtMs = (_started && reportedMs > _changedAtMs && reportedMs <= nowMs) || (!_started && reportedMs <= nowMs) ? reportedMs : nowMs;
                _seenClosed = closed;
                _started = true;
            }
            else if (inputs.RelayChangedAtMs > _changedAtMs && inputs.RelayChangedAtMs <= nowMs)
            {
                // The tick re-commanded the same state (e.g. open, close, open between two evaluations).
                _changedAtMs = inputs.RelayChangedAtMs;
            }

            _lastByCurrent = false;
            if (nowMs - _changedAtMs < SettleMs)
            {
                return FaultCode.None;
            }

            if (!closed)
            {
                if (SensorFaultRule.IsUsable(inputs.CurrentStatus, inputs.CurrentA) && Finite.AtLeast(inputs.CurrentA, WeldCurrentA))
                {
                    _lastByCurrent = true;
                    return FaultCode.RelayWelded;
                }

                return inputs.RelayFeedbackPresent && inputs.RelayFeedbackClosed ? FaultCode.RelayWelded : FaultCode.None;
            }

            return inputs.RelayFeedbackPresent && !inputs.RelayFeedbackClosed ? FaultCode.RelayFailedToClose : FaultCode.None;
        }
    }
}
