using PodFirmware.Drivers.Numerics;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// The smoke / gas detector: a detector's digital alarm output (with an optional test input), or an analog sensor on an
    /// ADC1 channel judged against <see cref="HazardConfig.AlarmAboveV"/>. Nothing is judged until
    /// <see cref="HazardConfig.WarmUpMs"/> after construction; an alarm counts once it lasted <see cref="HazardConfig.ConfirmMs"/>.
    /// The self-test (digital with a test input) runs at the end of the warm-up and on <see cref="Retest"/>: drive the test
    /// input, the alarm output must rise within <see cref="HazardConfig.TestTimeoutMs"/>, release it, it must fall within it
    /// again; a failure is <see cref="HazardState.Fault"/> until a retest passes. The analog sensor's self-check is its level:
    /// below <see cref="HazardConfig.FaultBelowV"/> (open, dead heater) or above <see cref="HazardConfig.FaultAboveV"/> (short)
    /// for <see cref="HazardConfig.ConfirmMs"/> is a fault while it lasts. A fitted type without its port is a fault.
    /// </summary>
    /// <remarks>Control tick only; allocates nothing after construction.</remarks>
    public sealed class HazardDetector
    {
        /// <summary>ADC input voltage at full scale, V (the ESP32's 12-bit ADC1 as the other analog drivers take it).</summary>
        public const double AdcFullScaleV = 3.3;

        private static readonly string[] Names = { "none", "warming_up", "clear", "testing", "detected", "fault" };

        private readonly HazardConfig _config;
        private readonly bool _fitted;
        private readonly bool _analog;
        private readonly IDigitalInput _alarm;
        private readonly IDigitalOutput _test;
        private readonly IAnalogChannel _channel;
        private readonly long _readyAtMs;
        private long _alarmSinceMs = -1;
        private long _faultSinceMs = -1;
        private int _testPhase;
        private long _phaseStartMs;
        private bool _bootTestDone;
        private bool _testFailed;
        private HazardState _state;
        private double _levelV = double.NaN;

        /// <summary>Builds the detector over its ports (null when the board has none) at monotonic time <paramref name="nowMs"/>, which starts the warm-up.</summary>
        public HazardDetector(HazardConfig config, IDigitalInput alarm, IDigitalOutput test, IAnalogChannel channel, long nowMs)
        {
            _config = config;
            _fitted = config != null && config.Fitted;
            _analog = _fitted && config.Type == HazardConfig.Analog;
            _alarm = alarm;
            _test = test;
            _channel = channel;
            _readyAtMs = nowMs + (_fitted ? config.WarmUpMs : 0);
            if (_test != null)
            {
                _test.Write(false);
            }
        }

        /// <summary>The state after the last <see cref="Update"/>.</summary>
        public HazardState State
        {
            get { return _state; }
        }

        /// <summary>The analog level at the ADC pin after the last <see cref="Update"/>, V; NaN for a digital detector or before the warm-up ended.</summary>
        public double LevelV
        {
            get { return _levelV; }
        }

        /// <summary><c>true</c> when the last self-test failed (until a retest passes).</summary>
        public bool TestFailed
        {
            get { return _testFailed; }
        }

        /// <summary>The wire name of <paramref name="state"/>: <c>none</c>, <c>warming_up</c>, <c>clear</c>, <c>testing</c>, <c>detected</c> or <c>fault</c>.</summary>
        public static string NameOf(HazardState state)
        {
            int i = (int)state;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }

        /// <summary>Reads the detector and advances warm-up, confirmation and self-test at monotonic time <paramref name="nowMs"/>. Once per tick.</summary>
        public HazardState Update(long nowMs)
        {
            if (!_fitted)
            {
                _state = HazardState.None;
            }
            else if (nowMs < _readyAtMs)
            {
                _state = HazardState.WarmingUp;
            }
            else if (_analog)
            {
                UpdateAnalog(nowMs);
            }
            else
            {
                UpdateDigital(nowMs);
            }

            return _state;
        }

        /// <summary>
        /// Runs a failed self-test again (a reset asks for it): after a failed test, with no test running, starts it and advances
        /// it up to its two edges at once, so a detector that answers at once has passed on return. Else does nothing.
        /// </summary>
        public void Retest(long nowMs)
        {
            if (!_testFailed || _testPhase != 0)
            {
                return;
            }

            Begin(nowMs);
            for (int i = 0; i < 2 && _testPhase != 0; i++)
            {
                UpdateDigital(nowMs);
            }
        }

        private void UpdateAnalog(long nowMs)
        {
            if (_channel == null)
            {
                _state = HazardState.Fault;
                return;
            }

            _levelV = (double)_channel.ReadRawCounts() * AdcFullScaleV / _channel.MaxRawCounts;
            bool inRange = Finite.Within(_levelV, _config.FaultBelowV, _config.FaultAboveV);
            _faultSinceMs = Since(!inRange, _faultSinceMs, nowMs);
            _alarmSinceMs = Since(inRange && Finite.Above(_levelV, _config.AlarmAboveV), _alarmSinceMs, nowMs);
            _state = Held(_faultSinceMs, nowMs) ? HazardState.Fault : Held(_alarmSinceMs, nowMs) ? HazardState.Detected : HazardState.Clear;
        }

        private void UpdateDigital(long nowMs)
        {
            if (_alarm == null)
            {
                _state = HazardState.Fault;
                return;
            }

            if (_test != null && !_bootTestDone)
            {
                _bootTestDone = true;
                Begin(nowMs);
            }

            bool active = _alarm.Read();

            if (_testPhase != 0)
            {
                StepTest(nowMs, active);
                _alarmSinceMs = -1;
                // A retest after a failure stays a fault until it passes.
                _state = _testFailed ? HazardState.Fault : _testPhase != 0 ? HazardState.Testing : HazardState.Clear;
                return;
            }

            _alarmSinceMs = Since(active, _alarmSinceMs, nowMs);
            _state = _testFailed ? HazardState.Fault : Held(_alarmSinceMs, nowMs) ? HazardState.Detected : HazardState.Clear;
        }

        private void Begin(long nowMs)
        {
            _testPhase = 1;
            _phaseStartMs = nowMs;
            _test.Write(true);
        }

        // Phase 1: test input driven, waiting for the alarm output; phase 2: released, waiting for it to fall.
        private void StepTest(long nowMs, bool active)
        {
            bool late = nowMs - _phaseStartMs > _config.TestTimeoutMs;
            if (_testPhase == 1 && active)
            {
                _testPhase = 2;
                _phaseStartMs = nowMs;
            }
            else if (_testPhase == 2 && !active)
            {
                _testPhase = 0;
                _testFailed = false;
            }
            else if (late)
            {
                _testPhase = 0;
                _testFailed = true;
            }

            _test.Write(_testPhase == 1);
        }

        private static long Since(bool condition, long sinceMs, long nowMs)
        {
            return !condition ? -1 : sinceMs < 0 ? nowMs : sinceMs;
        }

        private bool Held(long sinceMs, long nowMs)
        {
            return sinceMs >= 0 && nowMs - sinceMs >= _config.ConfirmMs;
        }
    }
}
