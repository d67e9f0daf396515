using PodFirmware.Drivers.Numerics;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// The steps every sensor channel shares after its conversion: status precedence (rail fault,
    /// then stuck), calibration, the finiteness check, then the plausibility filter. Keeps the three
    /// sensor drivers from repeating that logic. A converted or calibrated value that is NaN or an
    /// infinity becomes <see cref="SensorStatus.NotFinite"/>, so no driver ever reports Ok with a
    /// value that is not a finite number.
    /// </summary>
    /// <remarks>
    /// Public so that its verdicts can be tested with values no real conversion produces (NaN, infinities).
    /// Not thread-safe: owned by the control tick. <see cref="Update"/> allocates nothing.
    /// </remarks>
    public sealed class SensorConditioner
    {
        private readonly LinearCalibration _calibration;
        private readonly PlausibilityFilter _filter;
        private readonly StuckDetector _stuck;
        private readonly bool _floorAtZero;
        private double _value;
        private SensorStatus _status;

        /// <summary>Creates the chain; the value is NaN and the status Open until the first update.</summary>
        /// <param name="calibrationGain">Calibration gain.</param>
        /// <param name="calibrationOffset">Calibration offset in the channel's unit.</param>
        /// <param name="maxStep">Plausibility step in the channel's unit.</param>
        /// <param name="stuckAfterMs">Stuck window in milliseconds.</param>
        /// <param name="floorAtZero"><c>true</c> for RMS values, which cannot be negative after calibration.</param>
        public SensorConditioner(double calibrationGain, double calibrationOffset, double maxStep, long stuckAfterMs, bool floorAtZero)
        {
            _calibration = new LinearCalibration(calibrationGain, calibrationOffset);
            _filter = new PlausibilityFilter(maxStep);
            _stuck = new StuckDetector(stuckAfterMs);
            _floorAtZero = floorAtZero;
            _value = double.NaN;
            _status = SensorStatus.Open;
        }

        /// <summary>Latest usable value in the channel's unit, always finite while <see cref="Status"/> is Ok; NaN whenever it is not.</summary>
        public double Value
        {
            get { return _value; }
        }

        /// <summary>Verdict on the latest sample.</summary>
        public SensorStatus Status
        {
            get { return _status; }
        }

        /// <summary>Judges and conditions one converted sample.</summary>
        /// <param name="nowMs">Monotonic time of the sample in milliseconds.</param>
        /// <param name="railStatus">The conversion's own verdict (Ok, Open or Short).</param>
        /// <param name="measured">The converted, uncalibrated value in the channel's unit; NaN or an infinity gives <see cref="SensorStatus.NotFinite"/>.</param>
        /// <param name="fingerprint">Raw counts, or the burst checksum, for stuck detection.</param>
        /// <param name="mustChange"><c>true</c> when a healthy channel's raw reading cannot stay identical now.</param>
        public void Update(long nowMs, SensorStatus railStatus, double measured, int fingerprint, bool mustChange)
        {
            bool stuck = _stuck.Update(nowMs, fingerprint, mustChange);
            if (railStatus != SensorStatus.Ok)
            {
                Fault(railStatus);
                return;
            }

            if (stuck)
            {
                Fault(SensorStatus.Stuck);
                return;
            }

            double calibrated = _calibration.Apply(measured);
            if (!Finite.IsFinite(calibrated))
            {
                // Checked before any comparison: the filter and the rules downstream compare only finite numbers.
                Fault(SensorStatus.NotFinite);
                return;
            }

            if (_floorAtZero && Finite.Below(calibrated, 0.0))
            {
                calibrated = 0.0;
            }

            _value = _filter.Filter(calibrated);
            _status = SensorStatus.Ok;
        }

        private void Fault(SensorStatus status)
        {
            _status = status;
            _value = double.NaN;

            // After the fault clears, the first reading is taken as it is rather than compared with a stale one.
            _filter.Reset();
        }
    }
}
