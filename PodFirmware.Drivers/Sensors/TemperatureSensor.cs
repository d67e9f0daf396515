using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Connector temperature from an NTC divider on one ADC channel: one raw reading per
    /// <see cref="Sample(long)"/>, converted to °C, checked for open/short at the rails and (on
    /// request) for a stuck reading, calibrated, then passed through the plausibility filter.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: sample and read it from the control tick only. Sampling allocates nothing.
    /// Until the first sample, <see cref="Status"/> is Open and <see cref="TemperatureC"/> is NaN.
    /// </remarks>
    public sealed class TemperatureSensor
    {
        private readonly IAnalogChannel _channel;
        private readonly NtcConverter _converter;
        private readonly SensorConditioner _conditioner;
        private int _rawCounts;

        /// <summary>Creates the sensor; copies <paramref name="config"/>, so later changes to it have no effect.</summary>
        /// <param name="channel">The ADC channel the divider feeds.</param>
        /// <param name="config">The channel's configuration.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The configuration fails validation, or the channel's full scale does not match its AdcBits.</exception>
        public TemperatureSensor(IAnalogChannel channel, TemperatureSensorConfig config)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            ConfigErrors errors = new ConfigErrors();
            config.Validate("temperature", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException(errors.ToString(), "config");
            }

            _converter = new NtcConverter(config);
            if (channel.MaxRawCounts != _converter.MaxRawCounts)
            {
                throw new ArgumentException("channel full scale is " + channel.MaxRawCounts.ToString() + " counts, configured adcBits give " + _converter.MaxRawCounts.ToString(), "channel");
            }

            _channel = channel;
            _conditioner = new SensorConditioner(config.CalibrationGain, config.CalibrationOffsetC, config.MaxStepC, config.StuckAfterMs, false);
        }

        /// <summary>Latest connector temperature in °C, calibrated and filtered; NaN whenever <see cref="Status"/> is not Ok, and must not be used then.</summary>
        public double TemperatureC
        {
            get { return _conditioner.Value; }
        }

        /// <summary>Verdict on the latest sample: Ok, Open, Short (rails, by NTC position) or Stuck.</summary>
        public SensorStatus Status
        {
            get { return _conditioner.Status; }
        }

        /// <summary>The latest raw reading in counts, for diagnostics.</summary>
        public int RawCounts
        {
            get { return _rawCounts; }
        }

        /// <summary>Takes one reading without stuck detection: the same as <c>Sample(nowMs, false)</c>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds.</param>
        public void Sample(long nowMs)
        {
            Sample(nowMs, false);
        }

        /// <summary>Takes one reading and updates <see cref="TemperatureC"/> and <see cref="Status"/>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds.</param>
        /// <param name="mustChange">
        /// <c>true</c> when the raw counts cannot legitimately stay identical, so an unchanged reading for
        /// longer than StuckAfterMs reports Stuck. On the ESP32 the ADC's own noise moves a healthy
        /// channel by a few counts on every reading; a frozen value means a dead converter or input.
        /// </param>
        public void Sample(long nowMs, bool mustChange)
        {
            int raw = _channel.ReadRawCounts();
            _rawCounts = raw;
            SensorStatus rail = _converter.Classify(raw);
            double measuredC = rail == SensorStatus.Ok ? _converter.TemperatureCFromCounts(raw) : double.NaN;
            _conditioner.Update(nowMs, rail, measuredC, raw, mustChange);
        }
    }
}
