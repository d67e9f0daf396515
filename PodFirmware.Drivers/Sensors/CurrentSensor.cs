using System;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Ports;

namespace PodFirmware.Drivers.Sensors
{
    /// <summary>
    /// Charging current in amperes RMS from a current transformer or Hall sensor on one ADC channel:
    /// each <see cref="Sample"/> takes one burst over whole mains cycles (<see cref="RmsBurst"/>),
    /// scales the bias-free RMS to amperes, checks rails and stuck samples, calibrates and filters.
    /// </summary>
    /// <remarks>
    /// Amperes = RMS at the ADC pin in volts * AmpsPerAdcVolt (CT: turns / (burden * gain);
    /// Hall: 1000 / (mV per A * gain)). Not thread-safe: sample and read it from the control tick only.
    /// Sampling blocks for one burst (40 ms by default) and allocates nothing. Until the first sample,
    /// <see cref="Status"/> is Open and <see cref="CurrentA"/> is NaN.
    /// </remarks>
    public sealed class CurrentSensor
    {
        private readonly MainsRmsChannel _channel;

        /// <summary>Creates the sensor and its burst buffer; copies <paramref name="config"/>, so later changes to it have no effect.</summary>
        /// <param name="channel">The ADC channel the transducer feeds.</param>
        /// <param name="config">The channel's configuration.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The configuration fails validation, or the channel's full scale does not match its AdcBits.</exception>
        public CurrentSensor(IAnalogChannel channel, CurrentSensorConfig config)
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
            config.Validate("current", errors);
            if (errors.Count > 0)
            {
                throw new ArgumentException(errors.ToString(), "config");
            }

            _channel = new MainsRmsChannel(
                new RmsBurst(channel, config.Burst, config.AdcBits, config.ReferenceMv, config.RailMarginFraction),
                config.AmpsPerAdcVolt,
                new SensorConditioner(config.CalibrationGain, config.CalibrationOffsetA, config.MaxStepA, config.StuckAfterMs, true));
        }

        /// <summary>Latest charging current in amperes RMS, calibrated and filtered, 0 or more; NaN whenever <see cref="Status"/> is not Ok, and must not be used then.</summary>
        public double CurrentA
        {
            get { return _channel.Value; }
        }

        /// <summary>Verdict on the latest burst: Ok, Open (input at 0 V), Short (input at full scale) or Stuck.</summary>
        public SensorStatus Status
        {
            get { return _channel.Status; }
        }

        /// <summary>
        /// <c>true</c> when the latest burst touched an ADC rail: the current exceeded the measurable range
        /// and <see cref="CurrentA"/> reads low; treat it as at least the range's limit.
        /// </summary>
        public bool IsClipped
        {
            get { return _channel.IsClipped; }
        }

        /// <summary>Takes one burst and updates <see cref="CurrentA"/>, <see cref="Status"/> and <see cref="IsClipped"/>.</summary>
        /// <param name="nowMs">Monotonic time in milliseconds.</param>
        /// <param name="mustChange">
        /// <c>true</c> when the raw samples cannot all repeat exactly (for example while charging, or
        /// always on the ESP32, whose ADC noise moves every burst); identical bursts for longer than
        /// StuckAfterMs then report Stuck.
        /// </param>
        public void Sample(long nowMs, bool mustChange)
        {
            _channel.Sample(nowMs, mustChange);
        }
    }
}
